using CallTracking.Sandbox.AvidTrak;
using static CallTracking.Tests.Sandbox.AvidTrakSandboxClient;

namespace CallTracking.Tests.Sandbox;

/// <summary>Numbers: search and purchase against a finite inventory and a balance, transfer and return, assignment,
/// listing filters and settings; every batch is all or nothing.</summary>
public sealed class AvidTrakNumberStateTests
{
    private const string Agency = "sandbox-agency";
    private const string Client1 = "sandbox-client-1";

    private static (string, string)[] Numbers(string type, IEnumerable<string> numbers) =>
        new[] { ("number_type", type) }.Concat(AvidTrakTestData.Array("number", numbers)).ToArray();

    [Fact]
    public async Task A_purchase_costs_the_price_per_number_and_the_numbers_leave_the_inventory()
    {
        using var client = Create();
        var offered = (await client.CallAsync("search_number", ("quantity", "30"), ("number_type", "local"), ("area_code", "410"))).Ok();
        Assert.Equal(30, offered.Count);
        Assert.All(offered, r => Assert.Equal(("local", "410", "US", "Baltimore, MD", "3.00"), (r["number_type"], r["area_code"], r["country"], r["region"], r["monthly_fee"])));
        Assert.All(offered, r => Assert.Matches("^410[2-9][0-9]{6}$", r["number"]));

        var bought = (await client.CallAsync("purchase_number", Numbers("local", offered.Take(3).Select(r => r["number"])))).Ok();
        Assert.Equal(offered.Take(3).Select(r => r["number"]), bought.Select(r => r["number"]));
        Assert.All(bought, r => Assert.Matches("^PN[0-9a-f]{32}$", r["sid"]));
        Assert.Equal("241.00", (await client.CallAsync("get_remaining_balance")).Ok().Single()["balance"]);

        var listed = (await client.CallAsync("list_numbers")).Ok();
        Assert.Equal(9, listed.Count);
        foreach (var b in bought)
        {
            var row = listed.Single(r => r["sid"] == b["sid"]);
            Assert.Equal((b["number"], "local", "", ""), (row["number"], row["number_type"], row["type"], row["forward_number"]));
        }
        var again = (await client.CallAsync("search_number", ("quantity", "30"), ("number_type", "local"), ("area_code", "410"))).Ok();
        Assert.Equal(offered.Skip(3).Select(r => r["number"]), again.Take(27).Select(r => r["number"]));
        Assert.DoesNotContain(again, r => bought.Any(b => b["number"] == r["number"]));

        // The inventory is finite: 40 numbers per area code by default.
        Assert.Equal(30, (await client.CallAsync("purchase_number", Numbers("local", again.Select(r => r["number"])))).Ok().Count);
        var rest = (await client.CallAsync("search_number", ("quantity", "30"), ("number_type", "local"), ("area_code", "410"))).Ok();
        Assert.Equal(7, rest.Count);
        Assert.Equal(250.00m - 33 * 3.00m, client.State.Account(Agency)!.Balance);
    }

