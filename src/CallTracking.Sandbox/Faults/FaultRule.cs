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

        /// <summary>Latency; also applied before any other kind when positive, except <see cref="FaultKind.TrickleBody"/>,
        /// where it is the pause before each write of the body.</summary>
        public TimeSpan Delay { get; set; }

        private int? _statusCode;

        /// <summary>The status answered: ServerError 5xx (default 503), EchoAuthorization 200..599 (default 401),
        /// Redirect 301/302/303/307/308 (default 302). Until set, the default of the rule's current kind.</summary>
        public int StatusCode
        {
            get => _statusCode ?? DefaultStatusCode(Kind);
            set => _statusCode = value;
        }

        private static int DefaultStatusCode(FaultKind kind) => kind switch
        {
            FaultKind.EchoAuthorization => 401,
            FaultKind.Redirect => 302,
            _ => 503,
        };

        /// <summary>TrickleBody: bytes per write (at least 1).</summary>
        public int TrickleBytes { get; set; } = 1;

        /// <summary>OversizedBody: the Content-Length announced (at least 1).</summary>
        public long ClaimedLength { get; set; } = 2000000000;

        /// <summary>Redirect: the Location sent, absolute or relative, as given; the text {query} is replaced by the
        /// request's query string as sent, without '?' (e.g. "http://127.0.0.1:9/elsewhere?{query}").</summary>
        public string? Location { get; set; }

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
            return $"{Kind}{Shape()} {Method ?? "*"} {PathContains ?? "*"}{query}{(Operation is null ? "" : " op=" + Operation)} skip={SkipFirst} times={(Times == int.MaxValue ? "always" : Times.ToString(CultureInfo.InvariantCulture))}";
        }

        /// <summary>The settings that shape the kind's reply, e.g. "(302 -> http://x/?{query})".</summary>
        private string Shape()
        {
            var ms = Delay.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
            switch (Kind)
            {
                case FaultKind.EchoAuthorization:
                    return "(" + StatusCode.ToString(CultureInfo.InvariantCulture) + ")";
                case FaultKind.Redirect:
                    return "(" + StatusCode.ToString(CultureInfo.InvariantCulture) + " -> " + (Location ?? "?") + ")";
                case FaultKind.TrickleBody:
                    return "(" + TrickleBytes.ToString(CultureInfo.InvariantCulture) + " B every " + ms + ")";
                case FaultKind.OversizedBody:
                    return "(claims " + ClaimedLength.ToString(CultureInfo.InvariantCulture) + " B)";
                default:
                    return "";
            }
        }
    }
}
