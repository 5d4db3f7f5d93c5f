using static CallTracking.Tests.Sandbox.AvidTrakSandboxClient;

namespace CallTracking.Tests.Sandbox;

/// <summary>Forwarding by SID, for all pro or all lite numbers, and round-robin lists (insert, list, edit, delete).</summary>
public sealed class AvidTrakForwardingTests
{
    private const string Agency = "sandbox-agency";

    [Fact]
    public async Task Type_pro_sets_every_online_number_and_leaves_lite_and_unassigned_ones()
    {
        using var client = Create();
        var before = client.State.Account(Agency)!.Numbers;
        Assert.Contains(before, n => n.IsPro);
        Assert.Contains(before, n => n.IsLite);
        Assert.Contains(before, n => n.Channel == "");
        (await client.CallAsync("set_forwarding", ("type", "pro"), ("forward_number", "4105550111"), ("extension", "42"))).Ok();
        var rows = (await client.CallAsync("list_numbers")).Ok();
        foreach (var n in before)
        {
            var row = rows.Single(r => r["sid"] == n.Sid);
            if (n.IsPro) Assert.Equal(("4105550111", "42"), (row["forward_number"], row["extension"]));
            else Assert.Equal((n.ForwardNumber, n.Extension), (row["forward_number"], row["extension"]));
        }

        (await client.CallAsync("remove_forwarding", ("type", "lite"))).Ok();
        var after = client.State.Account(Agency)!.Numbers;
        Assert.All(after.Where(n => n.IsLite), n => Assert.Equal("", n.ForwardNumber));
        Assert.All(after.Where(n => n.IsPro), n => Assert.Equal("4105550111", n.ForwardNumber));
        Assert.Equal(before.Single(n => n.Channel == "").ForwardNumber, after.Single(n => n.Channel == "").ForwardNumber);

        (await client.CallAsync("set_forwarding", ("type", "lite"), ("forward_number", "14105550112"))).Ok();
        Assert.All(client.State.Account(Agency)!.Numbers.Where(n => n.IsLite), n => Assert.Equal(("4105550112", ""), (n.ForwardNumber, n.Extension)));
    }

