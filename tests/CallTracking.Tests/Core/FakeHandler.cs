using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CallTracking.Tests.Core;

/// <summary>A scripted transport: each request gets the next scripted reply (or throws the next scripted exception).</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();
    public List<(HttpMethod Method, Uri Uri, string? Body, string? Authorization)> Requests { get; } = new();
    public Func<HttpRequestMessage, HttpResponseMessage>? Fallback { get; set; }

    public FakeHandler Enqueue(Func<HttpRequestMessage, HttpResponseMessage> reply) { _script.Enqueue(reply); return this; }

    public FakeHandler Json(HttpStatusCode status, string json, Action<HttpResponseMessage>? configure = null)
        => Enqueue(_ =>
        {
            var r = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            configure?.Invoke(r);
            return r;
        });

    public FakeHandler Throw(Exception ex) => Enqueue(_ => throw ex);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests) Requests.Add((request.Method, request.RequestUri!, body, request.Headers.Authorization?.ToString()));
        if (_script.TryDequeue(out var next)) return next(request);
        if (Fallback != null) return Fallback(request);
        throw new InvalidOperationException("No scripted reply left for " + request.Method + " " + request.RequestUri);
    }
}
