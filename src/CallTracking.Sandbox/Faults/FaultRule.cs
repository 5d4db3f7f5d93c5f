using System;
using System.Collections;
using System.Globalization;
using System.Linq;

namespace CallTracking.Sandbox
{
    /// <summary>One injected failure; rules are checked in the order they were added and the first that matches fires.
    /// Every condition that is set must hold.</summary>
    public sealed class FaultRule
    {
        public FaultKind Kind { get; set; }

        /// <summary>HTTP method to match (case-insensitive); null = any.</summary>
        public string? Method { get; set; }

        /// <summary>Substring of the request path to match (case-insensitive); null = any.</summary>
        public string? PathContains { get; set; }

        /// <summary>Query name → value pairs that must all be present (names and values compared exactly, values as
        /// invariant strings; a null value only needs the name). A repeated name matches if any of its values does.
        /// A Hashtable works from PowerShell: @{ method = 'purchase_number' }. Read when the rule is added.</summary>
        public IDictionary? QueryMatches { get; set; }

        /// <summary>The emulator's name for the request's operation (e.g. "Provider.ListCalls"; case-insensitive); null = any.</summary>
        public string? Operation { get; set; }

        /// <summary>Let this many matching requests through before the rule fires.</summary>
        public int SkipFirst { get; set; }

        /// <summary>How many matching requests the rule hits; int.MaxValue = always.</summary>
        public int Times { get; set; } = 1;

        /// <summary>Latency; also applied before any other kind when positive.</summary>
        public TimeSpan Delay { get; set; }

        /// <summary>ServerError status (500/502/503/504).</summary>
        public int StatusCode { get; set; } = 503;

        /// <summary>TooManyRequests/ServerError: Retry-After in seconds form.</summary>
        public TimeSpan? RetryAfter { get; set; }

        /// <summary>TooManyRequests/ServerError: Retry-After in HTTP-date form (RFC 1123).</summary>
        public DateTimeOffset? RetryAfterDate { get; set; }

        /// <summary>ProviderErrorIn200: the provider's error code in the envelope; null = the emulator's default.</summary>
        public string? ProviderCode { get; set; }

        /// <summary>ProviderErrorIn200: the provider's error message in the envelope; null = the emulator's default.</summary>
        public string? ProviderMessage { get; set; }

        /// <summary>Apply the request's effect (e.g. the purchase happens) and then fail the response.</summary>
        public bool AfterProcessing { get; set; }

        public override string ToString()
        {
            var query = QueryMatches is null || QueryMatches.Count == 0 ? "" :
                " " + string.Join("&", QueryMatches.Cast<DictionaryEntry>().Select(e => e.Key + "=" + (e.Value is null ? "*" : Convert.ToString(e.Value, CultureInfo.InvariantCulture))));
            return $"{Kind} {Method ?? "*"} {PathContains ?? "*"}{query}{(Operation is null ? "" : " op=" + Operation)} skip={SkipFirst} times={(Times == int.MaxValue ? "always" : Times.ToString(CultureInfo.InvariantCulture))}";
        }
    }
}
