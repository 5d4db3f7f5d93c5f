using System.Text;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;

namespace CallTracking.Tests.Hostile;

/// <summary>CSV exports against a server whose pages do not advance or overlap: the file must not grow without end.</summary>
public class CsvPagingTests
{
    private static CallTrackingConnection Connect(HostileServer server) => HostileConnections.TrackDrive(server);

    private static string Csv(IEnumerable<int> ids) => "id,status\n" + string.Concat(ids.Select(i => i + ",answered\n"));

    private static int PageOf(HostileRequest request)
    {
        var query = request.Target.Split('?').Skip(1).FirstOrDefault() ?? "";
        var page = query.Split('&').FirstOrDefault(p => p.StartsWith("page=", StringComparison.Ordinal));
        return page is null ? 1 : int.Parse(page[5..]);
    }

    [Fact]
    public async Task The_same_full_CSV_page_for_ever_stops_the_export()
    {
        using var server = new HostileServer((request, stream, _) => HostileServer.Reply(stream, 200, Csv(Enumerable.Range(1, 10)), "text/csv"));
        using var connection = Connect(server);
        using var file = new MemoryStream();
        var error = await Assert.ThrowsAsync<CallTrackingException>(() =>
            connection.Capability<ICallLogCsv>("test").ExportCallsCsvAsync(new CallLogQuery { PageSize = 10 }, file, null, CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.ProviderFailure, error.Kind);
        Assert.Contains("repeats page 1", error.Message);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Rows_that_repeat_the_previous_page_are_written_once()
    {
        using var server = new HostileServer((request, stream, _) => HostileServer.Reply(stream, 200, PageOf(request) switch
        {
            1 => Csv(Enumerable.Range(1, 10)),
            2 => Csv(Enumerable.Range(6, 10)), // 6..10 again
            3 => Csv(Enumerable.Range(16, 4)),
            _ => Csv(Enumerable.Empty<int>()),
        }, "text/csv"));
        using var connection = Connect(server);
        using var file = new MemoryStream();
        var rows = await connection.Capability<ICallLogCsv>("test").ExportCallsCsvAsync(new CallLogQuery { PageSize = 10 }, file, null, CancellationToken.None);
        var lines = Encoding.UTF8.GetString(file.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(19, rows);
        Assert.Equal("id,status", lines[0]);
        Assert.Equal(Enumerable.Range(1, 19).Select(i => i + ",answered"), lines.Skip(1));
    }
}
