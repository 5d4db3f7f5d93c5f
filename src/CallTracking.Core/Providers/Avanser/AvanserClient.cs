using System;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Http;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>
    /// Sends AVANSER requests to either API through the connection's executor (the WebAPI's token flow is the
    /// authenticator's). The cmdlets' capabilities build on it.
    /// </summary>
    public sealed partial class AvanserClient
    {
        private readonly ApiExecutor _executor;

        public AvanserClient(ApiExecutor executor, string defaultCountry = AvanserApi.DefaultCountry)
        {
            _executor = executor ?? throw new ArgumentNullException(nameof(executor));
            DefaultCountry = string.IsNullOrWhiteSpace(defaultCountry) ? AvanserApi.DefaultCountry : defaultCountry.Trim().ToUpperInvariant();
        }

        /// <summary>The country of numbers typed without a country code (the connection's -DefaultCountry, AU unless given).</summary>
        public string DefaultCountry { get; }

        /// <summary>A WebAPI action (getCDR…) with its parameters; the reply body as text.</summary>
        public Task<string> WebApiAsync(ApiOperation operation, string action, QueryBuilder? parameters, CancellationToken cancellationToken)
        {
            var query = new QueryBuilder().Add(AvanserApi.Action, action);
            if (parameters != null) foreach (var p in parameters.Pairs) query.Add(p.Key, p.Value);
            return _executor.ReadAsync(ApiRequest.Get(operation, string.Empty, query), body => System.Text.Encoding.UTF8.GetString(body.ToArray()), cancellationToken);
        }

        /// <summary>A Telco API resource (services…); the reply body as text.</summary>
        public Task<string> TelcoAsync(ApiOperation operation, string path, QueryBuilder? parameters, CancellationToken cancellationToken)
            => _executor.ReadAsync(ApiRequest.Get(operation, path, parameters), body => System.Text.Encoding.UTF8.GetString(body.ToArray()), cancellationToken);
    }
}
