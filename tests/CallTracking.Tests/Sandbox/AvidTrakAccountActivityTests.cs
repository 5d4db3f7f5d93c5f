using System.Globalization;
using static CallTracking.Tests.Sandbox.AvidTrakSandboxClient;

namespace CallTracking.Tests.Sandbox;

/// <summary>Accounts (create, update, client list), campaigns, call logs and visits, metro and smart-replacement numbers.</summary>
public sealed class AvidTrakAccountActivityTests
{
    private const string Agency = "sandbox-agency";

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_new_client_gets_a_pincode_that_works_and_shows_in_the_client_list(string format)
    {
        using var client = Create();
        var row = (await client.CallAsync("create_account", format, AgencyPin, ("userid", "acme-dental"), ("password", "Abc123"), ("account_type", "lite"),
            ("email", "ops@acme.example"), ("contact_name", "Dana Acme"), ("contact_number", "4105550123"), ("domain", "acme.example"))).Ok().Single();
        Assert.Equal(("acme-dental", "lite"), (row["userid"], row["account_type"]));
        Assert.Matches("^[0-9a-f]{24}$", row["pincode"]);

        var list = (await client.CallAsync("client_list", format, AgencyPin)).Ok();
        Assert.Equal(new[] { "sandbox-client-1", "sandbox-client-2", "sandbox-client-3", "acme-dental" }, list.Select(r => r["userid"]));
        Assert.Equal((row["pincode"], "lite", "ops@acme.example", "Dana Acme"), (list[3]["pincode"], list[3]["account_type"], list[3]["email"], list[3]["contact_name"]));
        Assert.Equal(new[] { "sandbox-client-1-pin", "sandbox-client-2-pin", "sandbox-client-3-pin" }, list.Take(3).Select(r => r["pincode"]));

        Assert.Equal("0.00", (await client.CallAsync("get_remaining_balance", format, row["pincode"])).Ok().Single()["balance"]);
        Assert.Null((await client.CallAsync("list_numbers", format, row["pincode"])).Data);
        // It is under the agency: numbers can be transferred to it and returned to the agency.
        var sid = client.State.Sid(Agency, 1);
        (await client.CallAsync("transfer_number", format, AgencyPin, ("sid[]", sid), ("client_pin", row["pincode"]))).Ok();
        (await client.CallAsync("return_number", format, row["pincode"], ("sid[]", sid), ("location", "agency"))).Ok();
        Assert.Equal(Agency, client.State.FindNumber(sid)!.Value.Owner);
    }

    [Fact]
    public async Task Create_account_checks_its_parameters_and_user_id_uniqueness()
    {
        using var client = Create();
        (await client.CallAsync("create_account", ("userid", "SANDBOX-client-1"), ("password", "Abc123"), ("account_type", "pro"))).Refused("User ID already exists");
        (await client.CallAsync("create_account", ("userid", "x1y2z3"), ("password", "Abc123"))).Refused("Missing parameter: account_type (pro, lite)");
        (await client.CallAsync("create_account", ("userid", "x1y2z3"), ("password", "Abc123"), ("account_type", "gold"))).Refused("Invalid value for account_type: 'gold' (pro, lite)");
        (await client.CallAsync("create_account", ("password", "Abc123"), ("account_type", "pro"))).Refused("Missing parameter: userid");
        (await client.CallAsync("create_account", ("userid", "x1y2z3"), ("account_type", "pro"))).Refused("Missing parameter: password");
        var badPassword = await client.CallAsync("create_account", ("userid", "x1y2z3"), ("password", "not alnum!"), ("account_type", "pro"));
        badPassword.Refused("Invalid value for password");
        Assert.DoesNotContain("not alnum", badPassword.Text);
        (await client.CallAsync("create_account", ("userid", "x1y2z3"), ("password", "Abc123"), ("account_type", "pro"), ("email", "nope"))).Refused("Invalid value for email: 'nope'");
        (await client.CallAsync("create_account", ("userid", "a b"), ("password", "Abc123"), ("account_type", "pro"))).Refused("Invalid value for userid: 'a b'");
        (await client.CallAsync("create_account", "json", Client1Pin, ("userid", "x1y2z3"), ("password", "Abc123"), ("account_type", "pro")))
            .Refused("create_account works only with an agency pincode");
        Assert.Equal(5, client.State.Accounts.Count);
    }