    [Fact]
    public async Task Type_sid_changes_exactly_the_sids_or_nothing()
    {
        using var client = Create();
        var a = client.State.Account(Agency)!.Numbers;
        (await client.CallAsync("set_forwarding", ("type", "sid"), ("sid[]", a[4].Sid), ("sid[]", a[5].Sid), ("forward_number", "2125550100"))).Ok();
        var now = client.State.Account(Agency)!.Numbers;
        Assert.Equal("2125550100", now[4].ForwardNumber);
        Assert.Equal("2125550100", now[5].ForwardNumber);
        Assert.Equal(a[0].ForwardNumber, now[0].ForwardNumber);

        (await client.CallAsync("set_forwarding", ("type", "sid"), ("sid[]", a[0].Sid), ("sid[]", "PN" + new string('f', 32)), ("forward_number", "2125550199")))
            .Refused("Invalid SID: PN" + new string('f', 32));
        Assert.Equal(a[0].ForwardNumber, client.State.Account(Agency)!.Numbers[0].ForwardNumber);
        (await client.CallAsync("remove_forwarding", ("type", "sid"), ("sid[]", a[4].Sid))).Ok();
        Assert.Equal("", client.State.Account(Agency)!.Numbers[4].ForwardNumber);

        (await client.CallAsync("set_forwarding", ("type", "sid"), ("forward_number", "2125550100"))).Refused("Missing parameter: sid[]");
        (await client.CallAsync("set_forwarding", ("type", "all"), ("forward_number", "2125550100"))).Refused("Invalid value for type: 'all' (pro, lite, sid)");
        (await client.CallAsync("set_forwarding", ("forward_number", "2125550100"))).Refused("Missing parameter: type (pro, lite, sid)");
        (await client.CallAsync("set_forwarding", ("type", "pro"))).Refused("Missing parameter: forward_number");
        (await client.CallAsync("set_forwarding", ("type", "pro"), ("forward_number", "555-0100"))).Refused("Invalid value for forward_number: '555-0100' (a 10-digit phone number");
        (await client.CallAsync("set_forwarding", ("type", "pro"), ("forward_number", "2125550100"), ("extension", "x1"))).Refused("Invalid value for extension: 'x1'");
        // A lite account has no pro numbers.
        (await client.CallAsync("set_forwarding", "json", Client2Pin, ("type", "pro"), ("forward_number", "2125550100"))).Refused("No pro numbers found");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Round_robin_targets_are_added_listed_edited_and_deleted(string format)
    {
        using var client = Create();
        var sid = client.State.Sid(Agency, 1);
        Assert.Null((await client.CallAsync("list_round_robin", format, AgencyPin, ("sid", sid))).Data);

        var added = (await client.CallAsync("insert_round_robin", format, AgencyPin, ("sid", sid),
            ("forwarding_number[]", "4105550001"), ("forwarding_number[]", "4105550002"), ("forwarding_number[]", "4105550003"),
            ("extension[]", "1"), ("extension[]", ""), ("label[]", "Front"), ("label[]", "Back"), ("use_default_first", "no"))).Ok();
        Assert.Equal(new[] { "4105550001", "4105550002", "4105550003" }, added.Select(r => r["forwarding_number"]));
        Assert.Equal(new[] { "1", "", "" }, added.Select(r => r["extension"]));
        Assert.Equal(new[] { "Front", "Back", "" }, added.Select(r => r["label"]));
        Assert.All(added, r => Assert.Equal((sid, "no"), (r["sid"], r["use_default_first"])));
        var ids = added.Select(r => r["round_robin_list_id"]).ToList();
        Assert.Equal(3, ids.Distinct().Count());

        var listed = (await client.CallAsync("list_round_robin", format, AgencyPin, ("sid", sid))).Ok();
        Assert.Equal(ids, listed.Select(r => r["round_robin_list_id"]));

        (await client.CallAsync("edit_round_robin", format, AgencyPin, ("sid", sid), ("round_robin_list_id", ids[1]), ("forwarding_number", "2125550002"),
            ("extension[]", "7"), ("label", "Night"), ("use_default_first", "yes"))).Ok();
        var edited = (await client.CallAsync("list_round_robin", format, AgencyPin, ("sid", sid))).Ok()[1];
        Assert.Equal(("2125550002", "7", "Night", "yes"), (edited["forwarding_number"], edited["extension"], edited["label"], edited["use_default_first"]));

        (await client.CallAsync("delete_round_robin", format, AgencyPin, ("sid", sid), ("round_robin_list_id", ids[0]))).Ok();
        Assert.Equal(ids.Skip(1), (await client.CallAsync("list_round_robin", format, AgencyPin, ("sid", sid))).Ok().Select(r => r["round_robin_list_id"]));

        (await client.CallAsync("delete_round_robin", format, AgencyPin, ("sid", sid), ("round_robin_list_id", ids[0]))).Refused("Round robin list id not found: " + ids[0]);
        (await client.CallAsync("edit_round_robin", format, AgencyPin, ("sid", sid), ("round_robin_list_id", "abc"), ("forwarding_number", "2125550002")))
            .Refused("Invalid value for round_robin_list_id: 'abc'");
        (await client.CallAsync("edit_round_robin", format, AgencyPin, ("sid", sid), ("round_robin_list_id", ids[1])))
            .Refused("Missing parameter: forwarding_number");
        // Another number's target is not this number's.
        var other = client.State.Account(Agency)!.Numbers[0];
        (await client.CallAsync("delete_round_robin", format, AgencyPin, ("sid", sid), ("round_robin_list_id", other.RoundRobin[0].Id.ToString())))
            .Refused("Round robin list id not found");
    }

    [Fact]
    public async Task Round_robin_checks_its_pairs_and_takes_a_batch_of_sids()
    {
        using var client = Create();
        var a = client.State.Account(Agency)!.Numbers;
        (await client.CallAsync("insert_round_robin", ("sid", a[1].Sid), ("forwarding_number[]", "4105550001"), ("label[]", "A"), ("label[]", "B")))
            .Refused("Invalid value for label[]: 2 values for 1 forwarding_number[]");
        (await client.CallAsync("insert_round_robin", ("sid", a[1].Sid))).Refused("Missing parameter: forwarding_number[]");
        (await client.CallAsync("insert_round_robin", ("sid", a[1].Sid), ("forwarding_number[]", "4105550001"), ("use_default_first", "maybe")))
            .Refused("Invalid value for use_default_first: 'maybe' (yes, no)");
        (await client.CallAsync("insert_round_robin", ("forwarding_number[]", "4105550001"))).Refused("Missing parameter: sid");
        Assert.Empty(client.State.Account(Agency)!.Numbers[1].RoundRobin);

        var rows = (await client.CallAsync("insert_round_robin", ("sid[]", a[1].Sid), ("sid[]", a[3].Sid),
            ("forwarding_number[]", "4105550001"), ("forwarding_number[]", "4105550002"))).Ok();
        Assert.Equal(new[] { a[1].Sid, a[1].Sid, a[3].Sid, a[3].Sid }, rows.Select(r => r["sid"]));
        Assert.All(rows, r => Assert.Equal("yes", r["use_default_first"]));
        (await client.CallAsync("insert_round_robin", ("sid[]", a[1].Sid), ("sid[]", "PNnope"), ("forwarding_number[]", "4105550003")))
            .Refused("Invalid SID: PNnope");
        Assert.Equal(2, client.State.Account(Agency)!.Numbers[1].RoundRobin.Count);
    }
}
