using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CallTracking.Tests.Sandbox;

/// <summary>A loopback HttpListener that answers 204 and keeps what it got.</summary>
internal sealed class CallbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public CallbackReceiver()
    {
        for (var attempt = 0; ; attempt++)
        {
            int port;
            using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
            }
            Uri = new Uri("http://127.0.0.1:" + port + "/");
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(Uri.AbsoluteUri);
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
            }
        }
        _loop = Task.Run(LoopAsync);
    }

    public Uri Uri { get; private set; } = null!;
    public ConcurrentQueue<(string Method, string PathAndQuery, string Body, string? ContentType, string? TestHeader)> Received { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Received.Enqueue((context.Request.HttpMethod, context.Request.RawUrl ?? "", body, context.Request.ContentType, context.Request.Headers["X-Test"]));
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(2));
    }
}
