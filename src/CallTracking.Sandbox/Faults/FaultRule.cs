using System;

namespace CallTracking.Sandbox
{
    /// <summary>One injected failure; rules are checked in the order they were added and the first that matches fires.</summary>
    public sealed class FaultRule
    {
        public FaultKind Kind { get; set; }

        /// <summary>HTTP method to match (case-insensitive); null = any.</summary>
        public string? Method { get; set; }

        /// <summary>Substring of the request path to match (case-insensitive); null = any.</summary>
        public string? PathContains { get; set; }

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

        /// <summary>Apply the request's effect (e.g. the purchase happens) and then fail the response.</summary>
        public bool AfterProcessing { get; set; }

        public override string ToString() =>
            $"{Kind} {Method ?? "*"} {PathContains ?? "*"} skip={SkipFirst} times={(Times == int.MaxValue ? "always" : Times.ToString())}";
    }
}
