using System.Net;
using System.Text.Json;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;
using Xunit;

namespace CallTracking.Tests.Sandbox;

public sealed class SandboxFaultTests
{
    public static readonly TheoryData<bool> Transports = new() { false, true };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Too_many_requests_with_both_retry_after_forms(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        var when = new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, PathContains = "/calls", RetryAfter = TimeSpan.FromSeconds(7) });
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, PathContains = "/calls", RetryAfterDate = when });
        Assert.Equal(2, c.Sandbox.Faults.Pending);

        var first = await c.GetAsync("calls");
        Assert.Equal(HttpStatusCode.TooManyRequests, first.Status);
        Assert.Equal("rate_limited", first.Json.GetProperty("error").GetString());
        Assert.Equal(TimeSpan.FromSeconds(7), first.RetryAfter!.Delta);

        var second = await c.GetAsync("calls");
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal(when, second.RetryAfter!.Date);

        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("calls")).Status);
        Assert.Equal(0, c.Sandbox.Faults.Pending);
        Assert.Equal(new[] { "TooManyRequests", "TooManyRequests", null }, c.Sandbox.Requests.Select(r => r.Fault));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Server_errors_skip_and_times(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, StatusCode = 502, Method = "GET", SkipFirst = 1, Times = 2 });
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("calls")).Status);
        var failed = await c.GetAsync("phone_numbers");
        Assert.Equal(HttpStatusCode.BadGateway, failed.Status);
        Assert.Equal("server_error", failed.Json.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadGateway, (await c.GetAsync("calls")).Status);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("calls")).Status);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Dropped_connection_throws(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection });
        await Assert.ThrowsAsync<HttpRequestException>(() => c.GetAsync("calls"));
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("calls")).Status);
        Assert.Equal(0, c.Sandbox.Requests[0].StatusCode);
        Assert.Equal("DropConnection", c.Sandbox.Requests[0].Fault);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Truncated_body_fails_while_reading(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TruncatedBody, PathContains = "calls" });
        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await c.Http.GetAsync(c.Url("calls?per_page=100"), HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            await stream.CopyToAsync(Stream.Null);
        });
        Assert.NotNull(error);
        Assert.True(error is IOException || error is HttpRequestException, error.ToString());
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("calls")).Status);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Malformed_body_is_not_json(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.MalformedBody });
        var reply = await c.GetAsync("calls");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(reply.Text));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task After_processing_the_purchase_still_happens(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        var body = new { provider_configuration_id = 150, offer_id = 100, toll_free = false, country = "US" };
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Method = "POST", StatusCode = 503, AfterProcessing = true });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await c.SendAsync(HttpMethod.Post, "phone_numbers", body)).Status);
        Assert.Equal(26, c.Sandbox.TrackDrive().Numbers.Count);

        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Method = "POST", AfterProcessing = true });
        await Assert.ThrowsAsync<HttpRequestException>(() => c.SendAsync(HttpMethod.Post, "phone_numbers", body));
        Assert.Equal(27, c.Sandbox.TrackDrive().Numbers.Count);

        // Without AfterProcessing the failure happens first and nothing is bought.
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Method = "POST", StatusCode = 500 });
        Assert.Equal(HttpStatusCode.InternalServerError, (await c.SendAsync(HttpMethod.Post, "phone_numbers", body)).Status);
        Assert.Equal(27, c.Sandbox.TrackDrive().Numbers.Count);
    }

    [Fact]
    public async Task Latency_honours_cancellation()
    {
        using var c = SandboxClient.Create(loopback: false);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.Latency, Delay = TimeSpan.FromMinutes(5) });
        using var cts = new CancellationTokenSource();
        var pending = c.Http.GetAsync(c.Url("calls"), cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task Latency_then_normal_response()
    {
        using var c = SandboxClient.Create(loopback: false);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.Latency, Delay = TimeSpan.FromMilliseconds(20) });
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("calls")).Status);
        Assert.Equal("Latency", c.Sandbox.Requests[0].Fault);
        c.Sandbox.Faults.Clear();
        Assert.Equal(0, c.Sandbox.Faults.Pending);
    }
}
