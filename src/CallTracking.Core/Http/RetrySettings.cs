using System;

namespace CallTracking.Core.Http
{
    /// <summary>Bounds of the retry policy; one per connection.</summary>
    public sealed class RetrySettings
    {
        /// <summary>Retries after the first attempt (Connect-CallTracking -MaxRetry; default 4): a request is sent at most 1 + MaxRetry times.</summary>
        public int MaxRetry { get; set; } = 4;
        /// <summary>First backoff delay; Polly doubles it each retry, with jitter.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
        /// <summary>No single wait is longer than this unless the server's Retry-After asks for it (within MaxTotalWait).</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
        /// <summary>Cap on the sum of all waits for one request; a Retry-After beyond what is left ends the retries.</summary>
        public TimeSpan MaxTotalWait { get; set; } = TimeSpan.FromSeconds(120);
    }
}
