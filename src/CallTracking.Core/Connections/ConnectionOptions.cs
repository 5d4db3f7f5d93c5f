using System;
using System.Collections.Generic;
using System.Net.Http;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Connections
{
    /// <summary>
    /// Everything Connect-CallTracking gathers to open a connection: the provider, its credentials and settings (each
    /// provider's parameter class fills what its provider needs), and the transport's bounds.
    /// </summary>
    public sealed class ConnectionOptions
    {
        /// <summary>The provider's name as registered, any letter case.</summary>
        public string Provider { get; set; } = string.Empty;
        /// <summary>A name for the connection, so a script can hold several accounts; defaults to the provider's name.</summary>
        public string? Name { get; set; }
        /// <summary>The main credential: a user name (not secret) and a secret.</summary>
        public ProviderCredential? Credential { get; set; }
        /// <summary>Further named secrets some providers need (an API key beside a login); disposed with the connection.</summary>
        public IDictionary<string, SecretValue> Secrets { get; } = new Dictionary<string, SecretValue>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Non-secret provider settings by name (a subdomain, an account id, a reply format).</summary>
        public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Overrides the base URI of the provider's first (or only) API.</summary>
        public Uri? BaseUri { get; set; }
        /// <summary>Overrides the base URI of a named API (a provider with two APIs on two hosts).</summary>
        public IDictionary<string, Uri> EndpointBaseUris { get; } = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Retries after the first attempt: a request goes out at most 1 + MaxRetry times.</summary>
        public int MaxRetry { get; set; } = 4;
        /// <summary>Per attempt, covering the reply's headers and its whole body.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
        public RetryTiming? RetryTiming { get; set; }
        /// <summary>No reply (one page) larger than this is read (announced or while reading): 256 MB by default.</summary>
        public long MaxResponseBytes { get; set; } = 256L * 1024 * 1024;
        /// <summary>How long a pooled connection handler is used before a new one (so DNS changes are followed).</summary>
        public TimeSpan HandlerLifetime { get; set; } = TimeSpan.FromMinutes(2);
        /// <summary>Default country for numbers typed without a country code (ISO 3166-1 alpha-2); null: the provider's home country.</summary>
        public string? DefaultCountry { get; set; }
        /// <summary>The transport at the end of the handler chain; the sandbox plugs in here. Null = the network.</summary>
        public Func<HttpMessageHandler>? PrimaryHandlerFactory { get; set; }
        public bool IsSandbox { get; set; }
        /// <summary>An object owned by the connection and disposed with it (the in-process sandbox).</summary>
        public IDisposable? OwnedResource { get; set; }

        /// <summary>A setting's value, or null when not given.</summary>
        public string? Setting(string name) => Settings.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        /// <summary>A named secret, or null when not given.</summary>
        public SecretValue? Secret(string name) => Secrets.TryGetValue(name, out var v) ? v : null;

        internal void Validate(string homeCountry)
        {
            if (DefaultCountry is null) DefaultCountry = homeCountry;
            if (MaxRetry < 0 || MaxRetry > 20) throw new CallTrackingArgumentException("MaxRetry", MaxRetry, "a whole number from 0 to 20");
            if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(1)) throw new CallTrackingArgumentException("TimeoutSec", Timeout.TotalSeconds, "from 1 to 3600 seconds");
            if (MaxResponseBytes < 1024 * 1024 || MaxResponseBytes > 2047L * 1024 * 1024) throw new CallTrackingArgumentException("MaxResponseMB", MaxResponseBytes / (1024 * 1024), "from 1 to 2047 (megabytes)");
            var country = (DefaultCountry ?? string.Empty).Trim().ToUpperInvariant();
            if (!PhoneNumberNormalizer.IsKnownCountry(country))
                throw new CallTrackingArgumentException("DefaultCountry", DefaultCountry, "an ISO 3166-1 alpha-2 country code with a calling code, such as US, GB, AU or DE");
            DefaultCountry = country;
            if (BaseUri != null) EnsureSafeBaseUri(BaseUri, "BaseUri");
            foreach (var pair in EndpointBaseUris) EnsureSafeBaseUri(pair.Value, "BaseUri");
        }

        /// <summary>
        /// Credentials never travel in clear text (http:// only to this machine) and never sit in a URI (user info would be
        /// shown wherever the URI is); a base URI carries no query or fragment (paths and queries are appended to it).
        /// </summary>
        public static void EnsureSafeBaseUri(Uri uri, string parameterName)
        {
            if (uri is null) throw new ArgumentNullException(nameof(uri));
            if (!uri.IsAbsoluteUri) throw new CallTrackingArgumentException(parameterName, uri.OriginalString, "an absolute https:// URI");
            if (!string.IsNullOrEmpty(uri.UserInfo))
                throw new CallTrackingArgumentException(parameterName, Http.SecretRedactor.RedactUri(uri), "a URI without user name or password (pass credentials with -Credential)");
            if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
                throw new CallTrackingArgumentException(parameterName, uri.OriginalString, "an https:// URI (http:// is allowed only for a loopback host such as 127.0.0.1 or localhost, so that credentials never travel in clear text)");
            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
                throw new CallTrackingArgumentException(parameterName, Http.SecretRedactor.RedactUri(uri), "a base URI without a query or fragment, such as " + uri.GetLeftPart(UriPartial.Path));
        }
    }

    /// <summary>Backoff timing (tests shorten it; users rarely need to).</summary>
    public sealed class RetryTiming
    {
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
        public TimeSpan MaxTotalWait { get; set; } = TimeSpan.FromSeconds(120);
    }
}
