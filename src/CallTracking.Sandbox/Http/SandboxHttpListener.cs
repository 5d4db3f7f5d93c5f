using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Sandbox.Http
{
    /// <summary>Loopback transport: HttpListener on 127.0.0.1 feeding the shared router, one task per request.</summary>
    internal sealed class SandboxHttpListener : IDisposable
    {
        // The managed (Linux/macOS) HttpListener keeps its accepted socket in HttpListenerContext.Connection._socket;
        // http.sys (Windows) has no managed socket, and these are null there.
        private static readonly PropertyInfo? ConnectionProperty =
            typeof(HttpListenerContext).GetProperty("Connection", BindingFlags.NonPublic | BindingFlags.Instance);
        private static FieldInfo? _socketField;

        private readonly SandboxRouter _router;
        private readonly HttpListener _listener;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly Task _acceptLoop;
        private int _inFlight;

        private SandboxHttpListener(SandboxRouter router, HttpListener listener, Uri uri)
        {
            _router = router;
            _listener = listener;
            Uri = uri;
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        public Uri Uri { get; }

        /// <summary>Requests being served, their replies included (for tests: a reply the client left has ended).</summary>
        internal int InFlight => Volatile.Read(ref _inFlight);

        public static SandboxHttpListener Start(SandboxRouter router, int port)
        {
            if (port < 0 || port > 65535) throw new ArgumentOutOfRangeException(nameof(port));
            // HttpListener cannot bind port 0 itself: ask the OS for a free port, retrying if another process grabs it first.
            for (var attempt = 0; ; attempt++)
            {
                var chosen = port == 0 ? FreeLoopbackPort() : port;
                var prefix = "http://127.0.0.1:" + chosen + "/";
                var listener = new HttpListener { IgnoreWriteExceptions = true };
                listener.Prefixes.Add(prefix);
                try
                {
                    listener.Start();
                    return new SandboxHttpListener(router, listener, new Uri(prefix));
                }
                catch (HttpListenerException) when (port == 0 && attempt < 20)
                {
                    listener.Close();
                }
            }
        }

        private static int FreeLoopbackPort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            try { return ((IPEndPoint)probe.LocalEndpoint).Port; }
            finally { probe.Stop(); }
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stopping.IsCancellationRequested || !_listener.IsListening)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    continue;
                }
                _ = Task.Run(() => ServeAsync(context));
            }
        }

        private async Task ServeAsync(HttpListenerContext context)
        {
            Interlocked.Increment(ref _inFlight);
            var response = context.Response;
            try
            {
                var remote = context.Request.RemoteEndPoint;
                if (remote is null || !IPAddress.IsLoopback(remote.Address))
                {
                    response.Abort();
                    return;
                }
                DisableNagle(context);
                var sandboxRequest = await ReadRequestAsync(context.Request).ConfigureAwait(false);
                var result = await _router.HandleAsync(sandboxRequest, _stopping.Token).ConfigureAwait(false);
                await WriteResponseAsync(context, result).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Stop() or a vanished client: nothing to answer to.
                try { response.Abort(); } catch (Exception) { }
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private static async Task<SandboxHttpRequest> ReadRequestAsync(HttpListenerRequest request)
        {
            string? body = null;
            if (request.HasEntityBody)
            {
                using var reader = new StreamReader(request.InputStream, request.ContentEncoding ?? Encoding.UTF8);
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
                if (body.Length == 0) body = null;
            }
            var raw = request.RawUrl ?? "/";
            if (raw.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(raw, UriKind.Absolute, out var absolute))
                raw = absolute.PathAndQuery;
            var q = raw.IndexOf('?');
            var path = q < 0 ? raw : raw.Substring(0, q);
            var query = q < 0 ? null : raw.Substring(q);
            return new SandboxHttpRequest(request.HttpMethod, path, query, request.Headers["Authorization"], body);
        }

        private async Task WriteResponseAsync(HttpListenerContext context, SandboxHttpResponse result)
        {
            var response = context.Response;
            if (result.TransportFault == TransportFault.DropConnection || result.TransportFault == TransportFault.CloseWithoutReply)
            {
                // The request has been read whole (ReadRequestAsync); nothing of a reply has been written.
                CloseConnection(context, reset: result.TransportFault == TransportFault.DropConnection);
                return;
            }
            response.StatusCode = result.StatusCode;
            response.ContentType = result.ContentType;
            foreach (var header in result.Headers) response.AddHeader(header.Key, header.Value);

            var output = response.OutputStream;
            if (result.TransportFault == TransportFault.PacedBody)
            {
                await WritePacedBodyAsync(context, result.FaultBody!).ConfigureAwait(false);
                return;
            }
            if (result.TransportFault == TransportFault.TruncatedBody)
            {
                var body = result.Body!;
                response.ContentLength64 = body.Length;
                await output.WriteAsync(body, 0, body.Length / 2, _stopping.Token).ConfigureAwait(false);
                await output.FlushAsync(_stopping.Token).ConfigureAwait(false);
                CloseConnection(context, reset: false);
                return;
            }
            if (result.Body != null)
            {
                response.ContentLength64 = result.Body.Length;
                await output.WriteAsync(result.Body, 0, result.Body.Length, _stopping.Token).ConfigureAwait(false);
            }
            else
            {
                response.SendChunked = true;
                await result.BodyWriter!(output, _stopping.Token).ConfigureAwait(false);
            }
            response.Close();
        }

        /// <summary>
        /// Writes a body over time: the status and headers at once, then each piece as <see cref="FaultBody"/> yields it.
        /// It ends when the body does (a complete one ends the response; one that does not is cut by closing the
        /// connection), when the client is gone, at the body's time limit, or on Stop(). The listener ignores write
        /// errors, so a client that left is seen on the socket itself (managed HttpListener; http.sys has none to watch,
        /// and there the body's own bounds and Stop() end it).
        /// </summary>
        private async Task WritePacedBodyAsync(HttpListenerContext context, FaultBody body)
        {
            var response = context.Response;
            var output = response.OutputStream;
            using var session = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            if (body.TimeLimit is { } limit) session.CancelAfter(limit);
            // A write the client does not read blocks; closing the connection is what ends it.
            var cut = session.Token.Register(() => CloseConnection(context, reset: false));
            var watcher = WatchClientAsync(context, session);
            var complete = false;
            try
            {
                if (body.Length is { } length)
                {
                    response.ContentLength64 = length;
                    // A write of nothing sends the status line and headers alone (with a length; chunked, it would end the body).
                    await output.WriteAsync(Array.Empty<byte>(), 0, 0, session.Token).ConfigureAwait(false);
                }
                else
                {
                    response.SendChunked = true;
                }
                var buffer = new byte[64 * 1024];
                while (true)
                {
                    var n = await body.ReadAsync(buffer, 0, buffer.Length, session.Token).ConfigureAwait(false);
                    if (n == 0) break;
                    session.Token.ThrowIfCancellationRequested();
                    await output.WriteAsync(buffer, 0, n, session.Token).ConfigureAwait(false);
                }
                complete = body.Completes && !session.IsCancellationRequested;
            }
            catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
            {
                // The client left or the time limit passed.
            }
            finally
            {
                cut.Dispose();
                session.Cancel(); // ends the watcher
                await watcher.ConfigureAwait(false);
            }
            if (_stopping.IsCancellationRequested) throw new OperationCanceledException(_stopping.Token);
            if (complete) response.Close();
            else CloseConnection(context, reset: false);
        }

        /// <summary>Cancels <paramref name="session"/> when the client has closed or reset its end of the connection.</summary>
        private static async Task WatchClientAsync(HttpListenerContext context, CancellationTokenSource session)
        {
            var socket = SocketOf(context);
            if (socket is null) return;
            try
            {
                while (!session.IsCancellationRequested)
                {
                    // Readable with nothing to read: the peer's FIN or RST (an HTTP/1.1 client sends nothing mid-reply).
                    if (socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0)
                    {
                        session.Cancel();
                        return;
                    }
                    await Task.Delay(50, session.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException)
            {
                try { session.Cancel(); } catch (ObjectDisposedException) { }
            }
        }

        /// <summary>
        /// The managed HttpListener writes a response in several small sends (headers with the first body bytes, then
        /// each chunk's trailing CRLF, then the last chunk "0\r\n\r\n"). With Nagle's algorithm on, the kernel holds
        /// each small send until the previous segment is acknowledged, and the client delays that ACK (~40 ms on Linux)
        /// while it waits for the rest of the response: on a kept-alive connection every response stalled ~40 ms
        /// (a fresh connection's first reply escapes it through TCP quick-ack). TCP_NODELAY sends each write at once.
        /// </summary>
        internal static bool DisableNagle(HttpListenerContext context)
        {
            var socket = SocketOf(context);
            if (socket is null) return false;
            try
            {
                socket.NoDelay = true;
                return true;
            }
            catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException)
            {
                return false; // the client is already gone
            }
        }

        private static Socket? SocketOf(HttpListenerContext context)
        {
            try
            {
                var connection = ConnectionProperty?.GetValue(context);
                if (connection is null) return null;
                var field = _socketField ??= connection.GetType().GetField("_socket", BindingFlags.NonPublic | BindingFlags.Instance);
                return field?.GetValue(connection) as Socket;
            }
            catch (Exception ex) when (ex is TargetException || ex is ArgumentException || ex is MemberAccessException)
            {
                return null; // a different HttpListener implementation
            }
        }

        /// <summary>Ends the TCP connection without completing the response. The managed (non-Windows) HttpListener's
        /// Abort() still sends the pending headers, so its socket is closed directly; http.sys's Abort() already resets.</summary>
        private static void CloseConnection(HttpListenerContext context, bool reset)
        {
            try
            {
                if (SocketOf(context) is Socket socket)
                {
                    if (reset) socket.LingerState = new LingerOption(true, 0);
                    else socket.Shutdown(SocketShutdown.Both);
                    socket.Close();
                }
            }
            catch (Exception)
            {
                // Reflection found a different implementation or the socket is already gone: Abort() below is the fallback.
            }
            try { context.Response.Abort(); } catch (Exception) { }
        }

        public void Dispose()
        {
            if (_stopping.IsCancellationRequested) return;
            _stopping.Cancel();
            // The managed listener can throw while releasing its endpoint (e.g. "Address already in use" when another
            // process races for the port); stopping must still complete.
            try { _listener.Stop(); } catch (ObjectDisposedException) { } catch (HttpListenerException) { }
            try { _listener.Close(); } catch (ObjectDisposedException) { } catch (HttpListenerException) { }
            try { _acceptLoop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
            // Requests already inside the router see the cancelled token and abort their responses.
            var deadline = DateTime.UtcNow.AddSeconds(2);
            while (Volatile.Read(ref _inFlight) > 0 && DateTime.UtcNow < deadline) Thread.Sleep(5);
        }
    }
}