    [Fact]
    public async Task Update_user_details_changes_the_pincodes_own_account()
    {
        using var client = Create();
        (await client.CallAsync("update_user_details", "json", Client1Pin, ("username", "renamed-client"), ("fullname", "Robin Renamed"), ("email", "r@example.com"), ("password", "NewPass1"))).Ok();
        var renamed = (await client.CallAsync("client_list")).Ok()[0];
        Assert.Equal(("renamed-client", "Robin Renamed", "r@example.com", Client1Pin), (renamed["userid"], renamed["contact_name"], renamed["email"], renamed["pincode"]));
        Assert.Equal("NewPass1", client.State.Account("renamed-client")!.Password);
        Assert.Equal(Agency, client.State.Account("renamed-client")!.AgencyUserId);

        (await client.CallAsync("update_user_details", "json", Client2Pin, ("username", "Renamed-Client"))).Refused("User ID already exists");
        (await client.CallAsync("update_user_details", "json", Client1Pin, ("username", "renamed-client"))).Ok(); // its own id again
        (await client.CallAsync("update_user_details", "json", Client2Pin)).Refused("Provide at least one parameter: username, fullname, email, password");
        // The agency renames itself: its clients follow.
        (await client.CallAsync("update_user_details", ("username", "big-agency"))).Ok();
        Assert.Equal("big-agency", client.State.Account("sandbox-client-2")!.AgencyUserId);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Client_list_needs_the_agency_pincode(string format)
    {
        using var client = Create();
        (await client.CallAsync("client_list", format, Client1Pin)).Refused("client_list works only with an agency pincode");
        (await client.CallAsync("client_list", format, IndividualPin)).Refused("agency pincode");
    }

    [Fact]
    public async Task Call_logs_default_to_yesterday_and_take_either_date_form()
    {
        using var client = Create();
        var yesterday = (await client.CallAsync("call_logs")).Ok();
        Assert.NotEmpty(yesterday);
        Assert.All(yesterday, r => Assert.StartsWith("2024-03-14 ", r["call_date"]));
        var expected = client.State.Account(Agency)!.Calls.Where(c => c.Date.UtcDateTime.Date == new DateTime(2024, 3, 14)).ToList();
        Assert.Equal(expected.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)), yesterday.Select(r => r["call_id"]));
        var first = yesterday[0];
        Assert.Matches("^PN[0-9a-f]{32}$", first["sid"]);
        Assert.Matches("^[0-9]{10}$", first["tracking_number"]);
        Assert.Matches("^[0-9]{10}$", first["caller_number"]);
        Assert.Contains(first["status"], new[] { "answered", "missed", "busy", "voicemail" });
        Assert.Matches("^[0-9]+$", first["duration"]);

        // Whole days include their end; times are exact; Startdate in the seed's capitals works too.
        var week = (await client.CallAsync("call_logs", ("Startdate", "2024-03-08"), ("Enddate", "2024-03-14"))).Ok();
        Assert.All(week, r => Assert.InRange(r["call_date"], "2024-03-08 00:00:00", "2024-03-14 23:59:59"));
        Assert.Contains(week, r => r["call_date"].StartsWith("2024-03-14", StringComparison.Ordinal));
        var hours = (await client.CallAsync("call_logs", ("startdate", "2024-03-14 06:00:00"), ("enddate", "2024-03-14 18:00:00"))).Rows;
        Assert.Equal(yesterday.Count(r => string.CompareOrdinal(r["call_date"], "2024-03-14 06:00:00") >= 0 && string.CompareOrdinal(r["call_date"], "2024-03-14 18:00:00") <= 0), hours.Count);
        // Only a start: up to now; calls of all 30 days.
        var all = (await client.CallAsync("call_logs", ("startdate", "2000-01-01"))).Ok();
        Assert.Equal(client.State.Account(Agency)!.Calls.Count, all.Count);
        Assert.True(all.Count > 100);

        (await client.CallAsync("call_logs", ("startdate", "14/03/2024"))).Refused("Invalid value for startdate: '14/03/2024' (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)");
        (await client.CallAsync("call_logs", ("enddate", "2024-02-30"))).Refused("Invalid value for enddate: '2024-02-30'");
        (await client.CallAsync("call_logs", ("startdate", "2024-03-10"), ("enddate", "2024-03-01"))).Refused("startdate 2024-03-10 is after enddate 2024-03-01");

