using CallTracking.Core.Model;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.Sandbox;

namespace CallTracking.Tests.Integration;

/// <summary>Paging and purchases under the sandbox's injected faults: nothing lost, nothing repeated, nothing bought twice.</summary>
public class FaultToleranceTests
{
    private static async Task<List<string>> Ids(SandboxConnection s, int pageSize = 200)
    {
        var ids = new List<string>();
        await foreach (var c in s.Connection.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { PerPage = pageSize })) ids.Add(c.Id);
        return ids;
    }

    public static IEnumerable<object[]> Faults()
    {
        foreach (var transport in new[] { Transport.InProcess, Transport.Loopback })
        {
            yield return new object[] { transport, new FaultRule { Kind = FaultKind.TooManyRequests, PathContains = "/calls", SkipFirst = 2, Times = 2, RetryAfter = TimeSpan.Zero } };
            yield return new object[] { transport, new FaultRule { Kind = FaultKind.TooManyRequests, PathContains = "/calls", SkipFirst = 1, Times = 1, RetryAfterDate = DateTimeOffset.UtcNow.AddSeconds(1) } };
            yield return new object[] { transport, new FaultRule { Kind = FaultKind.ServerError, StatusCode = 503, PathContains = "/calls", SkipFirst = 3, Times = 2 } };
            yield return new object[] { transport, new FaultRule { Kind = FaultKind.DropConnection, PathContains = "/calls", SkipFirst = 4, Times = 2 } };
            yield return new object[] { transport, new FaultRule { Kind = FaultKind.TruncatedBody, PathContains = "/calls", SkipFirst = 5, Times = 1 } };
            yield return new object[] { transport, new FaultRule { Kind = FaultKind.MalformedBody, PathContains = "/calls", SkipFirst = 6, Times = 1 } };
        }
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Paging_survives_faults_with_no_record_lost_or_repeated(Transport transport, FaultRule rule)
    {
        using var s = new SandboxConnection(transport, calls: 3000);
        s.Sandbox.Faults.Add(rule);
        var ids = await Ids(s);
        Assert.Equal(3000, ids.Count);
        Assert.Equal(3000, ids.Distinct().Count());
        Assert.Contains(s.Sandbox.Requests, r => r.Fault != null);
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Loopback)]
    public async Task A_purchase_answered_500_is_sent_exactly_once(Transport transport)
    {
        using var s = new SandboxConnection(transport, numbers: 5);
        s.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, StatusCode = 500, Method = "POST", PathContains = "phone_numbers", AfterProcessing = true, Times = int.MaxValue });
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => s.Connection.TrackDrive().PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, TollFree = true, Country = "US" }));
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Single(s.Sandbox.Requests, r => r.Method == "POST");
        s.Sandbox.Faults.Clear();
        var numbers = new List<TrackingNumber>();
        await foreach (var n in s.Connection.TrackDrive().ListPhoneNumbersAsync(new TrackDriveNumberQuery())) numbers.Add(n);
        Assert.Equal(6, numbers.Count); // the server did buy it: that is why the module must not send it again
    }

    [Fact]
    public async Task A_purchase_is_retried_after_429()
    {
        using var s = new SandboxConnection(Transport.InProcess, numbers: 5);
        s.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Method = "POST", PathContains = "phone_numbers", RetryAfter = TimeSpan.Zero, Times = 1 });
        var n = await s.Connection.TrackDrive().PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, Country = "US" });
        Assert.NotNull(n);
        Assert.Equal(2, s.Sandbox.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task The_request_log_never_holds_the_token()
    {
        using var s = new SandboxConnection(Transport.Loopback, calls: 50);
        await Ids(s, 10);
        var token = s.Sandbox.Emulator("TrackDrive").TestCredential.Secret;
        Assert.NotEmpty(s.Sandbox.Requests);
        foreach (var r in s.Sandbox.Requests)
        {
            Assert.DoesNotContain(token, r.ToString());
            Assert.DoesNotContain(token, string.Join("&", r.Query.Select(kv => kv.Key + "=" + kv.Value)));
            Assert.Equal("***", r.Query["auth_token"]);
        }
    }
}
