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
        await foreach (var call in c.TrackDrive.ListCallsAsync(new TrackDriveCallQuery())) list.Add(call);
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
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => c.TrackDrive.PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, TollFree = true, Country = "US" }));
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
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => c.TrackDrive.PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, Country = "US" }));
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
        var n = await c.TrackDrive.PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, Country = "US" });
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
            if (what == "unrent") await c.TrackDrive.UnrentPhoneNumberAsync("7");
            else await c.TrackDrive.HangUpCallAsync("5cc8897c-ad0f-44cb-8ea7-8f7736ae76f1");
        });
        Assert.Single(fake.Requests);
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
    }

    [Fact]
    public async Task An_update_is_idempotent_and_retried_after_503()
    {
        var fake = new FakeHandler().Json(HttpStatusCode.ServiceUnavailable, "{}").Json(HttpStatusCode.OK, Number);
        using var c = TestConnections.TrackDrive(fake);
        var n = await c.TrackDrive.UpdatePhoneNumberAsync(new TrackDriveNumberUpdate { Id = "7", OfferId = 100 });
        Assert.Equal(100, n.OfferId);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_ends_a_retry_wait_promptly()
    {
        var fake = new FakeHandler { Fallback = _ => { var r = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("{}") }; r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(60)); return r; } };
        using var c = CallTracking.Core.Connections.CallTrackingConnection.Open(new CallTracking.Core.Connections.ConnectionOptions
        {
            Provider = ProviderName.TrackDrive,
            Credential = CallTracking.Core.Connections.ProviderCredential.FromPlainText("auth_token", "t"),
            BaseUri = new Uri("https://acme.trackdrive.com/api/v1/"),
            RetryTiming = new CallTracking.Core.Connections.RetryTiming { MaxTotalWait = TimeSpan.FromMinutes(10) },
            PrimaryHandlerFactory = () => fake,
        });
        using var cts = new CancellationTokenSource();
        var task = Task.Run(async () =>
        {
            await foreach (var _ in c.TrackDrive.ListCallsAsync(new TrackDriveCallQuery(), null, cts.Token)) { }
        });
        while (fake.Requests.Count == 0) await Task.Delay(10);
        cts.Cancel();
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(task, finished); // ended by the cancellation, not by the 60 s Retry-After
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public void Classifier_is_per_operation_not_per_verb()
    {
        using var r500 = new HttpResponseMessage(HttpStatusCode.InternalServerError);
        using var r429 = new HttpResponseMessage((HttpStatusCode)429);
        Assert.True(RetryClassifier.IsRetryable(OperationSafety.Read, r500, null, false));
        Assert.True(RetryClassifier.IsRetryable(OperationSafety.Idempotent, r500, null, false));
        Assert.False(RetryClassifier.IsRetryable(OperationSafety.Unsafe, r500, null, false));
        Assert.True(RetryClassifier.IsRetryable(OperationSafety.Unsafe, r429, null, false));
        Assert.False(RetryClassifier.IsRetryable(OperationSafety.Read, r429, null, true));
        Assert.True(RetryClassifier.IsRetryable(OperationSafety.Unsafe, null, new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused)), false));
        Assert.False(RetryClassifier.IsRetryable(OperationSafety.Unsafe, null, new TimeoutException(), false));
    }
}
