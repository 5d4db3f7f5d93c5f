using System.Collections;
using System.Net;
using System.Text;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;

namespace CallTracking.Tests.Sandbox;

/// <summary>Faults chosen by query values or by operation (an RPC API has one path for everything), and the provider's
/// own error envelope inside an HTTP 200.</summary>
public sealed class SandboxFaultMatchTests
{
    public static readonly TheoryData<bool> Transports = new() { false, true };

    private static (CallTrackingSandbox Sandbox, HttpClient Http, Uri Rpc) RpcSandbox(bool loopback)
    {
        var sandbox = new CallTrackingSandbox(SandboxClient.Options(), new SandboxEmulatorFactory[] { c => new RpcTestEmulator(c) });
        HttpClient http;
        if (loopback)
        {
            sandbox.Start();
            http = new HttpClient();
        }
        else http = new HttpClient(sandbox.CreateHandler());
        return (sandbox, http, sandbox.BaseUriFor("Rpc"));
    }

    private static string Rpc(Uri baseUri, string query) => baseUri + "?" + query + "&rpc_pin=" + RpcTestEmulator.Pin;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Query_values_pick_the_call_on_a_shared_path(bool loopback)
    {
        var (sandbox, http, baseUri) = RpcSandbox(loopback);
        using var _ = sandbox;
        using var __ = http;
        sandbox.Faults.Add(new FaultRule
        {
            Kind = FaultKind.ProviderErrorIn200,
            QueryMatches = new Hashtable { ["method"] = "purchase_number" },
            ProviderCode = "0",
            ProviderMessage = "Unknown Error",
        });

        var list = await http.GetAsync(Rpc(baseUri, "method=list_numbers"));
        Assert.Contains("\"code\":1", await list.Content.ReadAsStringAsync());

        var purchase = await http.GetAsync(Rpc(baseUri, "method=purchase_number&quantity=1"));
        Assert.Equal(HttpStatusCode.OK, purchase.StatusCode);
        Assert.Equal("{\"code\":0,\"status\":\"Unknown Error\",\"data\":null}", await purchase.Content.ReadAsStringAsync());
        Assert.Equal(0, sandbox.Emulator<RpcTestEmulator>().Purchases); // the envelope came instead of the purchase

        var log = sandbox.Requests.ToList();
        Assert.Equal(new string?[] { null, "ProviderErrorIn200" }, log.Select(r => r.Fault));
        Assert.Equal(new string?[] { "Rpc.ListNumbers", "Rpc.PurchaseNumber" }, log.Select(r => r.Operation));
        Assert.Equal(200, log[1].StatusCode);
    }

