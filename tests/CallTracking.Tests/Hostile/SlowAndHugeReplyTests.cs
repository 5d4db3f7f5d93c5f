using System.Diagnostics;
using System.Text;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;

namespace CallTracking.Tests.Hostile;

/// <summary>Replies that trickle, claim to be huge, or never end: the timeout covers the body, and a page has a size cap.</summary>
public class SlowAndHugeReplyTests
{
    private static CallTrackingConnection Connect(HostileServer server, TimeSpan timeout, long maxResponseBytes = 256L * 1024 * 1024)
        => HostileConnections.TrackDrive(server, timeout: timeout, maxResponseBytes: maxResponseBytes);

    private static async Task<CallTrackingException> ReadOne(CallTrackingConnection connection)
        => await Assert.ThrowsAsync<CallTrackingException>(() => connection.Capability<ITrackingNumbers>("test").GetNumberAsync("7", CancellationToken.None));

    [Fact]
    public async Task A_body_that_trickles_a_byte_at_a_time_is_cut_at_the_timeout()
    {
        using var server = new HostileServer(async (request, stream, token) =>
        {
            var body = "{\"phone_number\":{\"id\":7,\"number\":\"+15555550107\"}}" + new string(' ', 200);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\n\r\n"), token);
            foreach (var b in Encoding.ASCII.GetBytes(body))
            {
                await stream.WriteAsync(new[] { b }, token);
                await stream.FlushAsync(token);
                await Task.Delay(100, token);
            }
            return true;
        });
        using var connection = Connect(server, TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        var error = await ReadOne(connection);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), "took " + clock.Elapsed);
        Assert.Contains("-TimeoutSec", error.Message);
    }

    [Fact]
    public async Task A_Content_Length_beyond_the_cap_is_refused_before_any_byte_is_read()
    {
        using var server = new HostileServer(async (request, stream, token) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2000000000\r\n\r\n{\"phone_numbers\""), token);
            await Task.Delay(TimeSpan.FromSeconds(5), token);
            return false;
        });
        using var connection = Connect(server, TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();
        var error = await ReadOne(connection);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), "took " + clock.Elapsed);
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, error.Kind);
        Assert.Contains("MB", error.Message);
    }

    [Fact]
    public async Task An_endless_chunked_body_stops_at_the_cap()
    {
        var sent = 0L;
        using var server = new HostileServer(async (request, stream, token) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"), token);
            var chunk = Encoding.ASCII.GetBytes("10000\r\n" + new string(' ', 0x10000) + "\r\n");
            while (!token.IsCancellationRequested && Interlocked.Read(ref sent) < 64L * 1024 * 1024)
            {
                await stream.WriteAsync(chunk, token);
                Interlocked.Add(ref sent, 0x10000);
            }
            return false;
        });
        using var connection = Connect(server, TimeSpan.FromSeconds(30), maxResponseBytes: 2L * 1024 * 1024);
        var error = await ReadOne(connection);
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, error.Kind);
        Assert.Contains("MB", error.Message);
        Assert.True(Interlocked.Read(ref sent) < 32L * 1024 * 1024, "the client read on: " + sent);
    }
}
