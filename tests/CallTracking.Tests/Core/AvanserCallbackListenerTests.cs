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

    // One raw HTTP/1.1 exchange on an open socket: the status line and headers, the body read by Content-Length.
    private static async Task<string> ExchangeAsync(NetworkStream stream, int port, string pathAndQuery)
    {
        var request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n";
        var bytes = Encoding.ASCII.GetBytes(request);
        await stream.WriteAsync(bytes);
        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (true)
        {
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            if (read == 0) break;
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
            var all = text.ToString();
            var end = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var length = System.Text.RegularExpressions.Regex.Match(all, "Content-Length: *(\\d+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            if (length.Success && all.Length >= end + 4 + int.Parse(length.Groups[1].Value)) break;
        }
        return text.ToString();
    }

    private static async Task<bool> ClosedByServerAsync(NetworkStream stream)
    {
        var buffer = new byte[16];
        try { return await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5)) == 0; }
        catch (IOException) { return true; }
    }

    [Fact]
    public async Task Beyond_the_connection_limit_answers_close_their_connection_and_nothing_is_refused()
    {
        var port = FreePort();
        var prefix = AvanserCallbackListener.LoopbackPrefix(port, "/avanser/call");
        using var listener = new AvanserCallbackListener(prefix, null, new AvanserCallbackListenerOptions { MaxConnections = 2 });
        listener.Start();
        var sockets = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var c = new TcpClient();
                await c.ConnectAsync(IPAddress.Loopback, port);
                sockets.Add(c);
            }
            var answers = new List<string>();
            for (var i = 0; i < 4; i++)
                answers.Add(await ExchangeAsync(sockets[i].GetStream(), port, "/avanser/call/?callid=" + (i + 1)));
            Assert.All(answers, a => Assert.StartsWith("HTTP/1.1 200", a));
            // The first two stay open (kept alive); the other two were told Connection: close and closed.
            Assert.DoesNotContain("Connection: close", answers[0], StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Connection: close", answers[1], StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Connection: close", answers[2], StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Connection: close", answers[3], StringComparison.OrdinalIgnoreCase);
            Assert.True(await ClosedByServerAsync(sockets[2].GetStream()));
            Assert.True(await ClosedByServerAsync(sockets[3].GetStream()));
            Assert.Equal(2, listener.OpenConnections);
            Assert.Equal(2, listener.ClosedForConnectionLimit);
            // A kept-alive connection carries on.
            var again = await ExchangeAsync(sockets[0].GetStream(), port, "/avanser/call/?callid=5");
            Assert.StartsWith("HTTP/1.1 200", again);
            Assert.DoesNotContain("Connection: close", again, StringComparison.OrdinalIgnoreCase);
            // A new connection while two are open is answered and closed too; every callback was taken.
            using var late = new TcpClient();
            await late.ConnectAsync(IPAddress.Loopback, port);
            var lateAnswer = await ExchangeAsync(late.GetStream(), port, "/avanser/call/?callid=6");
            Assert.StartsWith("HTTP/1.1 200", lateAnswer);
            Assert.Contains("Connection: close", lateAnswer, StringComparison.OrdinalIgnoreCase);
            var ids = Drain(listener).Where(e => e.Record != null).Select(e => e.Record!.Id).OrderBy(x => x).ToList();
            Assert.Equal(new[] { "1", "2", "3", "4", "5", "6" }, ids);
            Assert.Equal(0, listener.Refused);
        }
        finally
        {
            foreach (var c in sockets) c.Dispose();
        }
    }

    [Fact]
    public async Task Stopping_right_after_the_last_record_still_sends_every_taken_callback_its_200()
    {
        for (var round = 0; round < 3; round++)
        {
            const int n = 40;
            // The answers wait a little after their record is queued: the reader stops inside that window.
            using var listener = Start(out var prefix, options: new AvanserCallbackListenerOptions { MaxRecords = n, PauseBeforeAnswer = TimeSpan.FromMilliseconds(200) });
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = n }) { Timeout = TimeSpan.FromSeconds(30) };
            // The reader stops the listener the moment it has the last record, as Receive-CallEvent -Count does.
            var reader = Task.Run(() =>
            {
                var taken = 0;
                foreach (var e in listener.Events.GetConsumingEnumerable())
                    if (e.Record != null && ++taken == n) { listener.Stop(); listener.Dispose(); break; }
                return taken;
            });
            var replies = await Task.WhenAll(Enumerable.Range(1, n).Select(async i =>
            {
                try { return (int)(await client.GetAsync(prefix + "?callid=" + i)).StatusCode; }
                catch (HttpRequestException) { return -1; }
            }));
            Assert.Equal(n, await reader);
            Assert.All(replies, code => Assert.Equal(200, code));
        }
    }
}