    [Fact]
    public async Task Operation_picks_the_call_and_after_processing_still_applies_it()
    {
        var (sandbox, http, baseUri) = RpcSandbox(loopback: false);
        using var _ = sandbox;
        using var __ = http;
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ProviderErrorIn200, Operation = "rpc.purchasenumber", AfterProcessing = true, ProviderCode = "6" });
        Assert.Contains("\"code\":1", await http.GetStringAsync(Rpc(baseUri, "method=list_numbers")));
        Assert.Equal("{\"code\":6,\"status\":\"Unknown Error\",\"data\":null}", await http.GetStringAsync(Rpc(baseUri, "method=purchase_number")));
        Assert.Equal(1, sandbox.Emulator<RpcTestEmulator>().Purchases);
        Assert.Equal(0, sandbox.Faults.Pending);
    }

    [Fact]
    public async Task Every_query_pair_must_hold()
    {
        var (sandbox, http, baseUri) = RpcSandbox(loopback: false);
        using var _ = sandbox;
        using var __ = http;
        sandbox.Faults.Add(new FaultRule
        {
            Kind = FaultKind.ServerError,
            StatusCode = 502,
            Times = int.MaxValue,
            // A repeated name matches when any value does; true is written as "true"; null only needs the name.
            QueryMatches = new Dictionary<string, object?> { ["method"] = "list_numbers", ["sid[]"] = "B", ["strict"] = true, ["client_pin"] = null },
        });

        async Task<HttpStatusCode> Status(string query) => (await http.GetAsync(Rpc(baseUri, query))).StatusCode;
        Assert.Equal(HttpStatusCode.BadGateway, await Status("method=list_numbers&sid[]=A&sid[]=B&strict=true&client_pin=9"));
        Assert.Equal(HttpStatusCode.BadGateway, await Status("method=list_numbers&sid%5B%5D=B&strict=true&client_pin="));
        Assert.Equal(HttpStatusCode.OK, await Status("method=list_numbers&sid[]=A&strict=true&client_pin=9"));
        Assert.Equal(HttpStatusCode.OK, await Status("method=list_numbers&sid[]=B&strict=True&client_pin=9"));
        Assert.Equal(HttpStatusCode.OK, await Status("method=list_numbers&sid[]=B&strict=true"));
        Assert.Equal(HttpStatusCode.OK, await Status("method=purchase_number&sid[]=B&strict=true&client_pin=9"));
    }

    [Fact]
    public async Task Query_pairs_are_read_when_the_rule_is_added()
    {
        var (sandbox, http, baseUri) = RpcSandbox(loopback: false);
        using var _ = sandbox;
        using var __ = http;
        var pairs = new Dictionary<string, string> { ["method"] = "list_numbers" };
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.MalformedBody, QueryMatches = pairs });
        pairs["method"] = "purchase_number";
        Assert.Contains("\"code\":1", await http.GetStringAsync(Rpc(baseUri, "method=purchase_number")));
        Assert.Equal("{\"calls\":[{\"id\":1,", await http.GetStringAsync(Rpc(baseUri, "method=list_numbers")));
    }

    [Fact]
    public void A_query_pair_needs_a_name()
    {
        var faults = new SandboxFaults();
        var ex = Assert.Throws<ArgumentException>(() => faults.Add(new FaultRule { Kind = FaultKind.Latency, QueryMatches = new Hashtable { [""] = "x" } }));
        Assert.Equal("rule", ex.ParamName);
        Assert.Equal("rule", Assert.Throws<ArgumentOutOfRangeException>(() => faults.Add(new FaultRule { Kind = (FaultKind)99 })).ParamName);
        Assert.Equal(0, faults.Pending);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Every_trackdrive_request_is_logged_under_the_cores_operation_name(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        var purchase = new { provider_configuration_id = 150, offer_id = 100, toll_free = false, country = "US" };
        var bought = await c.SendAsync(HttpMethod.Post, "phone_numbers", purchase);
        var id = bought.Json.GetProperty("phone_number").GetProperty("id").GetInt64();
        await c.GetAsync("calls?per_page=1");
        await c.GetAsync("calls.csv?per_page=1");
        await c.GetAsync("calls?format=csv&per_page=1");
        await c.GetAsync("calls/4990");
        await c.SendAsync(HttpMethod.Delete, "calls/5000");
        await c.GetAsync("calls/reports?category=status");
        await c.GetAsync("calls/reports.csv?category=status");
        await c.GetAsync("calls/stats?group_by=status&stat=count&created_at_from=2023-12-01%2000:00:00%20%2B0000&created_at_to=2024-01-01%2000:00:00%20%2B0000");
        await c.GetAsync("phone_numbers");
        await c.GetAsync("phone_numbers.csv");
        await c.GetAsync("phone_numbers/" + id);
        await c.SendAsync(HttpMethod.Put, "phone_numbers/" + id, new { offer_id = 101 });
        await c.SendAsync(HttpMethod.Delete, "phone_numbers/" + id);
        await c.SendAsync(HttpMethod.Post, "calls");     // no such operation: 405
        await c.GetAsync("nothing/here");                // no such API: 404

        Assert.Equal(new string?[]
        {
            TrackDriveOperations.PurchasePhoneNumber, TrackDriveOperations.ListCalls, TrackDriveOperations.ExportCalls,
            TrackDriveOperations.ExportCalls, TrackDriveOperations.GetCall, TrackDriveOperations.HangUpCall,
            TrackDriveOperations.GetCallReport, TrackDriveOperations.ExportCallReport, TrackDriveOperations.GetCallStatistics,
            TrackDriveOperations.ListPhoneNumbers, TrackDriveOperations.ExportPhoneNumbers, TrackDriveOperations.GetPhoneNumber,
            TrackDriveOperations.UpdatePhoneNumber, TrackDriveOperations.UnrentPhoneNumber, null, null,
        }, c.Sandbox.Requests.Select(r => r.Operation));
        Assert.All(c.Sandbox.Requests.Take(14), r => Assert.InRange(r.StatusCode, 200, 201));
        Assert.Equal(new[] { 405, 404 }, c.Sandbox.Requests.Skip(14).Select(r => r.StatusCode));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Operation_rule_hits_only_that_trackdrive_operation(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Operation = TrackDriveOperations.ExportCalls, Times = int.MaxValue });
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("calls?per_page=1")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await c.GetAsync("calls.csv?per_page=1")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await c.GetAsync("calls?format=csv&per_page=1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("phone_numbers.json")).Status);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Trackdrive_error_envelope_in_a_200_is_what_the_core_reads(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        c.Sandbox.Faults.Add(new FaultRule
        {
            Kind = FaultKind.ProviderErrorIn200,
            Operation = TrackDriveOperations.PurchasePhoneNumber,
            ProviderCode = "invalid_parameter",
            ProviderMessage = "offer_id 5 is not an offer of this account.",
        });
        c.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ProviderErrorIn200, PathContains = "/calls" });

        var purchase = await c.SendAsync(HttpMethod.Post, "phone_numbers", new { provider_configuration_id = 150, offer_id = 5, toll_free = false, country = "US" });
        Assert.Equal(HttpStatusCode.OK, purchase.Status);
        Assert.Equal("application/json", purchase.MediaType);
        Assert.Equal("{\"error\":\"invalid_parameter\",\"message\":\"offer_id 5 is not an offer of this account.\"}", purchase.Text);
        Assert.Equal(("invalid_parameter", "offer_id 5 is not an offer of this account."), TrackDriveResponseInterpreter.ReadError(Encoding.UTF8.GetBytes(purchase.Text)));
        Assert.Equal(25, c.Sandbox.TrackDrive().Numbers.Count);

        var calls = await c.GetAsync("calls");
        Assert.Equal(HttpStatusCode.OK, calls.Status);
        Assert.Equal("server_error", calls.Json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(calls.Json.GetProperty("message").GetString()));
        Assert.Equal(new[] { "ProviderErrorIn200", "ProviderErrorIn200" }, c.Sandbox.Requests.Select(r => r.Fault));
    }
}
