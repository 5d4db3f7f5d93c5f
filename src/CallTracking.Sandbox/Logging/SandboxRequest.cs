using System;
using System.Collections.Generic;

namespace CallTracking.Sandbox
{
    /// <summary>One request the sandbox received, with every secret already blanked.</summary>
    public sealed class SandboxRequest
    {
        internal SandboxRequest(DateTimeOffset time, string provider, string method, string path,
            IReadOnlyDictionary<string, string> query, string? body, bool hasAuthorizationHeader,
            int statusCode, string? fault, TimeSpan duration)
        {
            Time = time;
            Provider = provider;
            Method = method;
            Path = path;
            Query = query;
            Body = body;
            HasAuthorizationHeader = hasAuthorizationHeader;
            StatusCode = statusCode;
            Fault = fault;
            Duration = duration;
        }

        public DateTimeOffset Time { get; }

        /// <summary>Emulator that owned the path ("TrackDrive"), or "none".</summary>
        public string Provider { get; }

        public string Method { get; }
        public string Path { get; }

        /// <summary>Decoded query; auth_token, pincode, token, api_key, password, signature, private_key shown as "***".</summary>
        public IReadOnlyDictionary<string, string> Query { get; }

        /// <summary>Request body, secrets blanked likewise.</summary>
        public string? Body { get; }

        /// <summary>Whether an Authorization header was sent; its value is never kept.</summary>
        public bool HasAuthorizationHeader { get; }

        /// <summary>Status sent; 0 when the connection was dropped without a response.</summary>
        public int StatusCode { get; }

        /// <summary>Name of the <see cref="FaultKind"/> that fired, or null.</summary>
        public string? Fault { get; }

        /// <summary>Time until the response was decided (before a streamed body is written).</summary>
        public TimeSpan Duration { get; }

        public override string ToString() =>
            Method + " " + Path + " -> " + (StatusCode == 0 ? "dropped" : StatusCode.ToString()) + (Fault is null ? "" : " [" + Fault + "]");
    }
}
