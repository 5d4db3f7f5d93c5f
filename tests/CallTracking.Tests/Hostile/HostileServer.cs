using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallTracking.Tests.Hostile;

/// <summary>One request as it reached the hostile server's socket.</summary>
public sealed record HostileRequest(int Connection, string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => Target.Split('?')[0];
}

/// <summary>
/// A small HTTP/1.1 server on loopback that answers what a client does not expect, written apart from the embedded
/// sandbox so that the core is tested against code that does not share its authors' assumptions. Each request is
/// handed, with the raw socket stream, to a script that writes whatever bytes it likes and says whether the connection
/// stays open. Bounded: at most <see cref="MaxConnections"/> connections, each read gives up after a few seconds, and
/// Dispose stops everything.
/// </summary>
public sealed class HostileServer : IDisposable
{
    public delegate Task<bool> Script(HostileRequest request, Stream stream, CancellationToken cancellationToken);

    public const int MaxConnections = 200;
    private readonly TcpListener _listener;
    private readonly Script _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<HostileRequest> _requests = new();
    private readonly ConcurrentBag<TcpClient> _clients = new();
    private int _connections;

    public HostileServer(Script script)
    {
        _script = script;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/api/v1/");
        _ = Task.Run(AcceptLoop);
    }

    public Uri BaseUri { get; }
    public IReadOnlyList<HostileRequest> Requests => _requests.ToArray();
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The requests of one method to paths that start with <paramref name="pathPrefix"/>.</summary>
    public int Count(string method, string pathPrefix = "/") =>
        _requests.Count(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch { return; }
            var number = Interlocked.Increment(ref _connections);
            if (number > MaxConnections) { client.Dispose(); continue; }
            _clients.Add(client);
            _ = Task.Run(() => Serve(client, number));
        }
    }

    private async Task Serve(TcpClient client, int number)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var readTimeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    readTimeout.CancelAfter(TimeSpan.FromSeconds(10));
                    var request = await ReadRequest(stream, number, readTimeout.Token);
                    if (request is null) return;
                    _requests.Enqueue(request);
                    if (!await _script(request, stream, _stop.Token)) return; // a clean close (FIN)
                }
            }
            catch { /* the client went away, or the script broke the connection on purpose */ }
        }
    }

    private static async Task<HostileRequest?> ReadRequest(Stream stream, int connection, CancellationToken token)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var read = await stream.ReadAsync(one, token);
            if (read == 0) return null;
            head.Add(one[0]);
            var n = head.Count;
            if (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n') break;
            if (n > 64 * 1024) return null;
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var first = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var body = "";
        if (headers.TryGetValue("Content-Length", out var lengthText) && int.TryParse(lengthText, out var length) && length > 0)
        {
            var buffer = new byte[Math.Min(length, 1024 * 1024)];
            var got = 0;
            while (got < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(got), token);
                if (read == 0) break;
                got += read;
            }
            body = Encoding.UTF8.GetString(buffer, 0, got);
        }
        return new HostileRequest(connection, first[0], first.Length > 1 ? first[1] : "/", headers, body);
    }

    // ---- Replies a script can write ----------------------------------------------------------------------------------------

    /// <summary>Writes a whole reply with a Content-Length; true keeps the connection open.</summary>
    public static async Task<bool> Reply(Stream stream, int status, string body, string contentType = "application/json", string? extraHeaders = null, bool keepAlive = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = "HTTP/1.1 " + status + " " + ReasonOf(status) + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.Length + "\r\n"
                   + (keepAlive ? "" : "Connection: close\r\n") + (extraHeaders ?? "") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
        return keepAlive;
    }

    private static string ReasonOf(int status) => status switch
    {
        200 => "OK", 201 => "Created", 204 => "No Content", 301 => "Moved Permanently", 302 => "Found", 307 => "Temporary Redirect",
        308 => "Permanent Redirect", 400 => "Bad Request", 401 => "Unauthorized", 404 => "Not Found", 500 => "Internal Server Error",
        503 => "Service Unavailable", _ => "Status",
    };

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _clients) client.Dispose();
    }
}
