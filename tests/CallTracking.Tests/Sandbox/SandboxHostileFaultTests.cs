using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;

namespace CallTracking.Tests.Sandbox;

/// <summary>
/// The fault kinds that imitate a hostile or broken server (a clean close without a reply, a trickling, an oversized or an
/// endless body, an echoed credential, a redirect), each on both transports: what reaches the client, and what the
/// sandbox did and logged. Every wait is bounded; each test fails if its fault is not produced.
/// </summary>
public sealed class SandboxHostileFaultTests
{
    public static readonly TheoryData<bool> Transports = new() { false, true };

    private static readonly object Purchase = new { provider_configuration_id = 150, offer_id = 100, toll_free = false, country = "US" };

    // ---- CloseWithoutReply ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Close_without_reply_reads_the_request_then_closes_cleanly_on_the_wire(bool afterProcessing)
    {
        using var c = SandboxClient.Create(loopback: true);
        var before = c.Sandbox.TrackDrive().Numbers.Count;
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.CloseWithoutReply, Method = "POST", AfterProcessing = afterProcessing });

        var (read, error) = await RawExchangeAsync(c, "POST", "phone_numbers", JsonSerializer.Serialize(Purchase));

        Assert.Null(error); // a reset fails the read ("Connection reset by peer"); a clean close reads 0
        Assert.Equal(0, read);
        var logged = Assert.Single(c.Sandbox.Requests);
        Assert.Equal(0, logged.StatusCode);
        Assert.Equal("CloseWithoutReply", logged.Fault);
        Assert.Contains("offer_id", logged.Body); // the body was read whole before the close
        Assert.Equal(before + (afterProcessing ? 1 : 0), c.Sandbox.TrackDrive().Numbers.Count);
    }

    [Fact]
    public async Task Drop_connection_still_resets_on_the_wire()
    {
        using var c = SandboxClient.Create(loopback: true);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection });
        var (_, error) = await RawExchangeAsync(c, "GET", "calls?per_page=1", null);
        Assert.True(error is IOException || error is SocketException, "expected a reset, got " + (error?.ToString() ?? "a clean close"));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Close_without_reply_fails_as_a_response_that_ended_before_it_began(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        var before = c.Sandbox.TrackDrive().Numbers.Count;
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.CloseWithoutReply, Method = "POST", AfterProcessing = true });

        // A fresh client's first request goes on a new connection, which .NET's handler does not resend.
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => c.SendAsync(HttpMethod.Post, "phone_numbers", Purchase));

        Assert.Equal(HttpRequestError.ResponseEnded, ex.HttpRequestError);
        var inner = Assert.IsType<HttpIOException>(ex.InnerException);
        Assert.Equal(HttpRequestError.ResponseEnded, inner.HttpRequestError);
        Assert.StartsWith("The response ended prematurely.", inner.Message);
        Assert.Equal(before + 1, c.Sandbox.TrackDrive().Numbers.Count);
        Assert.Equal(0, Assert.Single(c.Sandbox.Requests).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("calls?per_page=1")).Status); // one rule, one hit
    }

    // ---- TrickleBody ----------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Trickle_body_sends_the_headers_at_once_and_the_body_a_piece_per_delay(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        var normal = await c.GetAsync("calls?per_page=2");
        var expected = Encoding.UTF8.GetBytes(normal.Text);
        var delay = TimeSpan.FromMilliseconds(150);
        var pieceBytes = (expected.Length + 7) / 8;
        var pieces = (expected.Length + pieceBytes - 1) / pieceBytes;
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TrickleBody, PathContains = "calls", TrickleBytes = pieceBytes, Delay = delay });

        var watch = Stopwatch.StartNew();
        using var response = await c.Http.GetAsync(c.Url("calls?per_page=2"), HttpCompletionOption.ResponseHeadersRead);
        var headersAt = watch.Elapsed;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.Length, response.Content.Headers.ContentLength);

        await using var stream = await response.Content.ReadAsStreamAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        var body = new MemoryStream();
        var buffer = new byte[64 * 1024];
        TimeSpan? firstAt = null;
        var reads = 0;
        while (true)
        {
            var n = await stream.ReadAsync(buffer, timeout.Token);
            if (n == 0) break;
            firstAt ??= watch.Elapsed;
            Assert.True(n <= pieceBytes, $"a read got {n} bytes, more than a piece of {pieceBytes}");
            reads++;
            body.Write(buffer, 0, n);
        }
        var lastAt = watch.Elapsed;

        Assert.Equal(expected, body.ToArray());
        Assert.True(reads >= 2, "the body came in " + reads + " read(s)");
        Assert.True(firstAt!.Value - headersAt >= delay * 0.6, $"headers at {headersAt.TotalMilliseconds:F0} ms, first body byte at {firstAt.Value.TotalMilliseconds:F0} ms: the headers did not come first");
        var span = lastAt - headersAt;
        Assert.True(span >= delay * pieces * 0.9 && span <= delay * pieces + TimeSpan.FromSeconds(3),
            $"{pieces} pieces every {delay.TotalMilliseconds} ms took {span.TotalMilliseconds:F0} ms after the headers");
        Assert.Equal("TrickleBody", c.Sandbox.Requests[^1].Fault);
        Assert.Equal(200, c.Sandbox.Requests[^1].StatusCode);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Trickle_body_of_a_purchase_without_after_processing_buys_nothing(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        var before = c.Sandbox.TrackDrive().Numbers.Count;
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TrickleBody, Method = "POST", TrickleBytes = 10, Delay = TimeSpan.FromMilliseconds(20) });
        var reply = await c.SendAsync(HttpMethod.Post, "phone_numbers", Purchase);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("ok", reply.Json.GetProperty("message").GetString());
        Assert.Equal(before, c.Sandbox.TrackDrive().Numbers.Count);
    }

    // ---- OversizedBody --------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Oversized_body_claims_its_length_sends_a_few_bytes_and_stalls(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        var normal = Encoding.UTF8.GetBytes((await c.GetAsync("calls?per_page=2")).Text);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.OversizedBody, PathContains = "calls" });

        using var response = await c.Http.GetAsync(c.Url("calls?per_page=2"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2_000_000_000L, response.Content.Headers.ContentLength);

        await using var stream = await response.Content.ReadAsStreamAsync();
        var prefix = await ReadExactlyAsync(stream, 64, TimeSpan.FromSeconds(5));
        Assert.Equal(normal.Take(64), prefix);

        // Nothing more comes, and the body does not end either.
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(600));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            var n = await stream.ReadAsync(new byte[16], wait.Token);
            Assert.Fail(n == 0 ? "the body ended" : "the body went on with " + n + " byte(s)");
        });
        Assert.Equal("OversizedBody", c.Sandbox.Requests[^1].Fault);

        // The client gives up: the stall ends with it, not after its 60 s.
        if (loopback)
        {
            Assert.Equal(1, c.Sandbox.ListenerInFlight);
            response.Dispose();
            await AssertServedWithin(c, TimeSpan.FromSeconds(3));
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Oversized_body_ends_when_the_sandbox_stops(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.OversizedBody, PathContains = "calls", ClaimedLength = 123_456_789 });
        using var response = await c.Http.GetAsync(c.Url("calls?per_page=2"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(123_456_789L, response.Content.Headers.ContentLength);
        await using var stream = await response.Content.ReadAsStreamAsync();
        await ReadExactlyAsync(stream, 64, TimeSpan.FromSeconds(5));

        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        var pending = stream.ReadAsync(new byte[16], guard.Token).AsTask();
        await Task.Delay(100);
        Assert.False(pending.IsCompleted);
        var watch = Stopwatch.StartNew();
        if (loopback) c.Sandbox.Stop();
        else c.Sandbox.Dispose(); // in-process there is no listener to stop; disposing the sandbox ends its replies
        var error = await Record.ExceptionAsync(() => pending);
        Assert.True(error is IOException, "expected the read to fail as a premature end, got " + (error?.ToString() ?? "a completed read"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "ending the stalled body took " + watch.Elapsed);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Oversized_body_is_bounded_by_a_buffering_clients_timeout(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.OversizedBody, PathContains = "calls", ClaimedLength = 100_000 });
        using var http = loopback ? new HttpClient() : new HttpClient(c.Sandbox.CreateHandler());
        http.Timeout = TimeSpan.FromMilliseconds(700);
        var watch = Stopwatch.StartNew();
        var error = await Record.ExceptionAsync(() => http.GetAsync(c.Url("calls?per_page=2")));
        Assert.IsType<TaskCanceledException>(error);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "the timeout took " + watch.Elapsed);
    }

    // ---- EndlessBody ----------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Endless_body_can_be_read_for_many_megabytes_and_then_left(bool loopback)
    {
        const int Wanted = 24 * 1024 * 1024;
        using var c = SandboxClient.Create(loopback);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.EndlessBody, PathContains = "calls" });

        using (var response = await c.Http.GetAsync(c.Url("calls?per_page=2"), HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Content.Headers.ContentLength);
            if (loopback) Assert.True(response.Headers.TransferEncodingChunked);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

            await using var stream = await response.Content.ReadAsStreamAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(8));
            var buffer = new byte[256 * 1024];
            long total = 0;
            var first = true;
            while (total < Wanted)
            {
                var n = await stream.ReadAsync(buffer, timeout.Token);
                Assert.NotEqual(0, n); // it never ends on its own this soon
                var from = 0;
                if (first)
                {
                    Assert.Equal((byte)'{', buffer[0]);
                    from = 1;
                    first = false;
                }
                for (var i = from; i < n; i++)
                    if (buffer[i] != (byte)' ') Assert.Fail($"byte {total + i} is 0x{buffer[i]:x2}, not whitespace");
                total += n;
            }
        } // the client leaves

        if (loopback) await AssertServedWithin(c, TimeSpan.FromSeconds(3)); // the sandbox stopped writing
        Assert.Equal("EndlessBody", c.Sandbox.Requests[^1].Fault);
        Assert.Equal(200, c.Sandbox.Requests[^1].StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("calls?per_page=1")).Status);
        var watch = Stopwatch.StartNew();
        c.Sandbox.Dispose();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "stopping took " + watch.Elapsed);
    }

    [Fact]
    public async Task Endless_body_is_cut_after_one_gibibyte()
    {
        using var c = SandboxClient.Create(loopback: false);
        var (response, stream) = await OpenAsync(c, new FaultRule { Kind = FaultKind.EndlessBody });
        using var ownedResponse = response;
        await using var ownedStream = stream;
        var (total, error) = await ReadToEndAsync(stream, TimeSpan.FromSeconds(9));
        Assert.IsType<HttpIOException>(error); // cut, not completed
        Assert.Equal(1L << 30, total);
    }

    [Fact]
    public async Task Stop_ends_an_endless_body_that_the_client_no_longer_reads()
    {
        using var c = SandboxClient.Create(loopback: true);
        var (response, stream) = await OpenAsync(c, new FaultRule { Kind = FaultKind.EndlessBody });
        using var ownedResponse = response;
        await using var ownedStream = stream;
        await ReadExactlyAsync(stream, 1024 * 1024, TimeSpan.FromSeconds(5));
        await Task.Delay(200); // the socket buffers fill; the sandbox's write now waits for the client

        var watch = Stopwatch.StartNew();
        c.Sandbox.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "Stop() took " + watch.Elapsed);
        var (_, error) = await ReadToEndAsync(stream, TimeSpan.FromSeconds(8));
        Assert.IsType<HttpIOException>(error);
    }

    // ---- EchoAuthorization ----------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Echo_authorization_echoes_the_header_and_query_in_the_reply_but_not_in_the_log(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.EchoAuthorization });
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-public:sandbox-private"));

        var reply = await c.SendAsync(HttpMethod.Get, "calls?per_page=5", authorization: new AuthenticationHeaderValue("Basic", basic));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("unauthorized", reply.Json.GetProperty("error").GetString());
        Assert.Equal(401, reply.Json.GetProperty("status").GetInt32());
        var message = reply.Json.GetProperty("message").GetString()!;
        Assert.Equal("Authorization: Basic " + basic + "; query: per_page=5&auth_token=" + SandboxClient.Token, message);
        Assert.Contains("Basic " + basic, reply.Text); // verbatim in the raw body too, as a careless server writes it

        var logged = Assert.Single(c.Sandbox.Requests);
        Assert.Equal(401, logged.StatusCode);
        Assert.Equal("EchoAuthorization", logged.Fault);
        Assert.True(logged.HasAuthorizationHeader);
        Assert.Equal("***", logged.Query["auth_token"]);
        var kept = string.Join("\n", logged.ToString(), logged.Path, logged.Body ?? "", string.Join("&", logged.Query.Select(p => p.Key + "=" + p.Value)));
        Assert.DoesNotContain(SandboxClient.Token, kept);
        Assert.DoesNotContain(basic, kept);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Echo_authorization_answers_the_status_it_is_given(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.EchoAuthorization, StatusCode = 200 });
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.EchoAuthorization, StatusCode = 400 });
        var first = await c.GetAsync("calls");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("Authorization: (none); query: auth_token=" + SandboxClient.Token, first.Json.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await c.GetAsync("calls")).Status);
    }

    // ---- Redirect -------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Redirect_answers_its_status_and_location_with_the_query(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        using var http = NoRedirectClient(c, loopback);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.Redirect, Location = "http://127.0.0.1:9/elsewhere?{query}" });
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.Redirect, StatusCode = 307, Method = "POST", Location = "/moved" });

        using (var response = await http.GetAsync(c.Url("calls?per_page=5")))
        {
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal(new Uri("http://127.0.0.1:9/elsewhere?per_page=5&auth_token=" + SandboxClient.Token), response.Headers.Location);
        }
        using (var response = await http.PostAsync(c.Url("phone_numbers"), new StringContent(JsonSerializer.Serialize(Purchase), Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
            Assert.Equal("/moved", response.Headers.Location?.OriginalString);
        }
        Assert.Equal(new[] { 302, 307 }, c.Sandbox.Requests.Select(r => r.StatusCode));
        Assert.All(c.Sandbox.Requests, r => Assert.Equal("Redirect", r.Fault));
        Assert.All(c.Sandbox.Requests, r => Assert.Equal("***", r.Query["auth_token"]));
    }

    [Fact]
    public async Task A_followed_redirect_carries_the_token_to_another_host()
    {
        using var c = SandboxClient.Create(loopback: true);
        var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        try
        {
            var port = ((IPEndPoint)other.LocalEndpoint).Port;
            c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.Redirect, StatusCode = 301, Location = $"http://127.0.0.1:{port}/collect?{{query}}" });
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(8));
            var sending = c.Http.GetAsync(c.Url("calls"), timeout.Token); // HttpClient follows redirects by default
            using var client = await other.AcceptTcpClientAsync(timeout.Token);
            var buffer = new byte[4096];
            var n = await client.GetStream().ReadAsync(buffer, timeout.Token);
            var requestLine = Encoding.ASCII.GetString(buffer, 0, n).Split("\r\n")[0];
            Assert.Equal("GET /collect?auth_token=" + SandboxClient.Token + " HTTP/1.1", requestLine);
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"), timeout.Token);
            using var response = await sending;
            Assert.Equal(port, response.RequestMessage!.RequestUri!.Port); // the client did go there
        }
        finally
        {
            other.Stop();
        }
    }

    // ---- Rules ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Rules_of_the_new_kinds_are_checked_when_added()
    {
        var faults = new SandboxFaults();
        Assert.Throws<ArgumentException>(() => faults.Add(new FaultRule { Kind = FaultKind.Redirect }));
        Assert.Throws<ArgumentException>(() => faults.Add(new FaultRule { Kind = FaultKind.Redirect, Location = "/a\r\nX-Injected: 1" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Add(new FaultRule { Kind = FaultKind.Redirect, Location = "/a", StatusCode = 200 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Add(new FaultRule { Kind = FaultKind.EchoAuthorization, StatusCode = 101 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Add(new FaultRule { Kind = FaultKind.TrickleBody, TrickleBytes = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.Add(new FaultRule { Kind = FaultKind.OversizedBody, ClaimedLength = 0 }));
        Assert.Equal(0, faults.Pending);

        // The status defaults to the kind's: the old ServerError default is kept.
        Assert.Equal(503, new FaultRule { Kind = FaultKind.ServerError }.StatusCode);
        Assert.Equal(401, new FaultRule { Kind = FaultKind.EchoAuthorization }.StatusCode);
        Assert.Equal(302, new FaultRule { Kind = FaultKind.Redirect }.StatusCode);
        Assert.Equal(418, new FaultRule { Kind = FaultKind.EchoAuthorization, StatusCode = 418 }.StatusCode);
    }

    [Fact]
    public void Rules_of_the_new_kinds_describe_their_shape()
    {
        Assert.StartsWith("Redirect(308 -> http://x/?{query}) GET", new FaultRule { Kind = FaultKind.Redirect, StatusCode = 308, Location = "http://x/?{query}", Method = "GET" }.ToString());
        Assert.StartsWith("TrickleBody(4 B every 250 ms) ", new FaultRule { Kind = FaultKind.TrickleBody, TrickleBytes = 4, Delay = TimeSpan.FromMilliseconds(250) }.ToString());
        Assert.StartsWith("OversizedBody(claims 2000000000 B) ", new FaultRule { Kind = FaultKind.OversizedBody }.ToString());
        Assert.StartsWith("EchoAuthorization(401) ", new FaultRule { Kind = FaultKind.EchoAuthorization }.ToString());
        Assert.StartsWith("CloseWithoutReply * *", new FaultRule { Kind = FaultKind.CloseWithoutReply }.ToString());
        Assert.StartsWith("ServerError * *", new FaultRule { Kind = FaultKind.ServerError }.ToString());
    }

    // ---- Helpers --------------------------------------------------------------------------------------------------

    /// <summary>The listener has finished every reply (it saw the client leave).</summary>
    private static async Task AssertServedWithin(SandboxClient c, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (c.Sandbox.ListenerInFlight > 0 && watch.Elapsed < within) await Task.Delay(20);
        Assert.True(c.Sandbox.ListenerInFlight == 0, $"the sandbox still serves {c.Sandbox.ListenerInFlight} reply(ies) {within.TotalSeconds} s after the client left");
    }

    private static HttpClient NoRedirectClient(SandboxClient c, bool loopback)
    {
        if (!loopback) return new HttpClient(c.Sandbox.CreateHandler()); // an in-process handler follows nothing
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    /// <summary>One request over a raw socket; what came back before the server ended the connection, and how it ended
    /// (null = a clean close).</summary>
    private static async Task<(int Read, Exception? Error)> RawExchangeAsync(SandboxClient c, string method, string relative, string? body)
    {
        var url = c.Url(relative);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, url.Port);
        var stream = tcp.GetStream();
        var content = body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body);
        var head = $"{method} {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nContent-Length: {content.Length}\r\n\r\n";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var read = 0;
        var buffer = new byte[4096];
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head).Concat(content).ToArray(), timeout.Token);
            while (true)
            {
                var n = await stream.ReadAsync(buffer, timeout.Token);
                if (n == 0) return (read, null);
                read += n;
            }
        }
        catch (Exception ex)
        {
            return (read, ex);
        }
    }

    /// <summary>Adds the rule and sends a GET whose reply is then read as a stream.</summary>
    private static async Task<(HttpResponseMessage Response, Stream Body)> OpenAsync(SandboxClient c, FaultRule rule, string relative = "calls")
    {
        c.Sandbox.Faults.Add(rule);
        var response = await c.Http.GetAsync(c.Url(relative), HttpCompletionOption.ResponseHeadersRead);
        return (response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>Reads until the body ends or fails (bounded); the bytes read and the failure, if any.</summary>
    private static async Task<(long Total, Exception? Error)> ReadToEndAsync(Stream stream, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[1024 * 1024];
        long total = 0;
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, timeout.Token)) > 0) total += n;
            return (total, null);
        }
        catch (Exception ex)
        {
            return (total, ex);
        }
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, timeout.Token);
        return buffer;
    }
}

