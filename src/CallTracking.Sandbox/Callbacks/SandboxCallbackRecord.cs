using System;

namespace CallTracking.Sandbox
{
    /// <summary>One callback the sandbox sent (or tried to), with every secret already blanked.</summary>
    public sealed class SandboxCallbackRecord
    {
        internal SandboxCallbackRecord(DateTimeOffset time, string provider, string method, string url, string? body,
            int? statusCode, string? error, TimeSpan duration)
        {
            Time = time;
            Provider = provider;
            Method = method;
            Url = url;
            Body = body;
            StatusCode = statusCode;
            Error = error;
            Duration = duration;
        }

        /// <summary>When it was sent, on the sandbox's clock.</summary>
        public DateTimeOffset Time { get; }

        public string Provider { get; }
        public string Method { get; }

        /// <summary>The URL with secret query values shown as "***".</summary>
        public string Url { get; }

        public string? Body { get; }

        /// <summary>The receiver's HTTP status; null when it was not delivered (see <see cref="Error"/>).</summary>
        public int? StatusCode { get; }

        public string? Error { get; }
        public TimeSpan Duration { get; }

        public bool Delivered => StatusCode.HasValue;

        public override string ToString() => Method + " " + Url + " -> " + (StatusCode?.ToString() ?? "failed: " + Error);
    }
}