    [Fact]
    public async Task Toll_numbers_cost_their_own_price()
    {
        using var client = Create();
        var offered = (await client.CallAsync("search_number", ("quantity", "2"), ("number_type", "toll"), ("area_code", "800"))).Ok();
        Assert.All(offered, r => Assert.Equal(("toll", "Toll-free", "5.00"), (r["number_type"], r["region"], r["monthly_fee"])));
        (await client.CallAsync("purchase_number", Numbers("toll", offered.Select(r => r["number"])))).Ok();
        Assert.Equal(240.00m, client.State.Account(Agency)!.Balance);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Too_little_balance_buys_nothing(string format)
    {
        using var client = Create();
        var offered = client.State.Available("212", 2);
        var refused = await client.CallAsync("purchase_number", format, IndividualPin, Numbers("local", offered));
        refused.Refused("Insufficient balance");
        Assert.Equal("Insufficient balance", refused.Status);
        var individual = client.State.Account("sandbox-individual")!;
        Assert.Equal(5.00m, individual.Balance);
        Assert.Equal(6, individual.Numbers.Count);
        Assert.Equal(offered, client.State.Available("212", 2));

        (await client.CallAsync("purchase_number", format, IndividualPin, Numbers("local", offered.Take(1)))).Ok();
        Assert.Equal("2.00", (await client.CallAsync("get_remaining_balance", format, IndividualPin)).Ok().Single()["balance"]);
        (await client.CallAsync("purchase_number", format, IndividualPin, Numbers("local", offered.Skip(1)))).Refused("Insufficient balance");

        client.State.SetBalance("sandbox-individual", 100m);
        (await client.CallAsync("purchase_number", format, IndividualPin, Numbers("local", offered.Skip(1)))).Ok();
    }

    [Theory]
    [InlineData("quantity", "0", "Invalid value for quantity: '0' (1 to 30)")]
    [InlineData("quantity", "31", "Invalid value for quantity: '31' (1 to 30)")]
    [InlineData("quantity", "ten", "Invalid value for quantity: 'ten' (1 to 30)")]
    [InlineData("quantity", null, "Missing parameter: quantity (1 to 30)")]
    [InlineData("number_type", "tol", "Invalid value for number_type: 'tol' (toll, local)")]
    [InlineData("number_type", null, "Missing parameter: number_type (toll, local)")]
    [InlineData("area_code", null, "Missing parameter: area_code")]
    [InlineData("area_code", "41", "Invalid value for area_code: '41'")]
    [InlineData("area_code", "911", "Invalid value for area_code: '911'")]
    [InlineData("area_code", "800", "Invalid value for area_code: '800'")]
    [InlineData("area_code", "416", "a US area code")]
    [InlineData("country", "GB", "Invalid value for country: 'GB' (US, CA)")]
    public async Task Search_refuses_bad_parameters_naming_the_parameter_value_and_allowed_values(string name, string? value, string expected)
    {
        using var client = Create();
        var pairs = new Dictionary<string, string?> { ["quantity"] = "5", ["number_type"] = "local", ["area_code"] = "410" };
        pairs[name] = value;
        var reply = await client.CallAsync("search_number", pairs.Where(p => p.Value != null).Select(p => (p.Key, p.Value!)).ToArray());
        reply.Refused(expected);
    }

    [Fact]
    public async Task Canadian_numbers_need_country_CA()
    {
        using var client = Create();
        var rows = (await client.CallAsync("search_number", ("quantity", "2"), ("number_type", "local"), ("area_code", "416"), ("country", "ca"))).Ok();
        Assert.All(rows, r => Assert.Equal(("CA", "Toronto, ON"), (r["country"], r["region"])));
        (await client.CallAsync("purchase_number", Numbers("local", rows.Select(r => r["number"])))).Refused("a number of country US");
        var bought = (await client.CallAsync("purchase_number", Numbers("local", rows.Select(r => r["number"])).Append(("country", "CA")).ToArray())).Ok();
        Assert.All(bought, r => Assert.Equal("CA", r["country"]));
    }

    [Fact]
    public async Task A_purchase_with_one_bad_number_buys_none()
    {
        using var client = Create();
        var good = client.State.Available("312", 2);
        var owned = client.State.Account(Agency)!.Numbers[0].Number;
        (await client.CallAsync("purchase_number", Numbers("local", good.Append(owned)))).Refused("Number not available: " + owned);
        (await client.CallAsync("purchase_number", Numbers("local", good.Append("8005551234")))).Refused("Invalid value for number[]: '8005551234' (a local number");
        (await client.CallAsync("purchase_number", Numbers("local", good.Append(good[0])))).Refused("each number once");
        (await client.CallAsync("purchase_number", Numbers("local", good.Append("12")))).Refused("Invalid value for number[]: '12'");
        (await client.CallAsync("purchase_number", ("number_type", "local"))).Refused("Missing parameter: number[]");
        Assert.Equal(250.00m, client.State.Account(Agency)!.Balance);
        Assert.Equal(good, client.State.Available("312", 2));
        // The seed's own example writes "number []" with a space: read the same.
        var spaced = await client.GetAsync("?" + Query("purchase_number", "json", AgencyPin, new[] { ("number_type", "local") })
            + "&number%20[]=" + good[0] + "&number []=" + good[1]);
        Assert.Equal(2, spaced.Parsed("json").Ok().Count);
    }

    [Fact]
    public async Task Transfer_moves_the_sids_to_the_client_with_their_campaigns_and_a_bad_sid_moves_nothing()
    {
        using var client = Create();
        var agency = client.State.Account(Agency)!;
        var lite = agency.Numbers.First(n => n.IsLite);
        var pro = agency.Numbers[0];
        Assert.Contains(agency.LiteCampaigns, c => c.Sid == lite.Sid);

        var bad = await client.CallAsync("transfer_number", ("sid[]", pro.Sid), ("sid[]", "PN" + new string('0', 32)), ("client_pin", Client1Pin));
        bad.Refused("Invalid SID: PN" + new string('0', 32));
        Assert.Equal(6, client.State.Account(Agency)!.Numbers.Count);

        (await client.CallAsync("transfer_number", ("sid[]", pro.Sid), ("sid[]", lite.Sid), ("client_pin", Client1Pin))).Ok();
        var agencyList = (await client.CallAsync("list_numbers")).Ok();
        Assert.DoesNotContain(agencyList, r => r["sid"] == pro.Sid || r["sid"] == lite.Sid);
        var clientList = (await client.CallAsync("list_numbers", "json", Client1Pin)).Ok();
        Assert.Contains(clientList, r => r["sid"] == pro.Sid);
        Assert.Contains(clientList, r => r["sid"] == lite.Sid && r["type"] == "lite");
        var campaigns = (await client.CallAsync("lite_campaign", "json", Client1Pin)).Ok();
        Assert.Contains(campaigns, c => c["sid"] == lite.Sid);
        // The transferred number left the agency's metro allocation.
        Assert.DoesNotContain(pro.Sid, client.State.Account(Agency)!.MetroSites[0].Sids);

        // From one client to another, by the agency.
        (await client.CallAsync("transfer_number", ("sid[]", pro.Sid), ("client_pin", "sandbox-client-3-pin"))).Ok();
        Assert.Equal("sandbox-client-3", client.State.FindNumber(pro.Sid)!.Value.Owner);
    }

    [Fact]
    public async Task Transfer_is_for_an_agency_and_a_client_of_it_and_never_echoes_a_pin()
    {
        using var client = Create();
        var sid = client.State.Sid(Agency, 1);
        (await client.CallAsync("transfer_number", "json", Client1Pin, ("sid[]", client.State.Sid(Client1, 0)), ("client_pin", Client2Pin)))
            .Refused("transfer_number works only with an agency pincode");
        var wrong = await client.CallAsync("transfer_number", ("sid[]", sid), ("client_pin", "secret-wrong-pin"));
        wrong.Refused("client_pin");
        Assert.DoesNotContain("secret-wrong-pin", wrong.Text);
        var individual = await client.CallAsync("transfer_number", ("sid[]", sid), ("client_pin", IndividualPin));
        individual.Refused("client_pin");
        Assert.DoesNotContain(IndividualPin, individual.Text);
        (await client.CallAsync("transfer_number", ("sid[]", sid))).Refused("Missing parameter: client_pin");
        (await client.CallAsync("transfer_number", ("client_pin", Client1Pin))).Refused("Missing parameter: sid[]");
    }

    [Fact]
    public async Task Return_to_agency_is_for_a_client_under_an_agency_and_telco_deletes_for_good()
    {
        using var client = Create();
        var sids = client.State.Account(Client1)!.Numbers.Take(2).Select(n => n.Sid).ToList();
        (await client.CallAsync("return_number", "json", Client1Pin, ("sid[]", sids[0]), ("location", "agency"))).Ok();
        Assert.Equal(Agency, client.State.FindNumber(sids[0])!.Value.Owner);

        (await client.CallAsync("return_number", ("sid[]", client.State.Sid(Agency, 1)), ("location", "agency")))
            .Refused("Invalid value for location: 'agency' (agency only for a client under an agency");
        (await client.CallAsync("return_number", "json", IndividualPin, ("sid[]", client.State.Sid("sandbox-individual", 0)), ("location", "agency")))
            .Refused("agency only for a client under an agency");
        (await client.CallAsync("return_number", "json", Client1Pin, ("sid[]", sids[1]), ("location", "moon")))
            .Refused("Invalid value for location: 'moon' (telco, agency)");

        // Telco (also the default) deletes: never listed, never offered, never bought again.
        var offered = client.State.Available("404", 1);
        var bought = (await client.CallAsync("purchase_number", Numbers("local", offered))).Ok().Single();
        (await client.CallAsync("return_number", ("sid[]", bought["sid"]))).Ok();
        Assert.Null(client.State.FindNumber(bought["sid"]));
        Assert.Contains(bought["number"], client.State.RetiredNumbers);
        Assert.DoesNotContain(bought["number"], client.State.Available("404"));
        (await client.CallAsync("purchase_number", Numbers("local", offered))).Refused("Number not available");
        (await client.CallAsync("return_number", "json", Client1Pin, ("sid[]", sids[1]), ("location", "telco"))).Ok();
        Assert.DoesNotContain((await client.CallAsync("list_numbers", "json", Client1Pin)).Ok(), r => r["sid"] == sids[1]);
    }

    [Fact]
    public async Task Assign_sets_the_channel_of_every_sid_or_of_none()
    {
        using var client = Create();
        var a = client.State.Account(Agency)!.Numbers;
        (await client.CallAsync("assign_number", ("sid[]", a[4].Sid), ("sid[]", a[1].Sid), ("type", "linksource"))).Ok();
        var rows = (await client.CallAsync("list_numbers")).Ok();
        Assert.Equal("linksource", rows.Single(r => r["sid"] == a[4].Sid)["type"]);
        Assert.Equal("linksource", rows.Single(r => r["sid"] == a[1].Sid)["type"]);
        (await client.CallAsync("assign_number", ("sid[]", a[2].Sid), ("sid[]", "PNbad"), ("type", "gppc"))).Refused("Invalid SID: PNbad");
        Assert.Equal("lite", client.State.FindNumber(a[2].Sid)!.Value.Number.Channel);
        (await client.CallAsync("assign_number", ("sid[]", a[2].Sid), ("type", "google"))).Refused(
            "Invalid value for type: 'google' (gppc, gseo, yppc, yseo, bppc, bseo, direct, universal, lite, linksource)");
        // A lite account tracks offline only.
        (await client.CallAsync("assign_number", "json", Client2Pin, ("sid[]", client.State.Sid("sandbox-client-2", 2)), ("type", "gppc"))).Refused("lite account");
        (await client.CallAsync("assign_number", "json", Client2Pin, ("sid[]", client.State.Sid("sandbox-client-2", 2)), ("type", "lite"))).Ok();
    }

    [Fact]
    public async Task List_numbers_filters_by_type_assignment_and_area_code()
    {
        using var client = Create();
        var all = client.State.Account(Agency)!.Numbers;
        Assert.Equal(all.Where(n => n.NumberType == "toll").Select(n => n.Sid),
            (await client.CallAsync("list_numbers", ("number_type", "toll"))).Rows.Select(r => r["sid"]));
        Assert.Equal(all.Where(n => n.Channel == "").Select(n => n.Sid),
            (await client.CallAsync("list_numbers", ("assignment_type", "unassigned"))).Rows.Select(r => r["sid"]));
        Assert.Equal(all.Where(n => n.Channel != "").Select(n => n.Sid),
            (await client.CallAsync("list_numbers", ("assignment_type", "assigned"))).Rows.Select(r => r["sid"]));
        Assert.Equal(new[] { all[0].Sid }, (await client.CallAsync("list_numbers", ("area_code", all[0].AreaCode))).Rows.Select(r => r["sid"]).Take(1));
        Assert.Null((await client.CallAsync("list_numbers", ("area_code", "999"))).Data);
        (await client.CallAsync("list_numbers", ("assignment_type", "some"))).Refused("Invalid value for assignment_type: 'some' (assigned, unassigned, all)");
        (await client.CallAsync("list_numbers", ("area_code", "4x0"))).Refused("Invalid value for area_code: '4x0'");
    }

    [Fact]
    public async Task Number_settings_change_with_at_least_one_parameter()
    {
        using var client = Create();
        var sid = client.State.Sid(Agency, 0);
        (await client.CallAsync("update_number_setting", ("sid", sid), ("recording", "0"), ("enable_email", "1"), ("greet_caller", "Hello"),
            ("whisper_message", "Call from the web"), ("email_alerts", "a@example.com, b@example.com"))).Ok();
        var row = (await client.CallAsync("list_numbers")).Ok().Single(r => r["sid"] == sid);
        Assert.Equal(("0", "1", "Hello", "Call from the web", "a@example.com,b@example.com"),
            (row["recording"], row["enable_email"], row["greet_caller"], row["whisper_message"], row["email_alerts"]));
        (await client.CallAsync("update_number_setting", ("sid", sid))).Refused("Provide at least one parameter");
        (await client.CallAsync("update_number_setting", ("sid", sid), ("recording", "yes"))).Refused("Invalid value for recording: 'yes' (0, 1)");
        (await client.CallAsync("update_number_setting", ("sid", sid), ("enable_email", "2"))).Refused("Invalid value for enable_email: '2' (0, 1)");
        (await client.CallAsync("update_number_setting", ("sid", sid), ("email_alerts", "nobody"), ("recording", "1"))).Refused("Invalid value for email_alerts: 'nobody'");
        Assert.False(client.State.FindNumber(sid)!.Value.Number.Recording);
        (await client.CallAsync("update_number_setting", ("recording", "1"))).Refused("Missing parameter: sid");
        (await client.CallAsync("update_number_setting", ("sid", client.State.Sid(Client1, 0)), ("recording", "1"))).Refused("Invalid SID");
    }
}
