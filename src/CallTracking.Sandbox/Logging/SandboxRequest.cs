using System;
using System.Collections.Generic;

namespace CallTracking.Sandbox
{
    /// <summary>One request the sandbox received, with every secret already blanked.</summary>
    public sealed class SandboxRequest
    {
        internal SandboxRequest(DateTimeOffset time, string provider, string? operation, string method, string path,
            IReadOnlyDictionary<string, string> query, string? body, bool hasAuthorizationHeader,
            int statusCode, string? fault, TimeSpan duration)
        {
            Time = time;
            Provider = provider;
            Operation = operation;
            Method = method;
            Path = path;
            Query = query;
            Body = body;
            HasAuthorizationHeader = hasAuthorizationHeader;
            StatusCode = statusCode;
            Fault = fault;
            Duration = duration;
        }

        /// <summary>When it arrived, on the sandbox's clock.</summary>
        public DateTimeOffset Time { get; }

        /// <summary>Provider of the emulator that owned the path, or "none".</summary>
        public string Provider { get; }

        /// <summary>The emulator's name for the operation asked for, or null when the request named none.</summary>
        public string? Operation { get; }

        public string Method { get; }
        public string Path { get; }

        /// <summary>Decoded query; the value of every secret name (CallTracking.Core.Http.SecretNames, which each
        /// emulator extends with its own) shown as "***".</summary>
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
