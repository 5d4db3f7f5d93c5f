using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Bench
{
    /// <summary>
    /// A minimal HTTP/1.1 server on 127.0.0.1 that serves GET /api/v1/calls from <see cref="PrerenderedCalls"/>, so a
    /// benchmark measures the client and not the server: no per-request rendering, keep-alive, TCP_NODELAY, and each
    /// response leaves in one gathered send (headers, the calls slice and the metadata, straight from memory).
    /// Answers cursor, per_page and auth_token as the sandbox does; other query parameters are ignored and counted.
    /// </summary>
    internal sealed class PageServer : IDisposable
    {
        private static readonly byte[] CallsPrefix = Encoding.ASCII.GetBytes("{\"calls\":[");
        private readonly PrerenderedCalls _calls;
        private readonly Socket _listener;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _accept;
        private long _requests, _records, _connections;

        public PageServer(PrerenderedCalls calls, int port = 0)
        {
            _calls = calls;
            _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            _listener.Listen(64);
            Root = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture) + "/");
            _accept = Task.Run(AcceptLoopAsync);
        }

        public Uri Root { get; }
        public Uri TrackDriveBase => new Uri(Root, "api/v1/");
        public long Requests => Interlocked.Read(ref _requests);
        public long Records => Interlocked.Read(ref _records);
        public long Connections => Interlocked.Read(ref _connections);
        public ConcurrentDictionary<string, long> IgnoredParameters { get; } = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket client;
                try { client = await _listener.AcceptAsync().ConfigureAwait(false); }
                catch (Exception) when (_stop.IsCancellationRequested) { return; }
                catch (SocketException) { continue; }
                client.NoDelay = true;
                Interlocked.Increment(ref _connections);
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(Socket client)
        {
            var buffer = new byte[16 * 1024];
            var filled = 0;
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var headerEnd = IndexOfHeaderEnd(buffer, filled);
                    while (headerEnd < 0)
                    {
                        if (filled == buffer.Length)
                        {
                            if (buffer.Length >= 1024 * 1024) return; // a header that large is not a client we serve
                            Array.Resize(ref buffer, buffer.Length * 2);
                        }
                        var n = await client.ReceiveAsync(new ArraySegment<byte>(buffer, filled, buffer.Length - filled), SocketFlags.None).ConfigureAwait(false);
                        if (n == 0) return;
                        filled += n;
                        headerEnd = IndexOfHeaderEnd(buffer, filled);
                    }
                    var head = Encoding.ASCII.GetString(buffer, 0, headerEnd);
                    var consumed = headerEnd + 4;
                    var (keepAlive, bodyLength) = ReadHeaders(head);
                    // Skip a request body (none is expected for GET).
                    while (filled - consumed < bodyLength)
                    {
                        var n = await client.ReceiveAsync(new ArraySegment<byte>(buffer, 0, buffer.Length), SocketFlags.None).ConfigureAwait(false);
                        if (n == 0) return;
                        bodyLength -= filled - consumed;
                        consumed = 0;
                        filled = n;
                    }
                    consumed += (int)bodyLength;
                    Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                    filled -= consumed;

                    var lineEnd = head.IndexOf('\r');
                    var response = Respond(lineEnd < 0 ? head : head.Substring(0, lineEnd));
                    Interlocked.Increment(ref _requests);
                    await SendAllAsync(client, response).ConfigureAwait(false);
                    if (!keepAlive) return;
                }
            }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
            finally
            {
                try { client.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
                client.Dispose();
            }
        }

        private static async Task SendAllAsync(Socket client, List<ArraySegment<byte>> segments)
        {
            long total = 0;
            foreach (var s in segments) total += s.Count;
            var sent = await client.SendAsync(segments, SocketFlags.None).ConfigureAwait(false);
            if (sent == total) return;
            // A partial gathered send: send what is left segment by segment.
            long skip = sent;
            foreach (var s in segments)
            {
                if (skip >= s.Count) { skip -= s.Count; continue; }
                var rest = new ArraySegment<byte>(s.Array!, s.Offset + (int)skip, s.Count - (int)skip);
                skip = 0;
                while (rest.Count > 0)
                {
                    var n = await client.SendAsync(rest, SocketFlags.None).ConfigureAwait(false);
                    rest = new ArraySegment<byte>(rest.Array!, rest.Offset + n, rest.Count - n);
                }
            }
        }

        private List<ArraySegment<byte>> Respond(string requestLine)
        {
            var parts = requestLine.Split(' ');
            if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal)) return Error(400, "bad_request", "Not an HTTP/1.x request line.");
            if (parts[0] != "GET") return Error(405, "method_not_allowed", "The page server answers GET only.");
            var target = parts[1];
            var q = target.IndexOf('?');
            var path = q < 0 ? target : target.Substring(0, q);
            if (path != "/api/v1/calls" && path != "/api/v1/calls.json") return Error(404, "not_found", "The page server serves /api/v1/calls only.");

            long cursor = -1;
            var perPage = 25;
            string? token = null;
            if (q >= 0)
            {
                foreach (var pair in target.Substring(q + 1).Split('&'))
                {
                    if (pair.Length == 0) continue;
                    var eq = pair.IndexOf('=');
                    var name = Decode(eq < 0 ? pair : pair.Substring(0, eq));
                    var value = eq < 0 ? "" : Decode(pair.Substring(eq + 1));
                    switch (name)
                    {
                        case "cursor":
                            if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out cursor)) return Error(422, "invalid_parameter", "cursor must be a number.");
                            break;
                        case "per_page":
                            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out perPage)) return Error(422, "invalid_parameter", "per_page must be a number from 1 to 1000.");
                            break;
                        case "auth_token":
                            token = value;
                            break;
                        default:
                            IgnoredParameters.AddOrUpdate(name, 1, (_, n) => n + 1);
                            break;
                    }
                }
            }
            if (token != PrerenderedCalls.Token) return Error(401, "unauthorized", "Missing or invalid auth_token.");
            if (!_calls.TryPage(cursor, perPage, out var calls, out var records, out var suffix))
                return Error(422, "invalid_parameter", "cursor or per_page out of range (cursor -1 or 1.." + (_calls.Count + 1) + ", per_page 1..1000).");

            Interlocked.Add(ref _records, records);
            var length = CallsPrefix.Length + calls.Count + suffix.Length;
            var headers = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                + length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
            return new List<ArraySegment<byte>> { new ArraySegment<byte>(headers), new ArraySegment<byte>(CallsPrefix), calls, new ArraySegment<byte>(suffix) };
        }

        private static List<ArraySegment<byte>> Error(int status, string code, string message)
        {
            var body = Encoding.UTF8.GetBytes("{\"status\":" + status + ",\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
            var reason = status switch { 400 => "Bad Request", 401 => "Unauthorized", 404 => "Not Found", 405 => "Method Not Allowed", _ => "Unprocessable Entity" };
            var headers = Encoding.ASCII.GetBytes("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + body.Length + "\r\n\r\n");
            return new List<ArraySegment<byte>> { new ArraySegment<byte>(headers), new ArraySegment<byte>(body) };
        }

        private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

        private static int IndexOfHeaderEnd(byte[] buffer, int filled)
        {
            for (var i = 3; i < filled; i++)
                if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') return i - 3;
            return -1;
        }

        /// <summary>HTTP/1.1 keeps the connection unless told to close; a request body is skipped by its Content-Length.</summary>
        private static (bool KeepAlive, long BodyLength) ReadHeaders(string head)
        {
            var lines = head.Split(new[] { "\r\n" }, StringSplitOptions.None);
            var keepAlive = lines[0].EndsWith("HTTP/1.1", StringComparison.Ordinal);
            long length = 0;
            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon <= 0) continue;
                var name = lines[i].Substring(0, colon).Trim();
                var value = lines[i].Substring(colon + 1).Trim();
                if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
                {
                    if (value.Equals("close", StringComparison.OrdinalIgnoreCase)) keepAlive = false;
                    else if (value.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)) keepAlive = true;
                }
                else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out length);
            }
            return (keepAlive, length);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Dispose();
            try { _accept.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        }
    }
}
