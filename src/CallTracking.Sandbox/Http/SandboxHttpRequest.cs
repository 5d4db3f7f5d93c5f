using System;
using System.Collections.Generic;

namespace CallTracking.Sandbox.Http
{
    /// <summary>Transport-neutral request, built the same way by the in-process handler and the loopback listener.</summary>
    public sealed class SandboxHttpRequest
    {
        /// <param name="method">HTTP method (any case).</param>
        /// <param name="rawPath">Path as sent, still percent-encoded; empty = "/".</param>
        /// <param name="rawQuery">Query with or without the leading '?'; null = none.</param>
        /// <param name="authorization">The Authorization header's value, or null.</param>
        /// <param name="body">The body as text, or null.</param>
        public SandboxHttpRequest(string method, string rawPath, string? rawQuery, string? authorization, string? body)
        {
            if (string.IsNullOrWhiteSpace(method)) throw new ArgumentException("A request needs an HTTP method.", nameof(method));
            Method = method.ToUpperInvariant();
            RawPath = string.IsNullOrEmpty(rawPath) ? "/" : rawPath;
            RawQuery = string.IsNullOrEmpty(rawQuery) ? "" : rawQuery![0] == '?' ? rawQuery.Substring(1) : rawQuery;
            Query = QueryString.Parse(rawQuery);
            Authorization = authorization;
            Body = body;
        }

        public string Method { get; }

        /// <summary>Path as sent, still percent-encoded, so a segment like %2B1800… can be decoded exactly once.</summary>
        public string RawPath { get; }

        /// <summary>The query as sent, still percent-encoded, without the leading '?'; "" = none. It holds secrets: the
        /// log never keeps it.</summary>
        public string RawQuery { get; }

        /// <summary>Decoded query pairs in order (a key may repeat).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

        public string? Authorization { get; }
        public string? Body { get; }

        /// <summary>Last value of a query parameter, or null.</summary>
        public string? Get(string name)
        {
            string? value = null;
            foreach (var pair in Query)
                if (string.Equals(pair.Key, name, StringComparison.Ordinal)) value = pair.Value;
            return value;
        }

        public bool Has(string name) => Get(name) != null;
    }
}