/// <summary>The new faults are useful against the real core: a release whose connection closes without a reply, over a
/// socket where .NET's handler would resend it by itself, is on the wire once and its outcome is unknown.</summary>
public sealed class SandboxCloseWithoutReplyCoreTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_release_the_listener_closes_without_reply_is_sent_once_and_is_OutcomeUnknown(bool afterProcessing)
    {
        using var s = new Integration.SandboxConnection(Integration.Transport.Loopback, numbers: 5, maxRetry: 3);
        var numbers = s.Connection.Capability<ITrackingNumbers>("test");
        var id = s.Sandbox.TrackDrive().Numbers[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Pooled connections waiting for the next request: the kind the HTTP stack resends on when they close.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => numbers.GetNumberAsync(id, CancellationToken.None)));
        await numbers.GetNumberAsync(id, CancellationToken.None);
        s.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.CloseWithoutReply, Method = "DELETE", Times = int.MaxValue, AfterProcessing = afterProcessing });

        var ex = await Assert.ThrowsAsync<CallTrackingException>(() =>
            s.Connection.Capability<INumberRelease>("test").ReleaseNumberAsync(new NumberRelease(id), CancellationToken.None));

        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
        var deletes = s.Sandbox.Requests.Where(r => r.Method == "DELETE").ToList();
        Assert.Single(deletes);
        Assert.Equal(0, deletes[0].StatusCode);
        Assert.Equal("CloseWithoutReply", deletes[0].Fault);
        Assert.Equal(afterProcessing, s.Sandbox.TrackDrive().FindNumber(id) is null);
    }
}
