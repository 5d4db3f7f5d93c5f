using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Paging;
using CallTracking.Core.Validation;
using Ops = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Operations;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// call_logs (the calls; without dates AvidTrak gives yesterday's [seed]) and all_lite_calls (the calls of offline
    /// campaigns, Get-CallLog -Offline), each one reply. The API has no method for one call.
    /// </summary>
    public sealed partial class AvidTrakClient : ICallLog
    {
        /// <summary>The calls between two dates (null: not sent, AvidTrak's default: yesterday for call_logs).</summary>
        public IAsyncEnumerable<AvidTrakCallRecord> ListCallsAsync(DateTimeOffset? start, DateTimeOffset? end, bool offline, long? first = null, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            var operation = offline ? Ops.AllLiteCalls : Ops.CallLogs;
            var q = CallParameters(start, end);
            return Paginator.StreamAsync<AvidTrakCallRecord>(AvidTrakApi.ProviderName, operation, async (token, ct) =>
            {
                var envelope = await CallAsync(operation, q, null, ct).ConfigureAwait(false);
                var calls = envelope.Rows.Select(r => AvidTrakRecords.Call(r, DefaultCountry, offline)).ToList();
                return new Page<AvidTrakCallRecord>(calls, null, calls.Count);
            }, first, null, observer, cancellationToken);
        }

        private static QueryBuilder CallParameters(DateTimeOffset? start, DateTimeOffset? end)
        {
            if (start.HasValue && end.HasValue && start.Value > end.Value)
                throw new CallTrackingArgumentException("CreatedBefore", AvidTrakWire.Date(end.Value), "a date after -CreatedAfter/-Start (" + AvidTrakWire.Date(start.Value) + "): the end of the range (-End)");
            return new QueryBuilder()
                .Add(AvidTrakApi.StartDate, start.HasValue ? AvidTrakWire.Date(start.Value) : null)
                .Add(AvidTrakApi.EndDate, end.HasValue ? AvidTrakWire.Date(end.Value) : null);
        }

        IAsyncEnumerable<CallRecord> ICallLog.ListCallsAsync(CallLogQuery query, Action<PageProgress>? observer, CancellationToken cancellationToken)
        {
            var options = AvidTrakOptions<AvidTrakCallQuery>(query.Options, "Get-CallLog");
            CallParameters(query.CreatedAfter, query.CreatedBefore);
            return ListCallsAsync(query.CreatedAfter, query.CreatedBefore, options?.Offline ?? false, query.First, observer, cancellationToken);
        }

        Task<CallRecord> ICallLog.GetCallAsync(string id, CancellationToken cancellationToken)
            => throw new CallTrackingException(AvidTrakApi.ProviderName, "Get-CallLog -Id", CallTrackingErrorKind.NotSupported,
                "AvidTrak has no Get-CallLog -Id: its API has no method that returns one call. List the day's calls and pick it: Get-CallLog -CreatedAfter <date> | Where-Object Id -eq '" + id + "'.") { Target = id, NotSent = true };

        void ICallLog.Validate(CallLogQuery query)
        {
            AvidTrakOptions<AvidTrakCallQuery>(query.Options, "Get-CallLog");
            CallParameters(query.CreatedAfter, query.CreatedBefore);
        }
    }
}
