using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.TrackDrive;

namespace CallTracking.Tests.Core;

public class RetryTests
{
    private const string OneCall = """{"calls":[{"id":1,"uuid":"5cc8897c-ad0f-44cb-8ea7-8f7736ae76f1"}],"metadata":{"next_cursor":0,"total_count":1}}""";
    private const string Number = """{"phone_number":{"id":7,"number":"+18005550100","offer_id":100}}""";

    private static async Task<List<CallRecord>> ListAll(CallTracking.Core.Connections.CallTrackingConnection c)
    {
        var list = new List<CallRecord>();
        await foreach (var call in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery())) list.Add(call);
        return list;
    }

    [Fact]
    public async Task Reads_retry_429_with_retry_after_seconds()
    {
        var fake = new FakeHandler()
            .Json((HttpStatusCode)429, """{"error":"rate_limited"}""", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero))
            .Json(HttpStatusCode.OK, OneCall);
        using var c = TestConnections.TrackDrive(fake);
        Assert.Single(await ListAll(c));
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Reads_retry_429_with_retry_after_http_date()
    {
        var fake = new FakeHandler()
            .Json((HttpStatusCode)429, "{}", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(1)))
            .Json(HttpStatusCode.OK, OneCall);
        using var c = TestConnections.TrackDrive(fake);
        Assert.Single(await ListAll(c));
        Assert.Equal(2, fake.Requests.Count);
    }

    [Theory]
    [InlineData(500)] [InlineData(502)] [InlineData(503)] [InlineData(504)]
    public async Task Reads_retry_server_errors(int status)
    {
        var fake = new FakeHandler().Json((HttpStatusCode)status, "{}").Json(HttpStatusCode.OK, OneCall);
        using var c = TestConnections.TrackDrive(fake);
        Assert.Single(await ListAll(c));
    }

    [Fact]
    public async Task Reads_retry_dropped_connections_and_timeouts()
    {
        var fake = new FakeHandler()
            .Throw(new HttpRequestException("reset", new IOException("connection reset")))
            .Throw(new TimeoutException("slow"))
            .Json(HttpStatusCode.OK, OneCall);
        using var c = TestConnections.TrackDrive(fake);
        Assert.Single(await ListAll(c));
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_at_MaxRetry_and_surface_a_throttled_error()
    {
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("{}") } };
        using var c = TestConnections.TrackDrive(fake, maxRetry: 2);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => ListAll(c));
        Assert.Equal(CallTrackingErrorKind.Throttled, ex.Kind);
        Assert.Equal(429, ex.HttpStatus);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_total_wait_cap_is_not_waited_for()
    {
        var fake = new FakeHandler { Fallback = _ => { var r = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("{}") }; r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1)); return r; } };
        using var c = TestConnections.TrackDrive(fake, maxRetry: 4, maxTotalWait: TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => ListAll(c));
        Assert.Equal(CallTrackingErrorKind.Throttled, ex.Kind);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_purchase_answered_500_is_sent_exactly_once()
    {
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("""{"error":"server_error","message":"boom"}""") } };
        using var c = TestConnections.TrackDrive(fake);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => c.TrackDrive().PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, TollFree = true, Country = "US" }));
        Assert.Single(fake.Requests);
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Equal(500, ex.HttpStatus);
        Assert.Contains("not repeated", ex.Message);
    }

    [Fact]
    public async Task A_purchase_whose_connection_dropped_is_not_repeated()
    {
        var fake = new FakeHandler().Throw(new HttpRequestException("reset", new IOException("connection reset by peer")));
        using var c = TestConnections.TrackDrive(fake);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => c.TrackDrive().PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, Country = "US" }));
        Assert.Single(fake.Requests);
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
    }

    [Fact]
    public async Task A_purchase_is_retried_after_429_and_refused_connections()
    {
        var fake = new FakeHandler()
            .Json((HttpStatusCode)429, "{}", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero))
            .Throw(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)))
            .Json(HttpStatusCode.Created, Number);
        using var c = TestConnections.TrackDrive(fake);
        var n = await c.TrackDrive().PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, Country = "US" });
        Assert.Equal("+18005550100", n.Number);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Theory]
    [InlineData("unrent")] [InlineData("hangup")]
    public async Task Unrent_and_hang_up_are_not_repeated_after_5xx(string what)
    {
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("{}") } };
        using var c = TestConnections.TrackDrive(fake);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(async () =>
        {
            if (what == "unrent") await c.TrackDrive().UnrentPhoneNumberAsync("7");
            else await c.TrackDrive().HangUpCallAsync("5cc8897c-ad0f-44cb-8ea7-8f7736ae76f1");
        });
        Assert.Single(fake.Requests);
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
    }

    [Fact]
    public async Task An_update_is_idempotent_and_retried_after_503()
    {
        var fake = new FakeHandler().Json(HttpStatusCode.ServiceUnavailable, "{}").Json(HttpStatusCode.OK, Number);
        using var c = TestConnections.TrackDrive(fake);
        var n = await c.TrackDrive().UpdatePhoneNumberAsync(new TrackDriveNumberUpdate { Id = "7", OfferId = 100 });
        Assert.Equal(100, n.OfferId);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_ends_a_retry_wait_promptly()
    {
        var fake = new FakeHandler { Fallback = _ => { var r = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("{}") }; r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(60)); return r; } };
        using var c = CallTracking.Core.Connections.CallTrackingConnection.Open(new CallTracking.Core.Connections.ConnectionOptions
        {
            Provider = TrackDriveApi.ProviderName,
            Credential = CallTracking.Core.Connections.ProviderCredential.FromPlainText("auth_token", "t"),
            BaseUri = new Uri("https://acme.trackdrive.com/api/v1/"),
            RetryTiming = new CallTracking.Core.Connections.RetryTiming { MaxTotalWait = TimeSpan.FromMinutes(10) },
            PrimaryHandlerFactory = () => fake,
        });
        using var cts = new CancellationTokenSource();
        var task = Task.Run(async () =>
        {
            await foreach (var _ in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery(), null, cts.Token)) { }
        });
        while (fake.Requests.Count == 0) await Task.Delay(10);
        cts.Cancel();
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(task, finished); // ended by the cancellation, not by the 60 s Retry-After
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Theory]
    [InlineData("GET", OperationSafety.Unsafe, 500, 1)]   // AvidTrak buys numbers with GET: never repeated
    [InlineData("GET", OperationSafety.Read, 500, 4)]
    [InlineData("POST", OperationSafety.Read, 503, 4)]    // a search sent as POST is still a read
    [InlineData("PUT", OperationSafety.Idempotent, 502, 4)]
    [InlineData("GET", OperationSafety.Unsafe, 429, 4)]   // 429: the server did not act
    public async Task Retries_follow_the_operation_not_the_verb(string verb, OperationSafety safety, int status, int expectedAttempts)
    {
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("{}") } };
        using var c = TestConnections.TrackDrive(fake, maxRetry: 3);
        var op = new ApiOperation("Test.Op", safety, "do the test");
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => c.Executor.ReadAsync(new ApiRequest(op, new HttpMethod(verb), "x"), b => b.Length, CancellationToken.None));
        Assert.Equal(expectedAttempts, fake.Requests.Count);
        Assert.Equal(safety == OperationSafety.Unsafe && status != 429 ? CallTrackingErrorKind.OutcomeUnknown : HttpStatusInterpreter.KindOf(status), ex.Kind);
    }

    [Fact]
    public async Task One_budget_per_request_an_unreadable_page_costs_at_most_one_plus_MaxRetry()
    {
        // Before, a page retry wrapped the HTTP retry: one broken page could cost (MaxRetry+1)^2 requests.
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"calls":[{"id":1""", System.Text.Encoding.UTF8, "application/json") } };
        using var c = TestConnections.TrackDrive(fake, maxRetry: 4);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => ListAll(c));
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, ex.Kind);
        Assert.Equal(5, fake.Requests.Count);
        Assert.Contains("could not be read", ex.Message);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_for_a_purchase_and_a_TLS_failure_says_nothing_was_sent()
    {
        var refused = new FakeHandler().Throw(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))).Json(HttpStatusCode.Created, Number);
        using (var c = TestConnections.TrackDrive(refused))
        {
            await c.TrackDrive().PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = 1, OfferId = 2, Country = "US" });
            Assert.Equal(2, refused.Requests.Count);
        }
        var tls = new FakeHandler { Fallback = _ => throw new HttpRequestException("ssl", new System.Security.Authentication.AuthenticationException("handshake failed")) };
        using (var c = TestConnections.TrackDrive(tls))
        {
            var ex = await Assert.ThrowsAsync<CallTrackingException>(() => c.TrackDrive().PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = 1, OfferId = 2, Country = "US" }));
            Assert.Equal(CallTrackingErrorKind.ProviderFailure, ex.Kind);
            Assert.True(ex.NotSent);
            Assert.Contains("Nothing was sent", ex.Message);
            Assert.DoesNotContain("may have reached", ex.Message);
            Assert.Single(tls.Requests);
        }
    }
}
