using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// A GET whose body is read as a stream, for downloads that need no connection (a provider's static feed URL). It is not
    /// the connections' pipeline (whose executor reads a whole reply into memory to retry it): one HttpClient per download,
    /// with the <see cref="LoggingHandler"/> (so -Verbose shows the redacted request line), no automatic redirects
    /// (followed here, up to five, and the credentials sent again only to the same scheme, host and port), HTTP Basic when a
    /// credential is given, and a timeout that bounds the wait for the answer and for every read of the body. The password
    /// never appears in a message: every text that reaches one is redacted of it in all its encoded forms.
    /// </summary>
    public sealed class StreamingDownload : IDisposable
    {
        private const int MaxRedirects = 5;
        private readonly HttpClient _client;
        private readonly HttpResponseMessage _response;

        private StreamingDownload(HttpClient client, HttpResponseMessage response, Uri uri, Stream body)
        {
            _client = client;
            _response = response;
            Uri = uri;
            Body = body;
        }

        /// <summary>The URI the body came from (after redirects).</summary>
        public Uri Uri { get; }
        public string? ContentType => _response.Content.Headers.ContentType?.ToString();
        public long? ContentLength => _response.Content.Headers.ContentLength;
        /// <summary>The body; each read waits at most the timeout.</summary>
        public Stream Body { get; }

        /// <summary>https:// anywhere, http:// only to a loopback host; no user info (credentials go in -Credential).</summary>
        public static void EnsureSafeUri(Uri uri, string parameterName)
        {
            if (uri is null) throw new ArgumentNullException(nameof(uri));
            if (!uri.IsAbsoluteUri) throw new CallTrackingArgumentException(parameterName, uri.OriginalString, "an absolute https:// URI");
            if (!string.IsNullOrEmpty(uri.UserInfo))
                throw new CallTrackingArgumentException(parameterName, SecretRedactor.RedactUri(uri), "a URI without user name or password (pass them with -Credential)");
            if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
                throw new CallTrackingArgumentException(parameterName, SecretRedactor.RedactUri(uri), "an https:// URI (http:// is allowed only for a loopback host such as 127.0.0.1 or localhost, so that credentials never travel in clear text)");
        }

        /// <summary>Sends the GET and returns once the answer's headers are in (a non-2xx answer throws CallTrackingException).</summary>
        public static async Task<StreamingDownload> OpenAsync(Uri uri, string? userName, SecretValue? password, TimeSpan timeout, string provider, string operation,
            CancellationToken cancellationToken, Func<HttpMessageHandler>? primaryHandler = null)
        {
            EnsureSafeUri(uri, "Uri");
            var secrets = SecretForms(userName, password);
            var handler = new LoggingHandler { InnerHandler = primaryHandler?.Invoke() ?? new HttpClientHandler { AllowAutoRedirect = false } };
            var client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            client.DefaultRequestHeaders.UserAgent.ParseAdd("CallTracking-PowerShell/" + typeof(StreamingDownload).Assembly.GetName().Version);
            var current = uri;
            try
            {
                for (var hop = 0; ; hop++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, current);
                    if (password != null && SameOrigin(uri, current))
                    {
                        var basic = password.Use(p => Convert.ToBase64String(Encoding.UTF8.GetBytes((userName ?? string.Empty) + ":" + p)));
                        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
                    }
                    HttpResponseMessage response;
                    using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                    {
                        wait.CancelAfter(timeout);
                        try
                        {
                            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, wait.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                        {
                            throw new CallTrackingException(provider, operation, CallTrackingErrorKind.ProviderFailure,
                                "No answer from " + SecretRedactor.RedactUri(current) + " within " + timeout.TotalSeconds + " s (-TimeoutSec).");
                        }
                        catch (HttpRequestException ex)
                        {
                            throw new CallTrackingException(provider, operation, CallTrackingErrorKind.ProviderFailure,
                                "The request to " + SecretRedactor.RedactUri(current) + " failed: " + SecretRedactor.RedactValues(Flatten(ex), secrets), innerException: null);
                        }
                    }
                    var status = (int)response.StatusCode;
                    if (status >= 300 && status < 400 && response.Headers.Location != null)
                    {
                        var next = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(current, response.Headers.Location);
                        response.Dispose();
                        if (hop + 1 > MaxRedirects)
                            throw new CallTrackingException(provider, operation, CallTrackingErrorKind.ProviderFailure, "More than " + MaxRedirects + " redirects from " + SecretRedactor.RedactUri(uri) + ".");
                        if (next.Scheme == Uri.UriSchemeHttp && !next.IsLoopback)
                            throw new CallTrackingException(provider, operation, CallTrackingErrorKind.ProviderFailure, "Refused a redirect to the clear-text " + SecretRedactor.RedactUri(next) + " (https:// only).");
                        current = next;
                        continue;
                    }
                    if (status < 200 || status > 299)
                    {
                        string body;
                        try { body = await ReadSome(response, 2048).ConfigureAwait(false); }
                        catch (Exception ex) when (ex is IOException || ex is HttpRequestException || ex is OperationCanceledException) { body = string.Empty; }
                        response.Dispose();
                        var kind = status == 401 || status == 403 ? CallTrackingErrorKind.Authentication
                            : status == 404 ? CallTrackingErrorKind.NotFound
                            : status == 429 ? CallTrackingErrorKind.Throttled
                            : status >= 400 && status < 500 ? CallTrackingErrorKind.InvalidArgument : CallTrackingErrorKind.ProviderFailure;
                        var said = SecretRedactor.RedactValues(body.Trim(), secrets);
                        throw new CallTrackingException(provider, operation, kind,
                            "GET " + SecretRedactor.RedactUri(current) + " answered " + status + " " + response.ReasonPhrase
                            + (kind == CallTrackingErrorKind.Authentication ? (password is null ? " (no -Credential was given)" : " (check -Credential)") : string.Empty)
                            + (said.Length > 0 ? ": " + (said.Length > 300 ? said.Substring(0, 297) + "..." : said) : "."), status, null, said.Length > 0 ? said : null);
                    }
                    Stream stream;
                    try { stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false); }
                    catch (Exception) { response.Dispose(); throw; }
                    return new StreamingDownload(client, response, current, new TimeoutReadStream(stream, timeout, cancellationToken, provider, operation, SecretRedactor.RedactUri(current)));
                }
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        private static bool SameOrigin(Uri a, Uri b)
            => string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

        /// <summary>The password, and user:password, in every encoded form a server could echo.</summary>
        private static List<string> SecretForms(string? userName, SecretValue? password)
        {
            var list = new List<string>();
            if (password is null || password.IsEmpty) return list;
            password.Use(p =>
            {
                list.AddRange(SecretRedactor.EncodedForms((userName ?? string.Empty) + ":" + p));
                list.AddRange(SecretRedactor.EncodedForms(p));
                return 0;
            });
            return list.Where(s => !string.IsNullOrEmpty(s)).Distinct().OrderByDescending(s => s.Length).ToList();
        }

        private static string Flatten(Exception ex)
        {
            var parts = new List<string>();
            for (var e = ex; e != null; e = e.InnerException) parts.Add(e.Message);
            return string.Join(" ", parts.Distinct());
        }

        private static async Task<string> ReadSome(HttpResponseMessage response, int max)
        {
            using var s = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[max];
            var n = 0;
            while (n < max)
            {
                var r = await s.ReadAsync(buffer, n, max - n).ConfigureAwait(false);
                if (r == 0) break;
                n += r;
            }
            return Encoding.UTF8.GetString(buffer, 0, n);
        }

        public void Dispose()
        {
            Body.Dispose();
            _response.Dispose();
            _client.Dispose();
        }

        /// <summary>A read-only stream whose every read waits at most the timeout and stops on the caller's cancellation.</summary>
        private sealed class TimeoutReadStream : ReadOnlyStream
        {
            private readonly Stream _inner;
            private readonly TimeSpan _timeout;
            private readonly CancellationToken _cancel;
            private readonly string _provider;
            private readonly string _operation;
            private readonly string _where;

            public TimeoutReadStream(Stream inner, TimeSpan timeout, CancellationToken cancel, string provider, string operation, string where)
            {
                _inner = inner; _timeout = timeout; _cancel = cancel; _provider = provider; _operation = operation; _where = where;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(_cancel);
                wait.CancelAfter(_timeout);
                try
                {
                    var n = _inner.ReadAsync(buffer, offset, count, wait.Token).GetAwaiter().GetResult();
                    BytesRead += n;
                    return n;
                }
                catch (OperationCanceledException) when (!_cancel.IsCancellationRequested)
                {
                    throw new CallTrackingException(_provider, _operation, CallTrackingErrorKind.ProviderFailure,
                        "No data from " + _where + " for " + _timeout.TotalSeconds + " s (-TimeoutSec) after " + BytesRead + " bytes.");
                }
                catch (Exception ex) when (ex is IOException || ex is HttpRequestException)
                {
                    throw new CallTrackingException(_provider, _operation, CallTrackingErrorKind.ProviderFailure,
                        "The download from " + _where + " broke off after " + BytesRead + " bytes: " + ex.Message);
                }
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing) _inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
