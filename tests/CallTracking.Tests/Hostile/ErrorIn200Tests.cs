using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;

namespace CallTracking.Tests.Hostile;

/// <summary>A 200 whose body is an error, or not the record asked for, is never a success.</summary>
public class ErrorIn200Tests
{
    public static IEnumerable<object[]> Bodies() => new[]
    {
        new object[] { "{\"error\":\"unauthorized\",\"message\":\"Invalid token\"}" },
        new object[] { "{\"errors\":{\"base\":[\"Offer is not active\"]}}" },
        new object[] { "{}" },
        new object[] { "{\"phone_number\":{}}" },
        new object[] { "[]" },
        new object[] { "\"ok\"" },
    };

    private static CallTrackingConnection Connect(HostileServer server) => HostileConnections.TrackDrive(server, maxRetry: 2);

    private static HostileServer Answering(string body) => new((request, stream, _) => HostileServer.Reply(stream, 200, body));

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_purchase_answered_so_is_OutcomeUnknown_and_sent_once(string body)
    {
        using var server = Answering(body);
        using var connection = Connect(server);
        var error = await Assert.ThrowsAsync<CallTrackingException>(() => connection.Capability<INumberPurchase>("test").PurchaseNumberAsync(
            new NumberPurchase { Options = new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, Country = "US" } }, CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, error.Kind);
        Assert.Single(server.Requests);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_release_answered_so_is_OutcomeUnknown_and_sent_once(string body)
    {
        using var server = Answering(body);
        using var connection = Connect(server);
        var error = await Assert.ThrowsAsync<CallTrackingException>(() =>
            connection.Capability<INumberRelease>("test").ReleaseNumberAsync(new NumberRelease("7"), CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, error.Kind);
        Assert.Single(server.Requests);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_hang_up_answered_so_is_OutcomeUnknown_and_sent_once(string body)
    {
        using var server = Answering(body);
        using var connection = Connect(server);
        var error = await Assert.ThrowsAsync<CallTrackingException>(() =>
            connection.Capability<ICallControl>("test").HangUpCallAsync("4900", CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, error.Kind);
        Assert.Single(server.Requests);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_read_answered_so_is_a_ProviderFailure(string body)
    {
        using var server = Answering(body);
        using var connection = Connect(server);
        var error = await Assert.ThrowsAsync<CallTrackingException>(() => connection.Capability<ITrackingNumbers>("test").GetNumberAsync("7", CancellationToken.None));
        Assert.NotEqual(CallTrackingErrorKind.OutcomeUnknown, error.Kind);
    }

    /// <summary>The bodies that are not a list page (a bare [] is an empty list: the seed's root=false shape).</summary>
    public static IEnumerable<object[]> ListingBodies() => Bodies().Where(b => (string)b[0] != "[]");

    [Theory]
    [MemberData(nameof(ListingBodies))]
    public async Task A_listing_answered_so_is_a_failure_not_an_empty_list(string body)
    {
        using var server = Answering(body);
        using var connection = Connect(server);
        var error = await Assert.ThrowsAsync<CallTrackingException>(async () =>
        {
            await foreach (var _ in connection.Capability<ICallLog>("test").ListCallsAsync(new CallLogQuery(), null, CancellationToken.None)) { }
        });
        Assert.NotEqual(CallTrackingErrorKind.OutcomeUnknown, error.Kind);
    }
}