        // Yesterday follows the sandbox's clock.
        client.Sandbox.Clock.Advance(TimeSpan.FromDays(1));
        Assert.All((await client.CallAsync("call_logs")).Ok(), r => Assert.StartsWith("2024-03-15 ", r["call_date"]));
    }

    [Fact]
    public async Task Lite_calls_are_the_calls_of_lite_numbers_and_campaigns_count_them()
    {
        using var client = Create();
        var lite = (await client.CallAsync("all_lite_calls", ("startdate", "2000-01-01"))).Ok();
        Assert.NotEmpty(lite);
        Assert.All(lite, r => Assert.Equal("lite", r["channel"]));
        Assert.All(lite, r => Assert.NotEqual("", r["campaign"]));
        var campaigns = (await client.CallAsync("lite_campaign")).Ok();
        Assert.Equal(lite.Count, campaigns.Sum(c => int.Parse(c["calls"], CultureInfo.InvariantCulture)));
        foreach (var c in campaigns)
            Assert.Equal(lite.Count(r => r["campaign"] == c["title"] && r["sid"] == c["sid"]), int.Parse(c["calls"], CultureInfo.InvariantCulture));
        var yesterday = (await client.CallAsync("lite_campaign", ("startdate", "2024-03-14"), ("enddate", "2024-03-14"))).Ok();
        Assert.Equal((await client.CallAsync("all_lite_calls")).Rows.Count, yesterday.Sum(c => int.Parse(c["calls"], CultureInfo.InvariantCulture)));

        var sid = client.State.Sid(Agency, 4);
        var added = (await client.CallAsync("add_lite_campaign", ("title", "Radio - Weekend"), ("sid", sid), ("adgroup", "Radio"), ("forward_number", "3125550100"), ("extension", "9"))).Ok().Single();
        Assert.Equal(("Radio - Weekend", sid, "Radio", "3125550100", "9"), (added["title"], added["sid"], added["adgroup"], added["forward_number"], added["extension"]));
        var now = (await client.CallAsync("lite_campaign")).Ok();
        Assert.Equal(("Radio - Weekend", "0", client.State.FindNumber(sid)!.Value.Number.Number), (now[^1]["title"], now[^1]["calls"], now[^1]["number"]));
        Assert.Equal(("3125550100", "9"), (client.State.FindNumber(sid)!.Value.Number.ForwardNumber, client.State.FindNumber(sid)!.Value.Number.Extension));
        (await client.CallAsync("add_lite_campaign", ("sid", sid))).Refused("Missing parameter: title");
        (await client.CallAsync("add_lite_campaign", ("title", "T"))).Refused("Missing parameter: sid");
        (await client.CallAsync("add_lite_campaign", ("title", "T\u0001"), ("sid", sid))).Refused("Invalid value for title");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Visit_data_sums_a_channels_keywords_over_the_days(string format)
    {
        using var client = Create();
        var day = (await client.CallAsync("visit_data", format, AgencyPin, ("filter", "yseo"))).Ok();
        var month = (await client.CallAsync("visit_data", format, AgencyPin, ("filter", "yseo"), ("startdate", "2024-02-15"), ("enddate", "2024-03-15"))).Ok();
        Assert.All(month, r => Assert.Equal("yseo", r["channel"]));
        int N(Dictionary<string, string> r, string f) => int.Parse(r[f], CultureInfo.InvariantCulture);
        Assert.True(month.Sum(r => N(r, "visits")) > day.Sum(r => N(r, "visits")));
        Assert.All(month, r => Assert.InRange(N(r, "calls"), 0, N(r, "visits")));
        Assert.Equal(month.OrderByDescending(r => N(r, "visits")).Select(r => r["keyword"]), month.Select(r => r["keyword"]));
        Assert.Equal(month.Select(r => r["keyword"]).Distinct().Count(), month.Count);

        (await client.CallAsync("visit_data", format, AgencyPin)).Refused("Missing parameter: filter (gppc, gseo, yppc, yseo, bppc, bseo)");
        (await client.CallAsync("visit_data", format, AgencyPin, ("filter", "direct"))).Refused("Invalid value for filter: 'direct' (gppc, gseo, yppc, yseo, bppc, bseo)");
        // A lite account tracks no visits.
        var lite = await client.CallAsync("visit_data", format, Client2Pin, ("filter", "gppc"), ("startdate", "2024-01-01"));
        Assert.Empty(lite.Ok());
        Assert.Null(lite.Data);
    }

    [Fact]
    public async Task Metro_site_numbers_are_added_allocated_listed_and_removed()
    {
        using var client = Create();
        var a = client.State.Account(Agency)!;
        var site = (await client.CallAsync("add_metro_site_number", ("site_number", "2125550150"), ("Title", "NYC page"), ("forward_number", "2125550151"))).Ok().Single();
        Assert.Equal(("2125550150", "NYC page", "2125550151"), (site["site_number"], site["title"], site["forward_number"]));
        (await client.CallAsync("add_metro_site_number", ("site_number", "2125550150"), ("title", "again"), ("forward_number", "2125550151"))).Refused("Site number already exists: 2125550150");

        (await client.CallAsync("add_metro_site_number", ("sid[]", a.Numbers[3].Sid), ("sid[]", a.Numbers[4].Sid), ("site_id", site["site_id"]))).Ok();
        var listed = (await client.CallAsync("list_metro_numbers")).Ok();
        Assert.Equal(2, listed.Count);
        Assert.Equal(a.Numbers[3].Number + "," + a.Numbers[4].Number, listed[1]["tracking_numbers"]);
        Assert.Equal("2125550151", client.State.FindNumber(a.Numbers[3].Sid)!.Value.Number.ForwardNumber);
        Assert.Equal("AvidTrak.add_metro_site_number(sid)", client.Sandbox.Requests[^2].Operation);

        // Allocating a number to another site moves it there.
        (await client.CallAsync("add_metro_site_number", ("sid", a.Numbers[3].Sid), ("site_id", listed[0]["site_id"]))).Ok();
        listed = (await client.CallAsync("list_metro_numbers")).Ok();
        Assert.Equal(a.Numbers[0].Number + "," + a.Numbers[3].Number, listed[0]["tracking_numbers"]);
        Assert.Equal(a.Numbers[4].Number, listed[1]["tracking_numbers"]);

        (await client.CallAsync("add_metro_site_number", ("sid", a.Numbers[1].Sid), ("site_id", "999"))).Refused("Site ID not found: 999");
        (await client.CallAsync("add_metro_site_number", ("sid", "PNzz"), ("site_id", site["site_id"]))).Refused("Invalid SID: PNzz");
        (await client.CallAsync("add_metro_site_number", ("site_id", site["site_id"]))).Refused("Missing parameter: sid");
        (await client.CallAsync("add_metro_site_number", ("site_number", "2125550160"), ("Title", "x"), ("forward_number", "2125550151"), ("site_id", "1")))
            .Refused("not both");
        (await client.CallAsync("add_metro_site_number", ("site_number", "2125550160"), ("forward_number", "2125550151"))).Refused("Missing parameter: Title");
        (await client.CallAsync("add_metro_site_number")).Refused("Missing parameter: site_number");

        (await client.CallAsync("remove_metro_site_number", ("site_id", site["site_id"]))).Ok();
        Assert.Single((await client.CallAsync("list_metro_numbers")).Ok());
        Assert.Equal(a.ContactNumber, client.State.FindNumber(a.Numbers[4].Sid)!.Value.Number.ForwardNumber);
        (await client.CallAsync("remove_metro_site_number", ("site_id", site["site_id"]))).Refused("Site ID not found");
    }

    [Fact]
    public async Task Smart_replacement_numbers_are_added_and_deleted_all_or_nothing()
    {
        using var client = Create();
        var before = client.State.Account(Agency)!.SmartReplacementNumbers;
        (await client.CallAsync("set_smart_replacement", ("site_phone[]", "3035550100"), ("site_phone[]", "3035550101"), ("action", "add"))).Ok();
        (await client.CallAsync("set_smart_replacement", ("site_phone[]", "3035550100"), ("action", "add"))).Ok();
        Assert.Equal(before.Concat(new[] { "3035550100", "3035550101" }), client.State.Account(Agency)!.SmartReplacementNumbers);
        (await client.CallAsync("set_smart_replacement", ("site_phone[]", "3035550100"), ("site_phone[]", "3035550199"), ("action", "delete"))).Refused("Site phone not found: 3035550199");
        Assert.Contains("3035550100", client.State.Account(Agency)!.SmartReplacementNumbers);
        (await client.CallAsync("set_smart_replacement", ("site_phone[]", "3035550100"), ("action", "delete"))).Ok();
        Assert.Equal(before.Append("3035550101"), client.State.Account(Agency)!.SmartReplacementNumbers);
        (await client.CallAsync("set_smart_replacement", ("site_phone[]", "3035550100"), ("action", "replace"))).Refused("Invalid value for action: 'replace' (add, delete)");
        (await client.CallAsync("set_smart_replacement", ("action", "add"))).Refused("Missing parameter: site_phone[]");
    }
}
