using CallTracking.Core.Model;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.Sandbox;

namespace CallTracking.Tests.Integration;

/// <summary>Every TrackDrive endpoint through the core against the sandbox, in-process and over loopback sockets.</summary>
public class TrackDriveSandboxTests
{
    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }

    [Theory]
    [InlineData(Transport.InProcess, 100)]
    [InlineData(Transport.Loopback, 100)]
    [InlineData(Transport.InProcess, 7)]
    [InlineData(Transport.Loopback, 1000)]
    public async Task Lists_every_call_once_across_page_boundaries(Transport transport, int pageSize)
    {
        using var s = new SandboxConnection(transport, calls: 5000);
        long? total = null;
        var calls = await All(s.Connection.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { PerPage = pageSize }, p => total = p.TotalCount));
        Assert.Equal(5000, calls.Count);
        Assert.Equal(5000, calls.Select(c => c.Id).Distinct().Count());
        Assert.Equal(5000, total);
        Assert.All(calls, c => Assert.Equal(TrackDriveApi.ProviderName, c.Provider));
        Assert.All(calls, c => Assert.StartsWith("+", c.CalledNumber));
        Assert.All(calls, c => Assert.NotNull(c.CreatedAt));
        Assert.Equal(calls.OrderByDescending(c => c.CreatedAt).Select(c => c.Id), calls.Select(c => c.Id));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Loopback)]
    public async Task Basic_auth_style_is_accepted(Transport transport)
    {
        using var s = new SandboxConnection(transport, calls: 30, basic: true);
        Assert.Equal(30, (await All(s.Connection.TrackDrive().ListCallsAsync(new TrackDriveCallQuery()))).Count);
    }

    [Fact]
    public async Task Wrong_credentials_are_an_authentication_error()
    {
        using var sandbox = new CallTrackingSandbox();
        using var c = CallTracking.Core.Connections.CallTrackingConnection.Open(new CallTracking.Core.Connections.ConnectionOptions
        {
            Provider = TrackDriveApi.ProviderName,
            Credential = CallTracking.Core.Connections.ProviderCredential.FromPlainText("auth_token", "wrong-token"),
            BaseUri = sandbox.BaseUriFor("TrackDrive"),
            PrimaryHandlerFactory = sandbox.CreateHandler,
        });
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => All(c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery())));
        Assert.Equal(CallTrackingErrorKind.Authentication, ex.Kind);
        Assert.Equal(401, ex.HttpStatus);
        Assert.DoesNotContain("wrong-token", ex.ToString());
    }

    [Fact]
    public async Task Date_range_filters_select_the_calls_in_range()
    {
        using var s = new SandboxConnection(Transport.InProcess, calls: 5000);
        var all = await All(s.Connection.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { PerPage = 1000 }));
        var newest = all.Max(c => c.CreatedAt!.Value);
        var from = newest.AddDays(-7);
        var week = await All(s.Connection.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { CreatedAtFrom = from, CreatedAtTo = newest }));
        var expected = all.Where(c => c.CreatedAt >= from && c.CreatedAt <= newest).Select(c => c.Id).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, week.Select(c => c.Id).ToHashSet());
    }

    [Fact]
    public async Task Status_filter_and_columns()
    {
        using var s = new SandboxConnection(Transport.InProcess, calls: 2000);
        var all = await All(s.Connection.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { PerPage = 1000 }));
        var status = all.GroupBy(c => c.Status).OrderByDescending(g => g.Count()).First().Key!;
        var filtered = await All(s.Connection.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { Status = status, PerPage = 300 }));
        Assert.Equal(all.Count(c => c.Status == status), filtered.Count);
        Assert.All(filtered, c => Assert.Equal(status, c.Status));

        var slim = await All(s.Connection.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { Columns = new[] { "uuid", "status" }, First = 5 }));
        Assert.Equal(5, slim.Count);
        Assert.All(slim, c => { Assert.NotNull(c.Uuid); Assert.NotNull(c.Status); Assert.Null(c.CallerNumber); });
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Loopback)]
    public async Task Get_and_hang_up_a_call(Transport transport)
    {
        using var s = new SandboxConnection(transport, calls: 500);
        var live = await All(s.Connection.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { InProgress = true }));
        Assert.NotEmpty(live);
        var target = live[0];
        var byId = await s.Connection.TrackDrive().GetCallAsync(target.Id);
        var byUuid = await s.Connection.TrackDrive().GetCallAsync(target.Uuid!);
        Assert.Equal(target.Uuid, byId.Uuid);
        Assert.Equal(target.Id, byUuid.Id);

        var ended = await s.Connection.TrackDrive().HangUpCallAsync(target.Uuid!);
        Assert.NotNull(ended);
        Assert.False(ended!.InProgress);
        var after = await All(s.Connection.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { InProgress = true }));
        Assert.DoesNotContain(after, c => c.Id == target.Id);
        Assert.Equal(live.Count - 1, after.Count);

        var again = await Assert.ThrowsAsync<CallTrackingException>(() => s.Connection.TrackDrive().HangUpCallAsync(target.Uuid!));
        Assert.Equal(CallTrackingErrorKind.InvalidArgument, again.Kind);
        var missing = await Assert.ThrowsAsync<CallTrackingException>(() => s.Connection.TrackDrive().GetCallAsync("999999999"));
        Assert.Equal(CallTrackingErrorKind.NotFound, missing.Kind);
    }

    [Fact]
    public async Task Reports_count_every_call_by_category()
    {
        using var s = new SandboxConnection(Transport.InProcess, calls: 1200);
        var rows = await All(s.Connection.TrackDrive().GetCallReportAsync(new TrackDriveReportQuery { Category = "status" }));
        Assert.NotEmpty(rows);
        Assert.Equal(1200, rows.Sum(r => r.Count ?? 0));
        Assert.All(rows, r => Assert.Equal("status", r.Category));
        var all = await All(s.Connection.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { PerPage = 1000 }));
        foreach (var row in rows) Assert.Equal(all.Count(c => c.Status == row.Value), row.Count);
    }

    [Fact]
    public async Task Statistics_group_a_date_range()
    {
        using var s = new SandboxConnection(Transport.InProcess, calls: 1000);
        var all = await All(s.Connection.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { PerPage = 1000 }));
        var to = all.Max(c => c.CreatedAt!.Value);
        var from = to.AddDays(-30);
        var stats = await s.Connection.TrackDrive().GetCallStatisticsAsync(new TrackDriveStatsQuery { GroupBy = "status", Stat = "count", CreatedAtFrom = from, CreatedAtTo = to });
        Assert.NotEmpty(stats);
        Assert.Equal(all.Count(c => c.CreatedAt >= from && c.CreatedAt <= to), (long)stats.Sum(x => x.Value));
        Assert.All(stats, x => Assert.Equal("count", x.Stat));
    }

    [Theory]
    [InlineData(Transport.InProcess)]
    [InlineData(Transport.Loopback)]
    public async Task Numbers_purchase_get_update_unrent(Transport transport)
    {
        using var s = new SandboxConnection(transport, numbers: 25);
        var td = s.Connection.TrackDrive();
        var before = await All(td.ListPhoneNumbersAsync(new TrackDriveNumberQuery { PerPage = 10 }));
        Assert.Equal(25, before.Count);
        Assert.Equal(25, before.Select(n => n.Id).Distinct().Count());

        var bought = await td.PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, TollFree = true, Country = "US", TokenValues = new[] { "interest:auto" } });
        Assert.True(bought.TollFree, bought.Number);
        Assert.Matches(@"^\+18(00|33|44|55|66|77|88)\d{7}$", bought.Number);
        Assert.Equal(100, bought.OfferId);
        var local = await td.PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = 150, OfferId = 100, TollFree = false, Country = "US" });
        Assert.False(local.TollFree);
        Assert.DoesNotMatch(@"^\+18(00|33|44|55|66|77|88)\d{7}$", local.Number);

        var listed = await All(td.ListPhoneNumbersAsync(new TrackDriveNumberQuery()));
        Assert.Equal(27, listed.Count);
        Assert.Contains(listed, n => n.Number == bought.Number);

        Assert.Equal(bought.Id, (await td.GetPhoneNumberAsync(bought.Number)).Id);
        Assert.Equal(bought.Number, (await td.GetPhoneNumberAsync(bought.Id)).Number);
        var byNumberFilter = await All(td.ListPhoneNumbersAsync(new TrackDriveNumberQuery { Number = bought.Number }));
        Assert.Equal(bought.Id, Assert.Single(byNumberFilter).Id);

        var updated = await td.UpdatePhoneNumberAsync(new TrackDriveNumberUpdate { Id = bought.Number, OfferId = 9, TrafficSourceId = 1002592 });
        Assert.Equal(9, updated.OfferId);
        Assert.Equal(1002592, (await td.GetPhoneNumberAsync(bought.Id)).TrafficSourceId);

        await td.UnrentPhoneNumberAsync(bought.Id);
        var gone = await Assert.ThrowsAsync<CallTrackingException>(() => td.GetPhoneNumberAsync(bought.Id));
        Assert.Equal(CallTrackingErrorKind.NotFound, gone.Kind);
        Assert.Equal(26, (await All(td.ListPhoneNumbersAsync(new TrackDriveNumberQuery()))).Count);
    }

    [Fact]
    public async Task Csv_export_writes_a_header_and_every_row()
    {
        using var s = new SandboxConnection(Transport.InProcess, calls: 250);
        using var buffer = new MemoryStream();
        var rows = await s.Connection.TrackDrive().ExportCallsCsvAsync(new TrackDriveCallQuery { PerPage = 100, Columns = new[] { "uuid", "status" } }, buffer);
        Assert.Equal(250, rows);
        var lines = System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(251, lines.Length);
        Assert.Contains("uuid", lines[0]);
        Assert.Equal(250, lines.Skip(1).Distinct().Count());
    }
}
