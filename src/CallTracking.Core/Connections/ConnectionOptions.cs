using System;
using System.Net.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Connections
{
    /// <summary>Everything Connect-CallTracking gathers to open a connection.</summary>
    public sealed class ConnectionOptions
    {
        public ProviderName Provider { get; set; }
        /// <summary>A name for the connection, so a script can hold several accounts; defaults to the provider's name.</summary>
        public string? Name { get; set; }
        /// <summary>The API's base; each provider has a default (TrackDrive needs a subdomain or this).</summary>
        public Uri? BaseUri { get; set; }
        /// <summary>TrackDrive account subdomain: https://{subdomain}.trackdrive.com/api/v1/.</summary>
        public string? Subdomain { get; set; }
        public ProviderCredential? Credential { get; set; }
        public int MaxRetry { get; set; } = 4;
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
        public RetryTiming? RetryTiming { get; set; }
        /// <summary>Default country for numbers typed without a country code (ISO 3166-1 alpha-2).</summary>
        public string DefaultCountry { get; set; } = "US";
        /// <summary>The transport at the end of the handler chain; the sandbox plugs in here. Null = the network.</summary>
        public Func<HttpMessageHandler>? PrimaryHandlerFactory { get; set; }
        public bool IsSandbox { get; set; }
        /// <summary>An object owned by the connection and disposed with it (the in-process sandbox).</summary>
        public IDisposable? OwnedResource { get; set; }

        internal void Validate()
        {
            if (MaxRetry < 0 || MaxRetry > 20) throw new CallTrackingArgumentException("MaxRetry", MaxRetry, "a whole number from 0 to 20");
            if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(1)) throw new CallTrackingArgumentException("TimeoutSec", Timeout.TotalSeconds, "from 1 to 3600 seconds");
            if (Credential is null) throw new CallTrackingArgumentException("Credential", null, "a PSCredential (or -Sandbox)");
            var country = (DefaultCountry ?? string.Empty).Trim().ToUpperInvariant();
            if (!System.Linq.Enumerable.Contains(PhoneNumberNormalizer.KnownCountries, country, StringComparer.OrdinalIgnoreCase))
                throw CallTrackingArgumentException.NotInSet("DefaultCountry", DefaultCountry, System.Linq.Enumerable.OrderBy(PhoneNumberNormalizer.KnownCountries, c => c, StringComparer.Ordinal));
            DefaultCountry = country;
            if (BaseUri != null) EnsureSafeBaseUri(BaseUri);
        }

        /// <summary>Credentials never travel in clear text: http:// only to this machine.</summary>
        public static void EnsureSafeBaseUri(Uri uri)
        {
            if (!uri.IsAbsoluteUri) throw new CallTrackingArgumentException("BaseUri", uri.OriginalString, "an absolute https:// URI");
            if (uri.Scheme == Uri.UriSchemeHttps) return;
            if (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback) return;
            throw new CallTrackingArgumentException("BaseUri", uri.OriginalString, "an https:// URI (http:// is allowed only for a loopback host such as 127.0.0.1 or localhost, so that credentials never travel in clear text)");
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
