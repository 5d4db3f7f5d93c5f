using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;

namespace CallTracking.Tests.Hostile;

/// <summary>
/// A server that reads a request and closes the connection cleanly without a reply. The HTTP stack below the module
/// resends such a request by itself when the connection came from its pool; a purchase, a release or a hang-up must be
/// on the wire once whatever the transport does, and a read at most 1 + MaxRetry times.
/// </summary>
public class OnTheWireOnceTests
{
    private const string Number = "{\"id\":7,\"number\":\"+15555550107\",\"offer_id\":1}";

    private static CallTrackingConnection Connect(HostileServer server, int maxRetry) => HostileConnections.TrackDrive(server, maxRetry, user: "public", secret: "private-key");

    /// <summary>Reads answer (keeping the connection for the pool); every other request is read and the connection closed.</summary>
    private static HostileServer CloseOnUnsafe() => new((request, stream, _) =>
        request.Method == "GET" ? HostileServer.Reply(stream, 200, Number) : Task.FromResult(false));

    /// <summary>Warms the pool: a few reads so that pooled connections wait for the next request.</summary>
    private static async Task WarmPool(CallTrackingConnection connection)
    {
        var numbers = connection.Capability<ITrackingNumbers>("test");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => numbers.GetNumberAsync("7", CancellationToken.None)));
        await numbers.GetNumberAsync("7", CancellationToken.None);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task A_release_that_the_server_swallows_is_sent_once(int maxRetry)
    {
        using var server = CloseOnUnsafe();
        using var connection = Connect(server, maxRetry);
        await WarmPool(connection);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() =>
            connection.Capability<INumberRelease>("test").ReleaseNumberAsync(new NumberRelease("7"), CancellationToken.None));
        Assert.Equal(1, server.Count("DELETE"));
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
    }

    [Fact]
    public async Task A_hang_up_that_the_server_swallows_is_sent_once()
    {
        using var server = CloseOnUnsafe();
        using var connection = Connect(server, 3);
        await WarmPool(connection);
        await Assert.ThrowsAsync<CallTrackingException>(() =>
            connection.Capability<ICallControl>("test").HangUpCallAsync("4900", CancellationToken.None));
        Assert.Equal(1, server.Requests.Count(r => r.Method != "GET"));
    }

    [Fact]
    public async Task A_purchase_that_the_server_swallows_is_sent_once()
    {
        using var server = CloseOnUnsafe();
        using var connection = Connect(server, 3);
        await WarmPool(connection);
        await Assert.ThrowsAsync<CallTrackingException>(() => connection.Capability<INumberPurchase>("test").PurchaseNumberAsync(
            new NumberPurchase { Options = new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, Country = "US" } }, CancellationToken.None));
        Assert.Equal(1, server.Count("POST"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task A_read_that_the_server_swallows_goes_out_at_most_one_plus_MaxRetry_times(int maxRetry)
    {
        var reads = 0;
        using var server = new HostileServer((request, stream, _) =>
            Interlocked.Increment(ref reads) <= 5 ? HostileServer.Reply(stream, 200, Number) : Task.FromResult(false));
        using var connection = Connect(server, maxRetry);
        await WarmPool(connection);
        var before = server.Requests.Count;
        await Assert.ThrowsAsync<CallTrackingException>(() => connection.Capability<ITrackingNumbers>("test").GetNumberAsync("7", CancellationToken.None));
        Assert.Equal(1 + maxRetry, server.Requests.Count - before);
    }
}

/// <summary>The empty content that keeps the stack from resending costs nothing else: reads still share one connection.</summary>
public class KeepAliveWithEmptyContentTests
{
    [Fact]
    public async Task Sequential_reads_share_one_kept_alive_connection()
    {
        using var server = new HostileServer((request, stream, _) => HostileServer.Reply(stream, 200, "{\"id\":7,\"number\":\"+15555550107\"}"));
        using var connection = HostileConnections.TrackDrive(server);
        var numbers = connection.Capability<ITrackingNumbers>("test");
        for (var i = 0; i < 10; i++) await numbers.GetNumberAsync("7", CancellationToken.None);
        Assert.Equal(10, server.Requests.Count);
        Assert.Equal(1, server.Connections);
        Assert.All(server.Requests, r => Assert.Equal("0", r.Headers.GetValueOrDefault("Content-Length", "0")));
    }
}
