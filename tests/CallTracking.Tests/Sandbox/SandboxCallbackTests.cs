using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CallTracking.Sandbox;

namespace CallTracking.Tests.Sandbox;

public sealed class SandboxCallbackTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task Default_sink_posts_to_a_loopback_receiver_and_records_it()
    {
        using var receiver = new CallbackReceiver();
        using var sandbox = new CallTrackingSandbox(new SandboxOptions { Clock = SandboxClock.StartingAt(Start) });
        Assert.IsType<HttpCallbackSink>(sandbox.Callbacks.Sink);
        var callback = new SandboxCallback("Rpc", "post", new Uri(receiver.Uri, "done?request=7&api_key=k-123"), "{\"status\":\"done\",\"password\":\"p-456\"}");
        callback.Headers["X-Test"] = "yes";

        var record = await sandbox.Callbacks.SendAsync(callback);

        var got = Assert.Single(receiver.Received);
        Assert.Equal("POST", got.Method);
        Assert.Equal("/done?request=7&api_key=k-123", got.PathAndQuery);
        Assert.Equal("{\"status\":\"done\",\"password\":\"p-456\"}", got.Body);
        Assert.Equal("application/json; charset=utf-8", got.ContentType);
        Assert.Equal("yes", got.TestHeader);

        Assert.Same(record, Assert.Single(sandbox.Callbacks.Sent));
        Assert.True(record.Delivered);
        Assert.Equal(204, record.StatusCode);
        Assert.Equal(Start, record.Time);
        Assert.Equal(new Uri(receiver.Uri, "done?request=7&api_key=***").AbsoluteUri, record.Url);
        Assert.Equal("{\"status\":\"done\",\"password\":\"***\"}", record.Body);
    }

    [Fact]
    public async Task Get_callbacks_carry_no_body()
    {
        using var receiver = new CallbackReceiver();
        using var sandbox = new CallTrackingSandbox();
        var record = await sandbox.Callbacks.SendAsync(new SandboxCallback("Rpc", "GET", new Uri(receiver.Uri, "ping?id=1")));
        Assert.Equal(204, record.StatusCode);
        Assert.Equal(("GET", "/ping?id=1", ""), (receiver.Received.Single().Method, receiver.Received.Single().PathAndQuery, receiver.Received.Single().Body));
        Assert.Equal("body", Assert.Throws<ArgumentException>(() => new SandboxCallback("Rpc", "GET", receiver.Uri, "x")).ParamName);
    }

    [Fact]
    public async Task Default_sink_refuses_other_hosts_and_the_refusal_is_recorded()
    {
        using var sandbox = new CallTrackingSandbox();
        var record = await sandbox.Callbacks.SendAsync(new SandboxCallback("Rpc", "POST", new Uri("https://example.com/hook?token=t-1"), "{}"));
        Assert.False(record.Delivered);
        Assert.Contains("loopback", record.Error);
        Assert.Equal("https://example.com/hook?token=***", record.Url);
    }

    [Fact]
    public async Task An_unreachable_receiver_is_recorded_not_thrown()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }
        using var sandbox = new CallTrackingSandbox();
        var record = await sandbox.Callbacks.SendAsync(new SandboxCallback("Rpc", "POST", new Uri("http://127.0.0.1:" + port + "/hook"), "{}"));
        Assert.False(record.Delivered);
        Assert.Null(record.StatusCode);
        Assert.Contains("HttpRequestException", record.Error);
    }

    [Fact]
    public async Task A_replaced_sink_captures_and_cancellation_propagates()
    {
        using var sandbox = new CallTrackingSandbox();
        var sink = new CapturingSink();
        sandbox.Callbacks.Sink = sink;
        await sandbox.Callbacks.SendAsync(new SandboxCallback("Rpc", "PUT", new Uri("https://customer.example/hook"), "{\"a\":1}"));
        Assert.Equal("PUT https://customer.example/hook", Assert.Single(sink.Captured).ToString());
        Assert.Equal(202, sandbox.Callbacks.Sent.Single().StatusCode);

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sandbox.Callbacks.SendAsync(new SandboxCallback("Rpc", "POST", new Uri("https://customer.example/hook"), "{}"), cts.Token));
        Assert.Equal("cancelled", sandbox.Callbacks.Sent.Last().Error);

        sandbox.Callbacks.Clear();
        Assert.Empty(sandbox.Callbacks.Sent);
        Assert.Throws<ArgumentNullException>(() => sandbox.Callbacks.Sink = null!);
    }

    [Fact]
    public async Task Async_provisioning_calls_back_when_the_virtual_clock_reaches_it()
    {
        using var sandbox = new CallTrackingSandbox(new SandboxOptions { Clock = SandboxClock.StartingAt(Start) },
            new SandboxEmulatorFactory[] { c => new RpcTestEmulator(c) });
        var sink = new CapturingSink();
        sandbox.Callbacks.Sink = sink;
        using var http = new HttpClient(sandbox.CreateHandler());
        var ack = await http.GetStringAsync(sandbox.BaseUriFor("Rpc") + "?method=provision&callback=" + Uri.EscapeDataString("http://127.0.0.1:9/done") + "&rpc_pin=" + RpcTestEmulator.Pin);
        Assert.Contains("Accepted", ack);

        sandbox.Clock.Advance(RpcTestEmulator.ProvisioningDelay - TimeSpan.FromSeconds(1));
        Assert.Empty(sink.Captured);
        sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(sandbox.Emulator<RpcTestEmulator>().SentCallbacks);

        var sent = Assert.Single(sink.Captured);
        Assert.Equal("http://127.0.0.1:9/done", sent.Url.AbsoluteUri);
        var record = Assert.Single(sandbox.Callbacks.Sent);
        Assert.Equal(Start + RpcTestEmulator.ProvisioningDelay, record.Time);
        Assert.Contains("\"rpc_pin\":\"***\"", record.Body);
        Assert.DoesNotContain(RpcTestEmulator.Pin, record.Body);
    }

    [Theory]
    [InlineData("", "POST", "https://x.example/", "provider")]
    [InlineData("Rpc", "DELETE", "https://x.example/", "method")]
    [InlineData("Rpc", "POST", "ftp://x.example/", "url")]
    public void Bad_callbacks_name_the_parameter(string provider, string method, string url, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => new SandboxCallback(provider, method, new Uri(url))).ParamName);

    private sealed class CapturingSink : ISandboxCallbackSink
    {
        public ConcurrentQueue<SandboxCallback> Captured { get; } = new();

        public Task<int> SendAsync(SandboxCallback callback, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Captured.Enqueue(callback);
            return Task.FromResult(202);
        }
    }
}
