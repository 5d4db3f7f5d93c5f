using System.Net;

namespace CallTracking.Tests.Core;

/// <summary>Issue 5, 6.2: statistics under a root key other than "stats" were 0 rows with no error; "page" was never followed.</summary>
public class StatisticsReadTests
{
    private static TrackDriveStatsQuery Query() => new()
    {
        GroupBy = "status", Stat = "count",
        CreatedAtFrom = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), CreatedAtTo = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero),
    };

    [Theory]
    [InlineData("""{"stats":[{"group":"forwarded","value":3},{"group":"finished","value":4}]}""")]
    [InlineData("""{"statistics":[{"group":"forwarded","value":3},{"group":"finished","value":4}],"metadata":{"stat":"count"}}""")]
    [InlineData("""[{"group":"forwarded","value":3},{"group":"finished","value":4}]""")]
    public async Task Rows_are_read_under_the_documented_key_another_single_list_or_a_bare_array(string json)
    {
        var fake = new FakeHandler().Json(HttpStatusCode.OK, json);
        using var c = TestConnections.TrackDrive(fake);
        var rows = await c.TrackDrive().GetCallStatisticsAsync(Query());
        Assert.Equal(new[] { "forwarded", "finished" }, rows.Select(r => r.Group));
        Assert.Equal(new decimal?[] { 3, 4 }, rows.Select(r => r.Value));
    }

    [Fact]
    public async Task A_reply_with_no_list_is_an_error_not_zero_rows()
    {
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"metadata":{"stat":"count"}}""") } };
        using var c = TestConnections.TrackDrive(fake, maxRetry: 0);
        var ex = await Assert.ThrowsAsync<CallTracking.Core.Model.CallTrackingException>(() => c.TrackDrive().GetCallStatisticsAsync(Query()));
        Assert.Equal(CallTracking.Core.Model.CallTrackingErrorKind.ProviderFailure, ex.Kind);
    }

    [Fact]
    public async Task Pages_are_followed_while_the_reply_announces_more_and_a_missing_value_stays_null()
    {
        var fake = new FakeHandler()
            .Json(HttpStatusCode.OK, """{"stats":[{"group":"forwarded","value":3}],"metadata":{"page":1,"total_pages":2}}""")
            .Json(HttpStatusCode.OK, """{"stats":[{"group":"finished"}],"metadata":{"page":2,"total_pages":2}}""");
        using var c = TestConnections.TrackDrive(fake);
        var rows = await c.TrackDrive().GetCallStatisticsAsync(Query());
        Assert.Equal(2, fake.Requests.Count);
        Assert.DoesNotContain("page=", fake.Requests[0].Uri.Query);
        Assert.Contains("page=2", fake.Requests[1].Uri.Query);
        Assert.Equal(new[] { "forwarded", "finished" }, rows.Select(r => r.Group));
        Assert.Null(rows[1].Value); // not a made-up 0
    }
}
