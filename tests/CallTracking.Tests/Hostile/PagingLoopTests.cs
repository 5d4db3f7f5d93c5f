using System.Text;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Model;

namespace CallTracking.Tests.Hostile;

/// <summary>
/// Servers whose paging never ends or shifts: a cursor that repeats or falls back, the same full page again and again,
/// pages that overlap. The listing must stop with a ProviderFailure that says why, after a bounded number of requests,
/// and hand out no record twice.
/// </summary>
public class PagingLoopTests
{
    private static CallTrackingConnection Connect(HostileServer server) => HostileConnections.TrackDrive(server);

    private static string Calls(IEnumerable<int> ids, long nextCursor)
        => "{\"calls\":[" + string.Join(",", ids.Select(i => "{\"id\":" + i + ",\"uuid\":\"u-" + i + "\",\"status\":\"answered\"}")) + "],\"metadata\":{\"next_cursor\":" + nextCursor + "}}";

    private static string Numbers(IEnumerable<int> ids)
        => "{\"numbers\":[" + string.Join(",", ids.Select(i => "{\"id\":" + i + ",\"number\":\"+1555555" + (1000 + i) + "\"}")) + "]}";

    private static string Query(HostileRequest request, string name)
    {
        foreach (var pair in (request.Target.Split('?').Skip(1).FirstOrDefault() ?? "").Split('&'))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0 && pair[..eq] == name) return Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        return "";
    }

    private static async Task<(List<string> Ids, CallTrackingException? Error)> ListCalls(CallTrackingConnection connection, long? first = null)
    {
        var ids = new List<string>();
        try
        {
            await foreach (var call in connection.Capability<ICallLog>("test").ListCallsAsync(new CallLogQuery { PageSize = 3, First = first }, null, CancellationToken.None))
                ids.Add(call.Id);
            return (ids, null);
        }
        catch (CallTrackingException ex)
        {
            return (ids, ex);
        }
    }

    [Fact]
    public async Task A_cursor_that_repeats_stops_the_listing_with_a_provider_failure()
    {
        var page = 0;
        using var server = new HostileServer((request, stream, _) =>
        {
            var n = Interlocked.Increment(ref page);
            return HostileServer.Reply(stream, 200, Calls(Enumerable.Range(n * 3, 3), 5)); // next_cursor 5 for ever
        });
        using var connection = Connect(server);
        var (ids, error) = await ListCalls(connection);
        Assert.NotNull(error);
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, error!.Kind);
        Assert.Contains("'5' again", error.Message);
        Assert.Equal(2, server.Requests.Count);
        // The page whose token repeats is still handed out (its records are new); only then the listing stops.
        Assert.Equal(6, ids.Count);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
    }

    [Fact]
    public async Task A_cursor_that_falls_back_stops_the_listing()
    {
        using var server = new HostileServer((request, stream, _) =>
        {
            var cursor = Query(request, "cursor");
            var next = cursor == "-1" ? 10 : cursor == "10" ? 20 : 7; // 10, 20, then back to 7
            var start = cursor == "-1" ? 0 : int.Parse(cursor);
            return HostileServer.Reply(stream, 200, Calls(Enumerable.Range(start + 100, 3), next));
        });
        using var connection = Connect(server);
        var (_, error) = await ListCalls(connection);
        Assert.NotNull(error);
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, error!.Kind);
        Assert.Contains("goes back", error.Message);
        Assert.Contains("TrackDrive could not list calls", error.Message);
    }

    [Fact]
    public async Task The_same_full_page_for_ever_stops_at_the_second_page()
    {
        using var server = new HostileServer((request, stream, _) => HostileServer.Reply(stream, 200, Numbers(Enumerable.Range(1, 5))));
        using var connection = Connect(server);
        var seen = new List<string>();
        var error = await Assert.ThrowsAsync<CallTrackingException>(async () =>
        {
            await foreach (var n in connection.Capability<ITrackingNumbers>("test").ListNumbersAsync(new NumberQuery { PageSize = 5 }, null, CancellationToken.None))
                seen.Add(n.Id);
        });
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, error.Kind);
        Assert.Contains("only records that page 1 already gave", error.Message);
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, seen);
        Assert.True(server.Requests.Count <= 3, "requests: " + server.Requests.Count);
    }

    [Fact]
    public async Task Records_that_repeat_the_previous_page_are_left_out_and_said_in_verbose()
    {
        // 4 pages of 50 ids, 150 unique: pages 2 and 4 begin with the last 25 of the page before (records arriving ahead).
        using var server = new HostileServer((request, stream, _) =>
        {
            var page = int.Parse(Query(request, "page") is { Length: > 0 } p ? p : "1");
            var ids = page switch
            {
                1 => Enumerable.Range(1, 50),
                2 => Enumerable.Range(26, 50),   // 26..50 repeat page 1
                3 => Enumerable.Range(76, 50),
                4 => Enumerable.Range(101, 50),  // 101..125 repeat page 3
                _ => Enumerable.Empty<int>(),
            };
            return HostileServer.Reply(stream, 200, Numbers(ids));
        });
        using var connection = Connect(server);
        var notices = new Notices();
        var seen = new List<string>();
        using (RequestDiagnostics.Listen(notices))
        {
            await foreach (var n in connection.Capability<ITrackingNumbers>("test").ListNumbersAsync(new NumberQuery { PageSize = 50 }, null, CancellationToken.None))
                seen.Add(n.Id);
        }
        Assert.Equal(150, seen.Count);
        Assert.Equal(150, seen.Distinct().Count());
        Assert.Equal(2, notices.Lines.Count(l => l.Contains("repeated 25 record(s)")));
    }

    private sealed class Notices : IRequestListener
    {
        public List<string> Lines { get; } = new();
        public void OnRequest(RequestLogEntry entry) { }
        public void OnRetry(string operation, int attempt, TimeSpan delay, string reason) { }
        public void OnNotice(string message, bool warning) { lock (Lines) Lines.Add(message); }
    }
}
