using System;

namespace CallTracking.Core.Http
{
    /// <summary>One attempt at one request, as shown by -Verbose: method, redacted URL, status and time.</summary>
    public sealed class RequestLogEntry
    {
        public RequestLogEntry(string operation, string method, string redactedUrl, int? status, TimeSpan elapsed, int attempt, string? failure)
        {
            Operation = operation;
            Method = method;
            RedactedUrl = redactedUrl;
            Status = status;
            Elapsed = elapsed;
            Attempt = attempt;
            Failure = failure;
        }

        public string Operation { get; }
        public string Method { get; }
        public string RedactedUrl { get; }
        public int? Status { get; }
        public TimeSpan Elapsed { get; }
        public int Attempt { get; }
        public string? Failure { get; }

        public override string ToString()
        {
            var outcome = Status.HasValue ? Status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : (Failure ?? "no response");
            var attempt = Attempt > 1 ? " (attempt " + Attempt + ")" : string.Empty;
            return Method + " " + RedactedUrl + " -> " + outcome + " in " + (long)Elapsed.TotalMilliseconds + " ms" + attempt;
        }
    }
}
