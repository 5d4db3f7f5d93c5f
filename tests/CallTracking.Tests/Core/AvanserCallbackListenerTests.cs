using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CallTracking.Core.Connections;
using CallTracking.Core.Providers.Avanser;

namespace CallTracking.Tests.Core;

/// <summary>
/// The callback listener behind Receive-CallEvent on a real loopback HttpListener: a flood of 1,000 concurrent callbacks is
/// taken completely, each once; the token; oversize requests; malformed requests reported without stopping the listener.
/// </summary>
public class AvanserCallbackListenerTests
{
    internal static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static AvanserCallbackListener Start(out string prefix, SecretValue? token = null, AvanserCallbackListenerOptions? options = null)
    {
        prefix = AvanserCallbackListener.LoopbackPrefix(FreePort(), "/avanser/call");
        var listener = new AvanserCallbackListener(prefix, token, options);
        listener.Start();
        return listener;
    }

    private static List<AvanserCallbackEvent> Drain(AvanserCallbackListener listener)
    {
        var list = new List<AvanserCallbackEvent>();
        while (listener.Events.TryTake(out var e, 200)) list.Add(e);
        return list;
    }

    [Fact]
    public async Task A_thousand_concurrent_callbacks_are_each_emitted_once()
    {
        using var listener = Start(out var prefix);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { Timeout = TimeSpan.FromSeconds(60) };
        const int n = 1000;
        var received = new ConcurrentBag<string>();
        // The reader drains while the flood goes on, as Receive-CallEvent's pipeline thread does.
        var reader = Task.Run(() =>
        {
            foreach (var e in listener.Events.GetConsumingEnumerable())
                if (e.Record != null) received.Add(e.Record.Id);
        });
        var started = DateTime.UtcNow;
        var replies = await Task.WhenAll(Enumerable.Range(1, n).Select(i =>
            client.GetAsync(prefix + "?callid=" + i + "&bnum=%2B61-0289996235&duration=" + (i % 300))));
        var elapsed = DateTime.UtcNow - started;
        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        listener.Stop();
        await reader;
        Assert.Equal(n, received.Count);
        Assert.Equal(n, received.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, n).Select(i => i.ToString()).OrderBy(x => x), received.OrderBy(x => x));
        Assert.True(elapsed < TimeSpan.FromSeconds(30), "1,000 callbacks took " + elapsed);
    }

    [Fact]
    public async Task Without_the_token_a_request_is_403_and_not_emitted()
    {
        using var token = SecretValue.FromPlainText("tok-9/+ value");
        using var listener = Start(out var prefix, token);
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(prefix + "?callid=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(prefix + "?callid=2&token=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(prefix + "?callid=3&token=" + Uri.EscapeDataString("tok-9/+ value"))).StatusCode);
        var events = Drain(listener);
        Assert.Equal(2, events.Count(x => x.Notice != null && x.Notice.Contains("403")));
        var e = Assert.Single(events, x => x.Record != null);
        Assert.Equal("3", e.Record!.Id);
        Assert.DoesNotContain(events, x => x.Url.Contains("tok-9"));
        Assert.DoesNotContain("tok-9", e.Url);
        Assert.DoesNotContain("tok-9", ((AvanserCallRecord)e.Record).SourceUri);
        Assert.DoesNotContain("tok-9", listener.ToString());
        Assert.Equal(2, listener.Refused);
    }

    [Fact]
    public async Task An_oversize_request_is_refused_and_the_listener_carries_on()
    {
        using var listener = Start(out var prefix, options: new AvanserCallbackListenerOptions { MaxRequestBytes = 4096 });
        using var client = new HttpClient();
        var longUrl = prefix + "?callid=1&label=" + new string('x', 5000);
        var tooLong = await client.GetAsync(longUrl);
        Assert.True(tooLong.StatusCode is HttpStatusCode.RequestUriTooLong or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, tooLong.StatusCode.ToString());
        var body = new StringContent("callid=2&label=" + new string('y', 10000), Encoding.UTF8, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync(prefix, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(prefix, new FormUrlEncodedContent(new Dictionary<string, string> { ["callid"] = "3", ["ani"] = "Private" }))).StatusCode);
        var events = Drain(listener);
        Assert.Equal(2, events.Count(x => x.Notice != null));
        var e = Assert.Single(events, x => x.Record != null);
        Assert.Equal("3", e.Record!.Id);
    }

    [Fact]
    public async Task Malformed_callbacks_are_reported_and_never_stop_the_listener()
    {
        using var listener = Start(out var prefix);
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(prefix)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(prefix + "?foo=bar&token=hidden-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(prefix + "?callid=7&duration=abc&tzdate=%%%")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(prefix + "?message=hi&ani=0412345678")).StatusCode);
        var events = Drain(listener);
        Assert.Equal(4, events.Count);
        Assert.Equal(2, events.Count(e => e.Error != null));
        Assert.DoesNotContain(events, e => e.Url.Contains("hidden-1"));
        Assert.IsType<AvanserCallRecord>(events[2].Record);
        Assert.IsType<AvanserSmsForward>(events[3].Record);
    }

    [Fact]
    public async Task After_the_count_later_callbacks_are_503_not_taken()
    {
        using var listener = Start(out var prefix, options: new AvanserCallbackListenerOptions { MaxRecords = 2 });
        using var client = new HttpClient();
        for (var i = 1; i <= 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(prefix + "?callid=" + i)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(prefix + "?callid=3")).StatusCode);
        Assert.Equal(2, Drain(listener).Count);
    }
}
