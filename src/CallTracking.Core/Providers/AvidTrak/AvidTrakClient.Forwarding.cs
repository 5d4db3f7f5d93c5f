using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Batching;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;
using Ops = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Operations;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// set_forwarding and remove_forwarding [seed]: for the numbers given (type=sid, sid[] — one request per forward number
    /// and extension), or for every online (pro) or offline (lite) number at once. Both give the same result when repeated.
    /// </summary>
    public sealed partial class AvidTrakClient : ICallForwarding
    {
        public IBatchOperation<ForwardingChange> SetForwarding() => ForwardingBatch(set: true);

        public IBatchOperation<ForwardingChange> RemoveForwarding() => ForwardingBatch(set: false);

        private IBatchOperation<ForwardingChange> ForwardingBatch(bool set)
        {
            var resolver = new SidResolver(this);
            var operation = set ? Ops.SetForwarding : Ops.RemoveForwarding;
            var action = set ? "set call forwarding" : "remove call forwarding";
            var cmdlet = set ? "Set-CallForwarding" : "Remove-CallForwarding";
            return new BatchOperation<ForwardingChange>(AvidTrakApi.ProviderName, operation, action, AvidTrakApi.MaxArrayPerRequest)
            {
                ValidateRow = row => CheckForwarding(row, set, cmdlet),
                Key = row =>
                {
                    var f = CheckForwarding(row, set, cmdlet);
                    return f.Scope + "|" + f.ForwardNumber + "|" + f.Extension;
                },
                Identifier = row => row.Id is null ? null : NumberKey(row.Id, "Id"),
                Result = row => ForwardingResultOf(row, set, cmdlet, action),
                Description = rows =>
                {
                    var f = CheckForwarding(rows[0], set, cmdlet);
                    var target = f.Scope == AvidTrakApi.ScopeSid ? NumbersText(rows.Select(r => NumberKey(r.Id, "Id")).ToList()) : ScopeText(f.Scope);
                    var what = set
                        ? "Set call forwarding to " + f.Shown + (f.Extension is null ? string.Empty : " extension " + f.Extension) + " (set_forwarding type=" + f.Scope + ")"
                        : "Remove call forwarding (remove_forwarding type=" + f.Scope + ")";
                    return new BatchDescription(target, what);
                },
                Send = (rows, ct) =>
                {
                    var f = CheckForwarding(rows[0], set, cmdlet);
                    if (f.Scope != AvidTrakApi.ScopeSid)
                        return SendScopeAsync(operation, f, rows.Count, ct);
                    return SendForSidsAsync(resolver, rows.Select(r => NumberKey(r.Id, "Id")).ToList(), (sids, token) =>
                    {
                        var q = new QueryBuilder();
                        foreach (var sid in sids) q.Add(AvidTrakApi.SidArray, sid);
                        AddForwarding(q, f);
                        return CallAsync(operation, q, sids.Count == 1 ? sids[0] : Count(sids.Count, "number"), token);
                    }, ct);
                },
            };
        }

        private async Task<IReadOnlyList<BatchReply>> SendScopeAsync(ApiOperation operation, Forwarding f, int rows, CancellationToken cancellationToken)
        {
            var q = new QueryBuilder();
            AddForwarding(q, f);
            await CallAsync(operation, q, ScopeText(f.Scope), cancellationToken).ConfigureAwait(false);
            return BatchReply.AllDone(rows);
        }

        private static void AddForwarding(QueryBuilder q, Forwarding f)
        {
            q.Add(AvidTrakApi.Type, f.Scope);
            q.Add(AvidTrakApi.ForwardNumber, f.ForwardNumber).Add(AvidTrakApi.Extension, f.Extension);
        }

        private static string ScopeText(string scope)
            => scope == AvidTrakApi.ScopePro ? "every online (pro) number" : scope == AvidTrakApi.ScopeLite ? "every offline (lite) number" : "the numbers given";

        /// <summary>One forwarding row, checked: its scope, the forward number as national digits (and as shown), the extension.</summary>
        private sealed class Forwarding
        {
            public string Scope = AvidTrakApi.ScopeSid;
            public string? ForwardNumber;
            public string? Shown;
            public string? Extension;
        }

        private Forwarding CheckForwarding(ForwardingChange row, bool set, string cmdlet)
        {
            var options = AvidTrakOptions<AvidTrakForwarding>(row.Options, cmdlet);
            var f = new Forwarding();
            if (options?.Scope != null) f.Scope = AvidTrakWire.Required(options.Scope, new[] { AvidTrakApi.ScopeSid, AvidTrakApi.ScopePro, AvidTrakApi.ScopeLite }, "Scope");
            if (f.Scope == AvidTrakApi.ScopeSid) NumberKey(row.Id, "Id");
            else if (!string.IsNullOrWhiteSpace(row.Id))
                throw new CallTrackingArgumentException("Id", row.Id, "no number: type=" + f.Scope + " changes " + ScopeText(f.Scope) + " (leave out -Id, or leave out -AllPro/-AllLite)");
            if (set)
            {
                var e164 = PhoneNumberNormalizer.Normalize(row.ForwardNumber, DefaultCountry, "ForwardNumber");
                f.Shown = e164;
                f.ForwardNumber = AvidTrakWire.NationalDigits(e164, "ForwardNumber");
                if (options?.Extension != null && options.Extension.Trim().Length > 0)
                {
                    var ext = options.Extension.Trim();
                    if (ext.Length > 10 || ext.Any(c => !(c >= '0' && c <= '9') && c != '*' && c != '#'))
                        throw new CallTrackingArgumentException("Extension", options.Extension, "an extension of up to 10 digits (* and # allowed)");
                    f.Extension = ext;
                }
            }
            else
            {
                if (!string.IsNullOrWhiteSpace(row.ForwardNumber)) throw new CallTrackingArgumentException("ForwardNumber", row.ForwardNumber, "nothing: remove_forwarding takes no forward number");
                if (!string.IsNullOrWhiteSpace(options?.Extension)) throw new CallTrackingArgumentException("Extension", options!.Extension, "nothing: remove_forwarding takes no extension");
            }
            return f;
        }

        private AvidTrakForwardingResult ForwardingResultOf(ForwardingChange row, bool set, string cmdlet, string action)
        {
            var result = new AvidTrakForwardingResult(action) { Id = row.Id is null ? null : SafeKey(row.Id) };
            if (result.Id != null && result.Id.StartsWith("+", StringComparison.Ordinal)) result.Number = result.Id;
            try
            {
                var f = CheckForwarding(row, set, cmdlet);
                result.ForwardNumber = f.Shown;
                result.Extension = f.Extension;
                result.Scope = f.Scope == AvidTrakApi.ScopeSid ? "numbers" : ScopeText(f.Scope);
                result.Change = AvidTrakApi.Type + "=" + f.Scope + (set ? ", " + AvidTrakApi.ForwardNumber + "=" + f.ForwardNumber + (f.Extension is null ? string.Empty : ", " + AvidTrakApi.Extension + "=" + f.Extension) : string.Empty);
            }
            catch (CallTrackingArgumentException)
            {
                // A row that failed its checks: its result shows what was given.
                result.ForwardNumber = row.ForwardNumber;
                result.Extension = AvidTrakOptions<AvidTrakForwarding>(row.Options, cmdlet)?.Extension;
            }
            return result;
        }
    }
}
