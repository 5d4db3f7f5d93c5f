using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Sandbox
{
    /// <summary>Sends callbacks with one pooled HttpClient. By default only to loopback hosts: the sandbox reaches no
    /// network beyond this machine unless told to.</summary>
    public sealed class HttpCallbackSink : ISandboxCallbackSink, IDisposable
    {
        private readonly HttpClient _http;

        /// <param name="allowAnyHost">Also send to hosts other than 127.0.0.1 / ::1 / localhost.</param>
        /// <param name="timeout">Per callback; default 10 s.</param>
        public HttpCallbackSink(bool allowAnyHost = false, TimeSpan? timeout = null)
        {
            var t = timeout ?? TimeSpan.FromSeconds(10);
            if (t <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), t, "The callback timeout must be positive.");
            AllowAnyHost = allowAnyHost;
            _http = new HttpClient { Timeout = t };
        }

        public bool AllowAnyHost { get; }

        public async Task<int> SendAsync(SandboxCallback callback, CancellationToken cancellationToken)
        {
            if (callback is null) throw new ArgumentNullException(nameof(callback));
            if (!AllowAnyHost && !IsLoopback(callback.Url))
                throw new InvalidOperationException("The sandbox sends callbacks only to loopback hosts; " + callback.Url.Host
                    + " is not one (use new HttpCallbackSink(allowAnyHost: true) to allow it).");
            using var request = new HttpRequestMessage(new HttpMethod(callback.Method), callback.Url);
            if (callback.Body != null)
            {
                request.Content = new StringContent(callback.Body, Encoding.UTF8);
                request.Content.Headers.Remove("Content-Type");
                request.Content.Headers.TryAddWithoutValidation("Content-Type", callback.ContentType);
            }
            foreach (var header in callback.Headers)
                if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
                    request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return (int)response.StatusCode;
        }

        /// <summary>True for a URL this machine only reaches (the only hosts the sandbox sends to, unless AllowAnyHost).</summary>
        public static bool IsLoopback(Uri url) =>
            url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

        public void Dispose() => _http.Dispose();
    }
}
