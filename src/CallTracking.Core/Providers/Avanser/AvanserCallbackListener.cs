using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>What the listener took in: a record, or why a request was not one (Error), with the redacted URL.</summary>
    public sealed class AvanserCallbackEvent
    {
        public AvanserCallbackEvent(ProviderRecord? record, string? error, string url, string? remote)
        {
            Record = record;
            Error = error;
            Url = url;
            Remote = remote;
        }

        /// <summary>A request refused (403, 413, 414, 503), for verbose output: what was answered and why.</summary>
        public string? Notice { get; set; }

        public ProviderRecord? Record { get; }
        public string? Error { get; }
        /// <summary>The request's path and query, the token's value masked.</summary>
        public string Url { get; }
        public string? Remote { get; }
    }

    /// <summary>Limits of <see cref="AvanserCallbackListener"/>.</summary>
    public sealed class AvanserCallbackListenerOptions
    {
        /// <summary>Largest request accepted (URL plus body): bigger is answered 413 (414 for the URL) and not read.</summary>
        public int MaxRequestBytes { get; set; } = 64 * 1024;
        /// <summary>Requests handled at once; more wait in the listener's queue.</summary>
        public int MaxConcurrentRequests { get; set; } = 32;
        /// <summary>
        /// Connections kept open between requests (HTTP keep-alive). Beyond this, an answer closes its connection
        /// (Connection: close), so a flood of senders cannot hold an unbounded number of idle sockets; nothing is refused.
        /// </summary>
        public int MaxConnections { get; set; } = 64;
        /// <summary>
        /// How long an idle kept-alive connection is counted: longer than the server's own idle timeout (HttpListener closes
        /// an idle kept-alive connection after 15 s; on Windows this listener sets http.sys's to the same), so the count
        /// never under-counts the connections really open.
        /// </summary>
        public TimeSpan KeepAliveWindow { get; set; } = TimeSpan.FromSeconds(20);
        /// <summary>Tests only: a pause between queuing a record and answering 200 (widens the window Stop must respect).</summary>
        internal TimeSpan PauseBeforeAnswer { get; set; }
        /// <summary>Events held for the reader; beyond this a request is answered 503 (AVANSER retries) instead of growing memory.</summary>
        public int MaxQueuedEvents { get; set; } = 100_000;
        /// <summary>Records accepted in all (Receive-CallEvent -Count); later callbacks are answered 503 and not taken. Null: no limit.</summary>
        public long? MaxRecords { get; set; }
    }

    /// <summary>
    /// Receives AVANSER HTTP callbacks and SMS forwards on an <see cref="HttpListener"/> prefix (loopback by default). Each
    /// request is parsed, queued for the reader and answered (200 taken; 400 not a callback; 403 wrong token; 413/414 too big;
    /// 503 full or the count reached) before the next is handled on that worker. The reader (the pipeline thread) takes the
    /// events from <see cref="Events"/>: the listener never writes to PowerShell. A record is queued before its 200 is sent,
    /// so a sender that saw 200 knows the record is in the queue; each request is queued at most once.
    /// </summary>
    public sealed class AvanserCallbackListener : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly SecretValue? _token;
        private readonly AvanserCallbackListenerOptions _options;
        private readonly BlockingCollection<AvanserCallbackEvent> _events;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private Task[] _workers = Array.Empty<Task>();
        private long _accepted;
        private long _refused;
        private long _closedForLimit;
        // Requests being handled: Stop lets them finish, so a record taken always has its 200 sent.
        private int _inFlight;
        // Kept-alive connections by remote endpoint (one TCP connection each), with the time of their last answer.
        private readonly ConcurrentDictionary<string, long> _keptAlive = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        private static readonly TimeSpan ServerIdleTimeout = TimeSpan.FromSeconds(15);
        private TimeSpan _keepAliveWindow;

        public AvanserCallbackListener(string prefix, SecretValue? token, AvanserCallbackListenerOptions? options = null)
        {
            Prefix = prefix ?? throw new ArgumentNullException(nameof(prefix));
            _token = token is null || token.IsEmpty ? null : token;
            _options = options ?? new AvanserCallbackListenerOptions();
            _events = new BlockingCollection<AvanserCallbackEvent>(new ConcurrentQueue<AvanserCallbackEvent>());
            _listener.Prefixes.Add(prefix);
        }

        /// <summary>
        /// The loopback prefix for a port and path: http://127.0.0.1:port/path/; on Windows http://localhost:port/path/, the
        /// one prefix http.sys lets a user without a URL ACL (netsh http add urlacl) register. The listener takes requests
        /// whose Host header is that host (a reverse proxy in front of it must send Host 127.0.0.1:port, or localhost:port
        /// on Windows); others are answered 404 (400 on Windows) by HttpListener itself.
        /// </summary>
        public static string LoopbackPrefix(int port, string? path) => PrefixFor(LoopbackHost, port, path);

        /// <summary>
        /// The prefix for a host: <see cref="LoopbackHost"/> by default; "*" (or "+") for every interface; or one address or
        /// host name of this machine. Requests must then carry that host in their Host header ("*" takes any).
        /// </summary>
        public static string PrefixFor(string? host, int port, string? path)
        {
            var h = string.IsNullOrWhiteSpace(host) ? LoopbackHost : host!.Trim();
            if (System.Net.IPAddress.TryParse(h, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6) h = "[" + ip + "]";
            var p = (path ?? "/").Trim().Trim('/');
            return "http://" + h + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + (p.Length == 0 ? string.Empty : p + "/");
        }

        /// <summary>True for a host that only this machine reaches (127.x, ::1, localhost).</summary>
        public static bool IsLoopbackHost(string? host)
        {
            if (string.IsNullOrWhiteSpace(host)) return true;
            var h = host!.Trim().Trim('[', ']');
            return string.Equals(h, "localhost", StringComparison.OrdinalIgnoreCase) || (System.Net.IPAddress.TryParse(h, out var ip) && System.Net.IPAddress.IsLoopback(ip));
        }

        /// <summary>127.0.0.1, or localhost on Windows (see <see cref="LoopbackPrefix"/>).</summary>
        public static string LoopbackHost
            => System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows) ? "localhost" : "127.0.0.1";

        public string Prefix { get; }

        /// <summary>What was received, in order of arrival; completed when the listener stops.</summary>
        public BlockingCollection<AvanserCallbackEvent> Events => _events;

        /// <summary>Records taken so far.</summary>
        public long Accepted => Interlocked.Read(ref _accepted);

        /// <summary>Requests refused (403, 413, 414, 503).</summary>
        public long Refused => Interlocked.Read(ref _refused);

        /// <summary>Answers that closed their connection because <see cref="AvanserCallbackListenerOptions.MaxConnections"/> were open.</summary>
        public long ClosedForConnectionLimit => Interlocked.Read(ref _closedForLimit);

        /// <summary>Connections counted as kept open now (at most MaxConnections).</summary>
        public int OpenConnections { get { PurgeIdle(); return _keptAlive.Count; } }

        public void Start()
        {
            _listener.Start();
            // Counted at least as long as the server keeps an idle connection: http.sys's default 2 minutes if it could not be set.
            _keepAliveWindow = SetServerIdleTimeout() ? _options.KeepAliveWindow : TimeSpan.FromSeconds(Math.Max(_options.KeepAliveWindow.TotalSeconds, 125));
            var n = Math.Max(1, _options.MaxConcurrentRequests);
            _workers = new Task[n];
            for (var i = 0; i < n; i++) _workers[i] = Task.Run(WorkAsync);
        }

        private async Task WorkAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
                catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException) { return; }
                Interlocked.Increment(ref _inFlight);
                try { await HandleAsync(context).ConfigureAwait(false); }
                catch (Exception ex) when (ex is HttpListenerException || ex is IOException || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    // The client went away mid-answer: nothing to report, the listener carries on.
                    try { context.Response.Abort(); } catch (Exception) { }
                }
                catch (Exception ex)
                {
                    // Never crash the listener: report it and answer 500.
                    TryAdd(new AvanserCallbackEvent(null, "could not be handled: " + ex.GetType().Name + ": " + ex.Message, "?", null));
                    try { context.Response.KeepAlive = false; Answer(context, 500, "error"); } catch (Exception) { }
                }
                finally { Interlocked.Decrement(ref _inFlight); }
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            var request = context.Request;
            var rawUrl = request.RawUrl ?? "/";
            var remote = request.RemoteEndPoint?.ToString();
            var shown = AvanserCallbackParser.RedactToken(rawUrl.Length > 200 ? rawUrl.Substring(0, 200) + "…" : rawUrl);
            if (_stop.IsCancellationRequested) { Refuse(context, 503, "no longer receiving", shown, remote); return; }
            if (rawUrl.Length > _options.MaxRequestBytes) { Refuse(context, 414, "URI too long", shown, remote); return; }
            var query = rawUrl;
            if (request.HasEntityBody)
            {
                if (request.ContentLength64 > _options.MaxRequestBytes - rawUrl.Length) { Refuse(context, 413, "request too large", shown, remote); return; }
                var body = await ReadBodyAsync(request.InputStream, _options.MaxRequestBytes - rawUrl.Length).ConfigureAwait(false);
                if (body is null) { Refuse(context, 413, "request too large", shown, remote); return; }
                var form = request.ContentType != null && request.ContentType.IndexOf("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) >= 0;
                if (form && body.Length > 0) query = rawUrl + (rawUrl.IndexOf('?') >= 0 ? "&" : "?") + body;
            }

            if (_token != null && !TokenMatches(query)) { Refuse(context, 403, "forbidden", shown, remote); return; }

            var record = AvanserCallbackParser.TryParse(query, 0, out var error);
            if (record is null)
            {
                if (!TryAdd(new AvanserCallbackEvent(null, error, shown, remote))) { Refuse(context, 503, "busy", shown, remote); return; }
                Answer(context, 400, "not a callback");
                return;
            }
            var max = _options.MaxRecords;
            if (max.HasValue && Interlocked.Increment(ref _accepted) > max.Value) { Interlocked.Decrement(ref _accepted); Refuse(context, 503, "no longer receiving", shown, remote); return; }
            if (!max.HasValue) Interlocked.Increment(ref _accepted);
            if (!TryAdd(new AvanserCallbackEvent(record, null, shown, remote))) { Interlocked.Decrement(ref _accepted); Refuse(context, 503, "busy", shown, remote); return; }
            if (_options.PauseBeforeAnswer > TimeSpan.Zero) await Task.Delay(_options.PauseBeforeAnswer).ConfigureAwait(false);
            Answer(context, 200, "OK");
        }

        private bool TryAdd(AvanserCallbackEvent e)
        {
            if (_events.Count >= _options.MaxQueuedEvents) return false;
            try { return _events.TryAdd(e); }
            catch (InvalidOperationException) { return false; } // completed: stopping
        }

        private static async Task<string?> ReadBodyAsync(Stream stream, int max)
        {
            if (max <= 0) return null;
            var buffer = new byte[Math.Min(max + 1, 16 * 1024)];
            using var collected = new MemoryStream();
            int read;
            while ((read = await stream.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
            {
                collected.Write(buffer, 0, read);
                if (collected.Length > max) return null;
            }
            return Encoding.UTF8.GetString(collected.ToArray());
        }

        private bool TokenMatches(string query)
        {
            string? given = null;
            foreach (var p in AvanserCallbackParser.ParseQuery(query))
                if (string.Equals(p.Key, AvanserApi.CallbackTokenParameter, StringComparison.OrdinalIgnoreCase)) { given = p.Value; break; }
            if (given is null) return false;
            return _token!.Use(expected => FixedTimeEquals(expected, given));
        }

        private static bool FixedTimeEquals(string a, string b)
        {
            using var sha = SHA256.Create();
            var x = sha.ComputeHash(Encoding.UTF8.GetBytes(a));
            var y = sha.ComputeHash(Encoding.UTF8.GetBytes(b));
            var diff = 0;
            for (var i = 0; i < x.Length; i++) diff |= x[i] ^ y[i];
            return diff == 0;
        }

        private void Refuse(HttpListenerContext context, int status, string text, string shown, string? remote)
        {
            Interlocked.Increment(ref _refused);
            if (status != 503) TryAdd(new AvanserCallbackEvent(null, null, shown, remote) { Notice = "answered " + status + " (" + text + ")" });
            // Not reading a body we refused: close the connection rather than drain it.
            context.Response.KeepAlive = false;
            Answer(context, status, text);
        }

        // http.sys (Windows) keeps an idle connection 2 minutes by default: bring it to the managed listener's 15 s, which
        // KeepAliveWindow counts on. The managed HttpListener (Linux, macOS) has 15 s built in and ignores the setting.
        private bool SetServerIdleTimeout()
        {
            if (!System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows)) return true;
            // Best effort, once the listener runs (http.sys has its URL group then): a listener without it still works, with
            // http.sys's own 2-minute idle timeout.
            try { _listener.TimeoutManager.IdleConnection = ServerIdleTimeout; return true; }
            catch (Exception) { return false; }
        }

        /// <summary>
        /// Decides whether this answer keeps its connection open: yes when the connection is already counted or fewer than
        /// MaxConnections are; otherwise the answer carries Connection: close. A connection the client or a refusal closes
        /// leaves the count.
        /// </summary>
        private void LimitConnections(HttpListenerContext context)
        {
            var response = context.Response;
            var remote = context.Request.RemoteEndPoint?.ToString();
            if (remote is null) return;
            if (!response.KeepAlive || !context.Request.KeepAlive) { _keptAlive.TryRemove(remote, out _); return; }
            var now = DateTime.UtcNow.Ticks;
            if (_keptAlive.ContainsKey(remote)) { _keptAlive[remote] = now; return; }
            PurgeIdle();
            lock (_keptAlive)
            {
                if (_keptAlive.Count < Math.Max(0, _options.MaxConnections)) { _keptAlive[remote] = now; return; }
            }
            Interlocked.Increment(ref _closedForLimit);
            response.KeepAlive = false;
        }

        private void PurgeIdle()
        {
            var oldest = DateTime.UtcNow.Ticks - _keepAliveWindow.Ticks;
            foreach (var entry in _keptAlive)
                if (entry.Value < oldest) _keptAlive.TryRemove(entry.Key, out _);
        }

        private void Answer(HttpListenerContext context, int status, string text)
        {
            LimitConnections(context);
            var bytes = Encoding.UTF8.GetBytes(text);
            var response = context.Response;
            response.StatusCode = status;
            response.ContentType = "text/plain; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes, 0, bytes.Length);
            response.Close();
        }

        /// <summary>Stops listening; events already queued stay readable, then <see cref="Events"/> completes.</summary>
        public void Stop()
        {
            if (_stop.IsCancellationRequested) return;
            _stop.Cancel();
            // A record queued before its 200 is sent: let the answers in flight go out before the listener closes their
            // connections (else a sender sees a reset for a callback that was taken, and sends it again).
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Volatile.Read(ref _inFlight) > 0 && waited.Elapsed < TimeSpan.FromSeconds(5)) Thread.Sleep(5);
            try { _listener.Stop(); } catch (Exception ex) when (ex is ObjectDisposedException || ex is HttpListenerException) { }
            try { Task.WaitAll(_workers, TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
            _events.CompleteAdding();
        }

        public override string ToString() => "AVANSER callback listener " + Prefix;

        public void Dispose()
        {
            Stop();
            try { _listener.Close(); } catch (ObjectDisposedException) { }
            _stop.Dispose();
        }
    }
}
