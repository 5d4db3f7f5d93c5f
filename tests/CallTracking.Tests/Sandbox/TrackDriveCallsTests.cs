using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;
using Xunit;

namespace CallTracking.Tests.Sandbox;

public sealed class TrackDriveCallsTests
{
    public static readonly TheoryData<bool> Transports = new() { false, true };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Auth_is_required_and_accepts_token_or_basic(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        var none = await c.GetAsync("calls", auth: false);
        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Equal("unauthorized", none.Json.GetProperty("error").GetString());
        Assert.Equal(401, none.Json.GetProperty("status").GetInt32());

        Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync("calls?auth_token=wrong", auth: false)).Status);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("calls")).Status);

        var good = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-public:sandbox-private")));
        var bad = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-public:nope")));
        Assert.Equal(HttpStatusCode.OK, (await c.SendAsync(HttpMethod.Get, "calls", auth: false, authorization: good)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.SendAsync(HttpMethod.Get, "calls", auth: false, authorization: bad)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.SendAsync(HttpMethod.Get, "phone_numbers", auth: false, authorization: bad)).Status);
    }

    [Theory]
    [InlineData("calls", "status", "answered")]
    [InlineData("calls", "order", "name")]
    [InlineData("calls", "order_dir", "up")]
    [InlineData("calls", "time_zone", "Europe/Paris")]
    [InlineData("calls", "columns", "uuid,colour")]
    [InlineData("calls", "in_progress", "yes")]
    [InlineData("calls", "no_buyer", "1")]
    [InlineData("calls", "buyer_id", "12a")]
    [InlineData("calls", "number_id", "-5")]
    [InlineData("calls", "per_page", "1001")]
    [InlineData("calls", "per_page", "0")]
    [InlineData("calls", "cursor", "abc")]
    [InlineData("calls", "root", "maybe")]
    [InlineData("calls", "format", "xml")]
    [InlineData("calls", "created_at_from", "2016-01-01T12:25:15Z")]
    [InlineData("calls", "ended_at_to", "2016-01-01 12:25:15")]
    [InlineData("calls/reports?category=status", "status", "nope")]
    [InlineData("calls/reports", "category", "colour")]
    [InlineData("calls/stats?stat=count&created_at_from=2023-12-01 00:00:00 UTC&created_at_to=2024-01-01 00:00:00 UTC", "group_by", "offer")]
    [InlineData("calls/stats?group_by=status&created_at_from=2023-12-01 00:00:00 UTC&created_at_to=2024-01-01 00:00:00 UTC", "stat", "sum")]
    [InlineData("phone_numbers", "columns", "id,colour")]
    [InlineData("phone_numbers", "time_zone", "Mars")]
    [InlineData("phone_numbers", "offer_id", "x")]
    [InlineData("phone_numbers", "last_call_at_from", "yesterday")]
    public async Task Invalid_parameters_are_422_naming_parameter_and_value(string path, string name, string value)
    {
        using var c = SandboxClient.Create(loopback: false);
        var sep = path.Contains('?') ? "&" : "?";
        var reply = await c.GetAsync(path + sep + name + "=" + Uri.EscapeDataString(value));
        Assert.True(reply.Status == (HttpStatusCode)422, reply.ToString());
        Assert.Equal("invalid_parameter", reply.Json.GetProperty("error").GetString());
        var message = reply.Json.GetProperty("message").GetString()!;
        Assert.Contains(name, message);
        Assert.Contains(value, message);
    }

    [Theory]
    [InlineData("calls/reports")]
    [InlineData("calls/stats?stat=count&created_at_from=2023-12-01 00:00:00 UTC&created_at_to=2024-01-01 00:00:00 UTC")]
    [InlineData("calls/stats?group_by=status&stat=count&created_at_from=2023-12-01 00:00:00 UTC")]
    public async Task Missing_required_parameters_are_422(string path)
    {
        using var c = SandboxClient.Create(loopback: false);
        var reply = await c.GetAsync(path.Replace(" ", "%20"));
        Assert.True(reply.Status == (HttpStatusCode)422, reply.ToString());
        Assert.Contains("Missing required parameter", reply.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Enum_message_lists_allowed_values()
    {
        using var c = SandboxClient.Create(loopback: false);
        var reply = await c.GetAsync("calls?status=answered");
        var message = reply.Json.GetProperty("message").GetString()!;
        Assert.Contains("forwarded", message);
        Assert.Contains("hold-queue-waited-too-long", message);
    }

    [Fact]
    public async Task Dates_accept_offset_and_utc_forms()
    {
        using var c = SandboxClient.Create(loopback: false);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("calls?created_at_from=" + Uri.EscapeDataString("2016-01-01 12:25:15 -0500"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("calls?created_at_from=" + Uri.EscapeDataString("2017-08-17 07:58:10 UTC"))).Status);
        // An unencoded '+' becomes a space in a query string: that is no longer the documented format.
        Assert.Equal((HttpStatusCode)422, (await c.GetAsync("calls?created_at_from=2017-08-17%2007:58:10%20+0000")).Status);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Cursor_paging_visits_every_call_once(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        var ids = new HashSet<long>();
        var uuids = new HashSet<string>();
        long cursor = -1;
        var pages = 0;
        long previous = long.MaxValue;
        do
        {
            var reply = await c.GetAsync("calls?per_page=1000&cursor=" + cursor);
            Assert.True(reply.Status == HttpStatusCode.OK, reply.ToString());
            var json = reply.Json;
            Assert.Equal(5000, json.GetProperty("metadata").GetProperty("total_count").GetInt64());
            Assert.Equal(1000, json.GetProperty("metadata").GetProperty("per_page").GetInt32());
            foreach (var call in json.GetProperty("calls").EnumerateArray())
            {
                var id = call.GetProperty("id").GetInt64();
                Assert.True(ids.Add(id));
                Assert.True(uuids.Add(call.GetProperty("uuid").GetString()!));
                var created = DateTimeOffset.Parse(call.GetProperty("created_at").GetString()!);
                Assert.True(created.UtcTicks <= previous, "newest first");
                previous = created.UtcTicks;
            }
            cursor = json.GetProperty("metadata").GetProperty("next_cursor").GetInt64();
            pages++;
        } while (cursor != 0);
        Assert.Equal(5, pages);
        Assert.Equal(5000, ids.Count);
        Assert.Equal(5000, ids.Max());
        Assert.Equal(1, ids.Min());
    }

    [Fact]
    public async Task Cursor_paging_with_a_scan_filter_matches_total_count()
    {
        using var c = SandboxClient.Create(loopback: false);
        long cursor = -1, seen = 0, total = -1;
        do
        {
            var json = (await c.GetAsync("calls?per_page=250&status=finished&cursor=" + cursor)).Json;
            total = json.GetProperty("metadata").GetProperty("total_count").GetInt64();
            foreach (var call in json.GetProperty("calls").EnumerateArray())
            {
                Assert.Equal("finished", call.GetProperty("status").GetString());
                seen++;
            }
            cursor = json.GetProperty("metadata").GetProperty("next_cursor").GetInt64();
        } while (cursor != 0);
        Assert.Equal(total, seen);
        Assert.InRange(total, 1000, 2000); // ~30% of 5,000
    }

    [Fact]
    public async Task Page_paging_and_ascending_order()
    {
        using var c = SandboxClient.Create(loopback: false);
        var json = (await c.GetAsync("calls?page=2&per_page=100")).Json;
        var ids = json.GetProperty("calls").EnumerateArray().Select(x => x.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => 4900L - i), ids);
        Assert.Equal(2, json.GetProperty("metadata").GetProperty("page").GetInt32());

        var asc = (await c.GetAsync("calls?per_page=3&order=created_at&order_dir=asc")).Json;
        Assert.Equal(new long[] { 1, 2, 3 }, asc.GetProperty("calls").EnumerateArray().Select(x => x.GetProperty("id").GetInt64()));

        var byDuration = (await c.GetAsync("calls?per_page=50&order=total_duration&order_dir=desc")).Json;
        var durations = byDuration.GetProperty("calls").EnumerateArray().Select(x => x.GetProperty("total_duration").GetInt32()).ToList();
        Assert.Equal(durations.OrderByDescending(d => d), durations);
    }

    [Fact]
    public async Task Created_at_range_is_inclusive_and_counted_exactly()
    {
        using var c = SandboxClient.Create(loopback: false);
        // Calls are one minute apart, newest exactly at the anchor (2024-01-01 00:00 UTC).
        var from = Uri.EscapeDataString("2023-12-31 22:21:00 UTC"); // anchor - 99 minutes
        var to = Uri.EscapeDataString("2024-01-01 00:00:00 +0000");
        var json = (await c.GetAsync($"calls?per_page=1000&created_at_from={from}&created_at_to={to}")).Json;
        Assert.Equal(100, json.GetProperty("metadata").GetProperty("total_count").GetInt64());
        Assert.Equal(100, json.GetProperty("calls").GetArrayLength());

        var shifted = Uri.EscapeDataString("2023-12-31 19:00:00 -0500"); // = anchor
        var one = (await c.GetAsync($"calls?created_at_from={shifted}&created_at_to={shifted}")).Json;
        Assert.Equal(1, one.GetProperty("metadata").GetProperty("total_count").GetInt64());
        Assert.Equal(5000, one.GetProperty("calls")[0].GetProperty("id").GetInt64());

        var none = (await c.GetAsync("calls?created_at_from=" + Uri.EscapeDataString("2024-02-01 00:00:00 UTC"))).Json;
        Assert.Equal(0, none.GetProperty("metadata").GetProperty("total_count").GetInt64());
        Assert.Equal(0, none.GetProperty("metadata").GetProperty("next_cursor").GetInt64());
    }

    [Fact]
    public async Task Columns_root_and_csv()
    {
        using var c = SandboxClient.Create(loopback: false);
        var json = (await c.GetAsync("calls?per_page=2&columns=uuid,status")).Json;
        var names = json.GetProperty("calls")[0].EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(new[] { "id", "uuid", "status" }, names);

        var full = (await c.GetAsync("calls?per_page=1")).Json.GetProperty("calls")[0];
        foreach (var column in new[] { "uuid", "recording_url", "caller_number", "token_values", "buyer_revenue", "created_at", "ended_at", "in_progress" })
            Assert.True(full.TryGetProperty(column, out _), column);
        Assert.StartsWith("+1", full.GetProperty("number_called").GetString());

        var bare = await c.GetAsync("calls?per_page=3&root=false");
        Assert.Equal(JsonValueKind.Array, bare.Json.ValueKind);
        Assert.Equal(3, bare.Json.GetArrayLength());

        foreach (var path in new[] { "calls.csv?per_page=10", "calls?format=csv&per_page=10" })
        {
            var csv = await c.GetAsync(path);
            Assert.Equal("text/csv", csv.MediaType);
            var lines = csv.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(11, lines.Length);
            Assert.StartsWith("id,uuid,recording_url,", lines[0]);
            Assert.StartsWith("5000,", lines[1]);
        }
        var reportCsv = await c.GetAsync("calls/reports.csv?category=status");
        Assert.StartsWith("category,value,count,", reportCsv.Text);
        var numbersCsv = await c.GetAsync("phone_numbers.csv?columns=number");
        Assert.StartsWith("id,number\r\n", numbersCsv.Text);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Call_by_id_and_uuid_and_hang_up(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        var state = c.Sandbox.TrackDrive();
        var byId = (await c.GetAsync("calls/4990")).Json.GetProperty("call");
        var uuid = byId.GetProperty("uuid").GetString()!;
        Assert.Equal(state.GetCallUuid(4990), uuid);
        var byUuid = (await c.GetAsync("calls/" + uuid)).Json.GetProperty("call");
        Assert.Equal(4990, byUuid.GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("calls/0")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("calls/" + Guid.NewGuid())).Status);

        var newest = (await c.GetAsync("calls/5000")).Json.GetProperty("call");
        Assert.True(newest.GetProperty("in_progress").GetBoolean());
        Assert.Equal(JsonValueKind.Null, newest.GetProperty("ended_at").ValueKind);
        Assert.True(state.IsInProgress(5000));
        var inProgress = (await c.GetAsync("calls?in_progress=true")).Json;
        Assert.Equal(3, inProgress.GetProperty("metadata").GetProperty("total_count").GetInt64());

        var hung = await c.SendAsync(HttpMethod.Delete, "calls/5000");
        Assert.True(hung.Status == HttpStatusCode.OK, hung.ToString());
        var call = hung.Json.GetProperty("call");
        Assert.False(call.GetProperty("in_progress").GetBoolean());
        Assert.Equal("caller-hung-up", call.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, call.GetProperty("ended_at").ValueKind);
        Assert.False(state.IsInProgress(5000));

        var again = await c.SendAsync(HttpMethod.Delete, "calls/5000");
        Assert.Equal((HttpStatusCode)422, again.Status);
        Assert.Equal("not_in_progress", again.Json.GetProperty("error").GetString());
        Assert.Equal((HttpStatusCode)422, (await c.SendAsync(HttpMethod.Delete, "calls/" + uuid)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await c.SendAsync(HttpMethod.Delete, "calls/999999")).Status);

        var after = (await c.GetAsync("calls?in_progress=true")).Json;
        Assert.Equal(2, after.GetProperty("metadata").GetProperty("total_count").GetInt64());
    }

    [Fact]
    public async Task Reports_and_stats_add_up()
    {
        using var c = SandboxClient.Create(loopback: false);
        var reports = (await c.GetAsync("calls/reports?category=status&per_page=100")).Json;
        var rows = reports.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(5000, rows.Sum(r => r.GetProperty("count").GetInt64()));
        Assert.All(rows, r => Assert.Equal("status", r.GetProperty("category").GetString()));

        var from = Uri.EscapeDataString("2023-12-01 00:00:00 UTC");
        var to = Uri.EscapeDataString("2024-01-01 00:00:00 UTC");
        var stats = (await c.GetAsync($"calls/stats?group_by=buyer_converted&stat=count&created_at_from={from}&created_at_to={to}")).Json;
        Assert.Equal(5000, stats.GetProperty("stats").EnumerateArray().Sum(s => s.GetProperty("value").GetInt64()));
        Assert.Equal("buyer_converted", stats.GetProperty("metadata").GetProperty("group_by").GetString());
        var revenue = (await c.GetAsync($"calls/stats?group_by=status&stat=revenue&created_at_from={from}&created_at_to={to}")).Json;
        Assert.True(revenue.GetProperty("stats").EnumerateArray().Sum(s => s.GetProperty("value").GetDecimal()) > 0);
    }

    [Fact]
    public async Task Unknown_path_is_404_and_wrong_method_405()
    {
        using var c = SandboxClient.Create(loopback: false);
        var missing = await c.GetAsync("nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("not_found", missing.Json.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await c.Http.GetAsync(new Uri(c.Base, "/other/api"))).StatusCode);
        var wrong = await c.SendAsync(HttpMethod.Post, "calls", new { });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrong.Status);
    }

    [Fact]
    public async Task Five_million_calls_construct_instantly_and_page_far()
    {
        using var c = SandboxClient.Create(loopback: false, SandboxClient.Options(5_000_000));
        var first = (await c.GetAsync("calls?per_page=2")).Json;
        Assert.Equal(5_000_000, first.GetProperty("metadata").GetProperty("total_count").GetInt64());
        Assert.Equal(5_000_000, first.GetProperty("calls")[0].GetProperty("id").GetInt64());
        Assert.Equal(3, first.GetProperty("metadata").GetProperty("next_cursor").GetInt64());

        var far = (await c.GetAsync("calls?per_page=5&cursor=4000001")).Json;
        Assert.Equal(1_000_000, far.GetProperty("calls")[0].GetProperty("id").GetInt64());
        Assert.Equal(4000006, far.GetProperty("metadata").GetProperty("next_cursor").GetInt64());

        var last = (await c.GetAsync("calls?per_page=5&cursor=4999998")).Json;
        Assert.Equal(new long[] { 3, 2, 1 }, last.GetProperty("calls").EnumerateArray().Select(x => x.GetProperty("id").GetInt64()));
        Assert.Equal(0, last.GetProperty("metadata").GetProperty("next_cursor").GetInt64());

        var uuid = c.Sandbox.TrackDrive().GetCallUuid(1_234_567);
        Assert.Equal(1_234_567, (await c.GetAsync("calls/" + uuid)).Json.GetProperty("call").GetProperty("id").GetInt64());
        Assert.Equal(1_234_567, (await c.GetAsync("calls/" + uuid.ToUpperInvariant())).Json.GetProperty("call").GetProperty("id").GetInt64());

        var farPage = (await c.GetAsync("calls?per_page=1000&page=4000")).Json;
        Assert.Equal(5_000_000 - 3_999_000, farPage.GetProperty("calls")[0].GetProperty("id").GetInt64());
    }
}
