using System;
using System.Net.Http;

namespace CallTracking.Core.Http
{
    /// <summary>A named API of a provider as its definitions file declares it: the name and the default base URI.</summary>
    public sealed class EndpointDefinition
    {
        public EndpointDefinition(string name, Uri? defaultBaseUri, string description)
        {
            Name = string.IsNullOrWhiteSpace(name) ? ApiOperation.DefaultEndpoint : name;
            DefaultBaseUri = defaultBaseUri;
            Description = description ?? Name;
        }

        public string Name { get; }
        /// <summary>Null when the base depends on the account (an account subdomain).</summary>
        public Uri? DefaultBaseUri { get; }
        public string Description { get; }
    }

    /// <summary>
    /// One named API of one connection: its base URI and its own pooled HttpClient from the connection's
    /// IHttpClientFactory. A client is asked of the factory per request, so that the factory's finite handler lifetime
    /// rotates connections and a long runbook follows DNS changes.
    /// </summary>
    public sealed class ApiEndpoint
    {
        private readonly Func<HttpClient> _createClient;

        public ApiEndpoint(string name, Uri baseUri, Func<HttpClient> createClient)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            BaseUri = baseUri ?? throw new ArgumentNullException(nameof(baseUri));
            _createClient = createClient ?? throw new ArgumentNullException(nameof(createClient));
        }

        public string Name { get; }
        public Uri BaseUri { get; }

        internal HttpClient CreateClient() => _createClient();

        public override string ToString() => Name + " " + BaseUri;
    }
}
