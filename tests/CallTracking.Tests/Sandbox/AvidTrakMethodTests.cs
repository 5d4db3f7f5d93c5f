using CallTracking.Sandbox;
using CallTracking.Sandbox.AvidTrak;

namespace CallTracking.Tests.Sandbox;

/// <summary>Every method of the seed (add_metro_site_number in both uses) answers code 1 in JSON and in XML with the
/// same rows, names its operation as the module does, and every documented response code is reachable.</summary>
public sealed class AvidTrakMethodTests
{
    private const string Agency = "sandbox-agency";

    /// <summary>A call of <paramref name="operation"/> that succeeds on a fresh default sandbox, and the rows it must give (-1 = some).</summary>
    private static (string Method, (string, string)[] Pairs, int Rows) SuccessfulCall(string operation, AvidTrakSandboxState s)
    {
        var agency = s.Account(Agency)!;
        string Sid(int i) => agency.Numbers[i].Sid;
        var method = AvidTrakOperations.MethodOf(operation);
        (string, string)[] P(params (string, string)[] pairs) => pairs;
        return operation switch
        {
            AvidTrakOperations.CreateAccount => (method, P(("userid", "new-client"), ("password", "Passw0rd"), ("account_type", "pro"), ("email", "n@example.com")), 1),
            AvidTrakOperations.UpdateUserDetails => (method, P(("fullname", "Pat Agency")), 0),
            AvidTrakOperations.ClientList => (method, P(), 3),
            AvidTrakOperations.GetRemainingBalance => (method, P(), 1),
            AvidTrakOperations.SearchNumber => (method, P(("quantity", "5"), ("number_type", "local"), ("area_code", "410")), 5),
            AvidTrakOperations.PurchaseNumber => (method, new[] { ("number_type", "local") }.Concat(AvidTrakTestData.Array("number", s.Available("410", 2))).ToArray(), 2),
            AvidTrakOperations.TransferNumber => (method, P(("sid[]", Sid(0)), ("client_pin", AvidTrakSandboxClient.Client1Pin)), 0),
            AvidTrakOperations.AssignNumber => (method, P(("sid[]", Sid(4)), ("type", "gppc")), 0),
            AvidTrakOperations.ListNumbers => (method, P(), 6),
            AvidTrakOperations.SetForwarding => (method, P(("type", "sid"), ("sid[]", Sid(0)), ("forward_number", "4105550100")), 0),
            AvidTrakOperations.RemoveForwarding => (method, P(("type", "sid"), ("sid[]", Sid(0))), 0),
            AvidTrakOperations.InsertRoundRobin => (method, P(("sid", Sid(1)), ("forwarding_number[]", "4105550101"), ("forwarding_number[]", "4105550102"), ("label[]", "Sales")), 2),
            AvidTrakOperations.ListRoundRobin => (method, P(("sid", Sid(0))), 2),
            AvidTrakOperations.EditRoundRobin => (method, P(("sid", Sid(0)), ("round_robin_list_id", agency.Numbers[0].RoundRobin[0].Id.ToString()), ("forwarding_number", "4105550103")), 0),
            AvidTrakOperations.DeleteRoundRobin => (method, P(("sid", Sid(0)), ("round_robin_list_id", agency.Numbers[0].RoundRobin[1].Id.ToString())), 0),
            AvidTrakOperations.UpdateNumberSetting => (method, P(("sid", Sid(0)), ("recording", "1"), ("greet_caller", "Thanks for calling")), 0),
            AvidTrakOperations.AddLiteCampaign => (method, P(("title", "Flyers"), ("sid", Sid(2)), ("adgroup", "Print")), 1),
            AvidTrakOperations.LiteCampaign => (method, P(), -1),
            AvidTrakOperations.AllLiteCalls => (method, P(("startdate", "2024-02-01"), ("enddate", "2024-03-15")), -1),
            AvidTrakOperations.CallLogs => (method, P(), -1),
            AvidTrakOperations.VisitData => (method, P(("filter", "gppc"), ("startdate", "2024-03-01"), ("enddate", "2024-03-14 23:59:59")), -1),
            AvidTrakOperations.ReturnNumber => (method, P(("sid[]", Sid(5)), ("location", "telco")), 0),
            AvidTrakOperations.SetSmartReplacement => (method, P(("site_phone[]", "4105550199"), ("action", "add")), 0),
            AvidTrakOperations.AddMetroSiteNumber => (method, P(("site_number", "4105550198"), ("Title", "Baltimore page"), ("forward_number", "4105550197")), 1),
            AvidTrakOperations.AllocateMetroNumber => (method, P(("sid", Sid(1)), ("site_id", agency.MetroSites[0].Id.ToString())), 0),
            AvidTrakOperations.ListMetroNumbers => (method, P(), 1),
            AvidTrakOperations.RemoveMetroSiteNumber => (method, P(("site_id", agency.MetroSites[0].Id.ToString())), 0),
            _ => throw new ArgumentException(operation),
        };
    }

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var op in AvidTrakOperations.All) data.Add(op);
        return data;
    }

    [Fact]
    public void The_emulator_knows_the_27_operations_of_the_module()
    {
        Assert.Equal(27, AvidTrakOperations.All.Count);
        Assert.Equal(
            CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Operations.All.Select(o => o.Name).OrderBy(n => n, StringComparer.Ordinal),
            AvidTrakOperations.All.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_method_succeeds_in_json_and_xml_with_the_same_rows(string operation)
    {
        var replies = new List<AvidTrakReply>();
        foreach (var format in new[] { "json", "xml" })
        {
            // A fresh sandbox for each format: the same seed gives the same state, so even a purchase gives the same rows.
            using var client = AvidTrakSandboxClient.Create();
            var (method, pairs, rows) = SuccessfulCall(operation, client.State);
            var reply = await client.CallAsync(method, format, AvidTrakSandboxClient.AgencyPin, pairs);
            Assert.Equal(200, reply.HttpStatus);
            Assert.Equal(format == "json" ? "application/json" : "text/xml", reply.MediaType);
            var got = reply.Ok();
            if (rows >= 0) Assert.Equal(rows, got.Count);
            else Assert.NotEmpty(got);
            if (rows == 0) Assert.Null(reply.Data);
            var logged = client.Sandbox.Requests.Single();
            Assert.Equal(operation, logged.Operation);
            Assert.Equal("AvidTrak", logged.Provider);
            replies.Add(reply);
        }
        Assert.Equal(Flat(replies[0].Rows), Flat(replies[1].Rows));
    }

    private static List<string> Flat(List<Dictionary<string, string>> rows) =>
        rows.Select(r => string.Join("|", r.Select(f => f.Key + "=" + f.Value))).ToList();

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Without_a_pincode_the_code_is_3_and_with_a_wrong_one_4(string format)
    {
        using var client = AvidTrakSandboxClient.Create();
        var none = await client.CallAsync("get_remaining_balance", format, null);
        Assert.Equal(("3", "Authentication Required"), (none.Code, none.Status));
        Assert.Null(none.Data);
        var empty = await client.CallAsync("get_remaining_balance", format, "");
        Assert.Equal("3", empty.Code);
        var wrong = await client.CallAsync("get_remaining_balance", format, "not-a-pin");
        Assert.Equal(("4", "Authentication Failed"), (wrong.Code, wrong.Status));
        Assert.Equal(200, wrong.HttpStatus);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_format_other_than_json_or_xml_is_code_6_answered_in_json(string? format)
    {
        using var client = AvidTrakSandboxClient.Create();
        var raw = await client.GetAsync("?" + AvidTrakSandboxClient.Query("get_remaining_balance", format, AvidTrakSandboxClient.AgencyPin, Array.Empty<(string, string)>()));
        var reply = raw.Parsed("json");
        Assert.Equal(("6", "Invalid Response Format"), (reply.Code, reply.Status));
        Assert.Equal("application/json", raw.MediaType);
    }

    [Theory]
    [InlineData("json", "no_such_method")]
    [InlineData("xml", "no_such_method")]
    [InlineData("json", null)]
    [InlineData("xml", "GET_REMAINING_BALANCE")]
    public async Task An_unknown_method_is_code_404(string format, string? method)
    {
        using var client = AvidTrakSandboxClient.Create();
        var reply = await client.CallAsync(method, format, AvidTrakSandboxClient.AgencyPin);
        Assert.Equal(("404", "Invalid Request Method"), (reply.Code, reply.Status));
        Assert.Equal(200, reply.HttpStatus);
        Assert.Null(client.Sandbox.Requests.Single().Operation);
    }

    [Fact]
    public async Task Json_and_xml_envelopes_have_the_seed_shape()
    {
        using var client = AvidTrakSandboxClient.Create();
        var json = await client.GetAsync("?" + AvidTrakSandboxClient.Query("get_remaining_balance", "json", AvidTrakSandboxClient.AgencyPin, Array.Empty<(string, string)>()));
        Assert.Equal("{\"code\":1,\"status\":\"Success\",\"data\":[{\"balance\":\"250.00\"}]}", json.Text);
        var xml = await client.GetAsync("?" + AvidTrakSandboxClient.Query("get_remaining_balance", "xml", AvidTrakSandboxClient.AgencyPin, Array.Empty<(string, string)>()));
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?><response><code>1</code><status>Success</status><data><row><balance>250.00</balance></row></data></response>", xml.Text);
        var none = await client.GetAsync("?" + AvidTrakSandboxClient.Query("update_user_details", "xml", AvidTrakSandboxClient.AgencyPin, new[] { ("fullname", "X") }));
        Assert.Contains("<data />", none.Text);
        var nullJson = await client.GetAsync("?" + AvidTrakSandboxClient.Query("update_user_details", "json", AvidTrakSandboxClient.AgencyPin, new[] { ("fullname", "Y") }));
        Assert.Equal("{\"code\":1,\"status\":\"Success\",\"data\":null}", nullJson.Text);
    }

    [Fact]
    public async Task Other_paths_and_verbs_are_http_errors_not_envelopes()
    {
        using var client = AvidTrakSandboxClient.Create();
        var other = await client.GetAsync("/webservice/other.php?method=client_list&format=json&pincode=" + AvidTrakSandboxClient.AgencyPin);
        Assert.Equal(404, other.Status);
        var post = await client.GetAsync("?method=client_list&format=json&pincode=" + AvidTrakSandboxClient.AgencyPin, HttpMethod.Post);
        Assert.Equal(405, post.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Both_transports_answer_the_same(bool loopback)
    {
        using var client = AvidTrakSandboxClient.Create(loopback);
        if (loopback) Assert.StartsWith("http://127.0.0.1:", client.Base.ToString());
        else Assert.Equal("https://sandbox.avidtrak.invalid/webservice/api.php", client.Base.ToString());
        var numbers = (await client.CallAsync("list_numbers", "xml", AvidTrakSandboxClient.Client1Pin)).Ok();
        Assert.Equal(client.State.Account("sandbox-client-1")!.Numbers.Select(n => n.Sid), numbers.Select(r => r["sid"]));
        var bad = await client.CallAsync("list_numbers", "json", "wrong");
        Assert.Equal("4", bad.Code);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        async Task<string> Snapshot(int seed)
        {
            using var client = AvidTrakSandboxClient.Create(options: AvidTrakSandboxClient.Options(seed));
            var numbers = await client.GetAsync("?" + AvidTrakSandboxClient.Query("list_numbers", "json", AvidTrakSandboxClient.AgencyPin, Array.Empty<(string, string)>()));
            var calls = await client.GetAsync("?" + AvidTrakSandboxClient.Query("call_logs", "json", AvidTrakSandboxClient.AgencyPin, new[] { ("startdate", "2024-01-01") }));
            var search = await client.GetAsync("?" + AvidTrakSandboxClient.Query("search_number", "json", AvidTrakSandboxClient.AgencyPin,
                new[] { ("quantity", "30"), ("number_type", "toll"), ("area_code", "888") }));
            var visits = await client.GetAsync("?" + AvidTrakSandboxClient.Query("visit_data", "json", AvidTrakSandboxClient.AgencyPin, new[] { ("filter", "bseo"), ("startdate", "2024-01-01") }));
            return numbers.Text + calls.Text + search.Text + visits.Text;
        }
        var a = await Snapshot(7);
        Assert.Equal(a, await Snapshot(7));
        Assert.NotEqual(a, await Snapshot(8));
        Assert.True(a.Length > 10_000, "expected a sizeable call log");
    }

    [Fact]
    public void Options_the_emulator_cannot_work_with_are_refused_naming_the_option()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CallTrackingSandbox(AvidTrakSandboxClient.Options(avidTrak: new AvidTrakOptions { ClientCount = -1 })));
        Assert.Contains("AvidTrakOptions.ClientCount", e.Message);
        var test = Assert.Throws<ArgumentOutOfRangeException>(() => new CallTrackingSandbox(AvidTrakSandboxClient.Options(avidTrak: new AvidTrakOptions { TestAccount = "nobody" })));
        Assert.Contains("sandbox-client-1", test.Message);
    }

    [Fact]
    public void The_test_credential_is_the_agency_pincode_unless_another_account_is_chosen()
    {
        using (var sandbox = new CallTrackingSandbox(AvidTrakSandboxClient.Options()))
        {
            var e = sandbox.Emulator("AvidTrak");
            Assert.Equal(("sandbox-agency", "sandbox-agency-pin"), (e.TestCredential.UserName, e.TestCredential.Secret));
            Assert.Equal(5, e.Credentials.Count);
            Assert.Empty(e.TestCredential.Parameters);
            Assert.DoesNotContain("pin", e.TestCredential.ToString().Replace("pincode", ""));
        }
        using (var sandbox = new CallTrackingSandbox(AvidTrakSandboxClient.Options(avidTrak: new AvidTrakOptions { TestAccount = "SANDBOX-CLIENT-2", TestFormat = "xml" })))
        {
            var c = sandbox.Emulator("AvidTrak").TestCredential;
            Assert.Equal(("sandbox-client-2", "sandbox-client-2-pin"), (c.UserName, c.Secret));
            Assert.Equal("xml", c.Parameters["Format"]);
        }
    }
}
