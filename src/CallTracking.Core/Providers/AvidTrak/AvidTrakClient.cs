using System;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Http;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// Calls one AvidTrak method: method and format on the query (the pincode is added by the authenticator), the reply read
    /// into the envelope's rows in either format. The cmdlets' capabilities build on it.
    /// </summary>
    public sealed partial class AvidTrakClient
    {
        private readonly ApiExecutor _executor;

        public AvidTrakClient(ApiExecutor executor, string format, string defaultCountry = "US")
        {
            _executor = executor ?? throw new ArgumentNullException(nameof(executor));
            Format = format;
            DefaultCountry = string.IsNullOrWhiteSpace(defaultCountry) ? "US" : defaultCountry;
        }

        /// <summary>json or xml.</summary>
        public string Format { get; }

        /// <summary>The connection's country for phone numbers typed or sent without a country code.</summary>
        public string DefaultCountry { get; }

        /// <summary>Sends <paramref name="operation"/> with its parameters (arrays as repeated "name[]" keys, in order).</summary>
        public Task<AvidTrakEnvelope> CallAsync(ApiOperation operation, QueryBuilder? parameters, string? target, CancellationToken cancellationToken)
        {
            var query = new QueryBuilder().Add(AvidTrakApi.Method, AvidTrakApi.Operations.MethodOf(operation)).Add(AvidTrakApi.Format, Format);
            if (parameters != null) foreach (var p in parameters.Pairs) query.Add(p.Key, p.Value);
            var request = ApiRequest.Get(operation, string.Empty, query);
            request.Target = target;
            return _executor.ReadAsync(request, AvidTrakEnvelope.Parse, cancellationToken);
        }
    }
}
