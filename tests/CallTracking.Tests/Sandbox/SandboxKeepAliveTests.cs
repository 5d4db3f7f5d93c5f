using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace CallTracking.Tests.Sandbox;

/// <summary>
/// The loopback listener used to stall on every streamed response of a kept-alive connection: the managed HttpListener
/// ends a chunked body with two small sends (the chunk's CRLF, then "0\r\n\r\n"), and Nagle's algorithm held them
/// until the client's delayed ACK (40 ms and more). Measured on the shared 2-core machine, 20 kept-alive GETs of
/// calls?per_page=5 took 1,420–1,620 ms with the stall and 5–30 ms without. The test bounds the median request (30 ms):
/// the stall costs every request at least 40 ms, while a loaded machine slows only some of them, so the median keeps a
/// wide margin on a busy CI machine and still fails on the stall.
/// </summary>
public sealed class SandboxKeepAliveTests
{
    private const int Requests = 20;
    private static readonly TimeSpan MedianBound = TimeSpan.FromMilliseconds(30);

    private readonly ITestOutputHelper _output;

    public SandboxKeepAliveTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("calls?per_page=5")]    // one small chunk, then the CRLF and last-chunk sends that Nagle held
    [InlineData("calls?per_page=100")]  // several 32 KB flushes
    public async Task Kept_alive_requests_do_not_stall(string relative)
    {
        var connections = 0;
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectCallback = async (context, ct) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var c = SandboxClient.Create(loopback: true);
        using var http = new HttpClient(handler);
        var url = c.Url(relative);

        // Warm-up (JIT on both sides; the connection's first reply is quick-ACKed anyway).
        for (var i = 0; i < 3; i++) await GetAsync(http, url);

        var times = new List<TimeSpan>();
        for (var i = 0; i < Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await GetAsync(http, url);
            times.Add(watch.Elapsed);
        }
        times.Sort();
        var median = times[Requests / 2];

        _output.WriteLine($"{Requests} kept-alive GETs of {relative}: median {median.TotalMilliseconds:F1} ms, total {times.Sum(t => t.TotalMilliseconds):F1} ms");
        Assert.Equal(1, connections);
        Assert.True(median < MedianBound,
            $"The median of {Requests} kept-alive requests took {median.TotalMilliseconds:F0} ms (bound {MedianBound.TotalMilliseconds:F0} ms): the listener stalls again.");
    }

    private static async Task GetAsync(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await response.Content.ReadAsByteArrayAsync();
    }
}
