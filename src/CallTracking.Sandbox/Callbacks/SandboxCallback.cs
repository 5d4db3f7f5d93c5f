using System;
using System.Collections.Generic;

namespace CallTracking.Sandbox
{
    /// <summary>An HTTP request an emulator sends out on its own (e.g. a provisioning request's callback URI, called when the request completes).</summary>
    public sealed class SandboxCallback
    {
        public SandboxCallback(string provider, string method, Uri url, string? body = null, string? contentType = null)
        {
            if (string.IsNullOrWhiteSpace(provider)) throw new ArgumentException("A callback names the provider that sends it.", nameof(provider));
            if (method is null) throw new ArgumentNullException(nameof(method));
            var m = method.Trim().ToUpperInvariant();
            if (m != "GET" && m != "POST" && m != "PUT")
                throw new ArgumentException("A callback is sent with GET, POST or PUT (got \"" + method + "\").", nameof(method));
            if (url is null) throw new ArgumentNullException(nameof(url));
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException("A callback URL must be an absolute http:// or https:// URL (got \"" + url + "\").", nameof(url));
            if (m == "GET" && body != null) throw new ArgumentException("A GET callback carries no body.", nameof(body));
            Provider = provider;
            Method = m;
            Url = url;
            Body = body;
            ContentType = body is null ? null : contentType ?? "application/json; charset=utf-8";
        }

        public string Provider { get; }
        public string Method { get; }
        public Uri Url { get; }
        public string? Body { get; }
        public string? ContentType { get; }

        /// <summary>Extra request headers (name → value).</summary>
        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public override string ToString() => Method + " " + Url.GetLeftPart(UriPartial.Path);
    }
}
