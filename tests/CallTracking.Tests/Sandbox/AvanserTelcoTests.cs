using System.Text.Json;
using CallTracking.Sandbox.Avanser;

namespace CallTracking.Tests.Sandbox;

/// <summary>The AVANSER emulator's Telco API (docs/wire-avanser.md): HTTP Basic, services, stock by class with private
/// stock first, and asynchronous provisioning requests that complete on the sandbox clock and call their callback URIs.</summary>
public class AvanserTelcoTests
{
    private static object NewTransfer(string customId = "ad-77", string? callback = null, string? requestCallback = null) => new Dictionary<string, object?>
    {
        ["service_type"] = "Transfer", ["number_class"] = "GEO", ["name"] = "Spring ad", ["target"] = "+61-0290001111", ["target_name"] = "Front desk",
        ["email_notifications"] = new[] { "a@example.com.au" }, ["sms_notifications"] = new[] { "+61-0412000000" },
        ["callback_uri"] = callback, ["custom_id"] = customId, ["custom_group"] = "spring", ["request_callback_uri"] = requestCallback,
    };

    [Fact]
    public async Task Every_request_needs_the_login_by_http_basic()
    {
        using var s = AvanserSandboxClient.Create();
        var none = await s.TelcoAsync(HttpMethod.Get, "services", basic: false);
        Assert.Equal(401, none.Status);
        Assert.Equal("unauthorized", none.Json.GetProperty("error").GetString());
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri(s.Telco, "services"));
        wrong.Headers.Authorization = AvanserSandboxClient.Basic(password: "nope");
        Assert.Equal(401, (int)(await s.Http.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task Services_list_with_custom_id_group_type_target_and_notifications_and_filter_by_custom_id()
    {
        using var s = AvanserSandboxClient.Create();
        var reply = await s.TelcoAsync(HttpMethod.Get, "services");
        Assert.Equal(200, reply.Status);
        Assert.Equal("OK", reply.Json.GetProperty("@transaction").GetProperty("status").GetString());
        var services = reply.Json.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(4, services.Count);
        var first = services[0];
        foreach (var field in new[] { "service_id", "number", "number_class", "service_type", "name", "target", "target_name", "recording", "email_notifications", "sms_notifications", "callback_uri", "sms_forward_uri", "custom_id", "custom_group", "status", "created" })
            Assert.True(first.TryGetProperty(field, out _), field);
        Assert.Equal("ad-1", first.GetProperty("custom_id").GetString());
        Assert.Equal("active", first.GetProperty("status").GetString());
        Assert.StartsWith("+61-", first.GetProperty("number").GetString());

        var one = await s.TelcoAsync(HttpMethod.Get, "services?custom_id=ad-2");
        Assert.Equal("ad-2", Assert.Single(one.Json.GetProperty("services").EnumerateArray()).GetProperty("custom_id").GetString());
        var byId = await s.TelcoAsync(HttpMethod.Get, "services/" + first.GetProperty("service_id").GetString());
        Assert.Equal(first.GetProperty("number").GetString(), byId.Json.GetProperty("service").GetProperty("number").GetString());
        Assert.Equal(404, (await s.TelcoAsync(HttpMethod.Get, "services/SV1")).Status);
    }

    [Theory]
    [InlineData("GEO")]
    [InlineData("TOLLFREE")]
    [InlineData("FREECALL")]
    [InlineData("MOBILE")]
    public async Task Stock_by_number_class_lists_private_stock_first(string numberClass)
    {
        using var s = AvanserSandboxClient.Create();
        var reply = await s.TelcoAsync(HttpMethod.Get, "stock?number_class=" + numberClass + "&limit=20");
        Assert.Equal(200, reply.Status);
        var stock = reply.Json.GetProperty("stock").EnumerateArray().ToList();
        Assert.Equal(20, stock.Count);
        Assert.All(stock, n => Assert.Equal(numberClass, n.GetProperty("number_class").GetString()));
        var pools = stock.Select(n => n.GetProperty("pool").GetString()).ToList();
        Assert.Equal(Enumerable.Repeat("private", 5).Concat(Enumerable.Repeat("public", 15)), pools);
        Assert.Equal(20, stock.Select(n => n.GetProperty("number").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task An_unknown_number_class_is_a_400_naming_the_classes()
    {
        using var s = AvanserSandboxClient.Create();
        var reply = await s.TelcoAsync(HttpMethod.Get, "stock?number_class=SATELLITE");
        Assert.Equal(400, reply.Status);
        Assert.Contains("GEO, TOLLFREE, FREECALL, MOBILE", reply.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_new_service_is_answered_at_once_with_a_pending_request_and_completes_on_the_clock_then_calls_back()
    {
        using var s = AvanserSandboxClient.Create();
        var stockBefore = s.Emulator.State.Stock.Count;
        var submitted = await s.TelcoAsync(HttpMethod.Post, "services", NewTransfer(callback: "https://client.example/avanser/call?callid=[[callid]]&custom_id=[[tag]]&bnum=[[bnum]]",
            requestCallback: "https://client.example/avanser/request"));
        Assert.Equal(202, submitted.Status);
        var request = submitted.Json.GetProperty("request");
        var id = request.GetProperty("request_id").GetString()!;
        Assert.Equal("pending", request.GetProperty("status").GetString());
        Assert.Equal("new", request.GetProperty("type").GetString());
        var number = request.GetProperty("number").GetString()!;
        Assert.Equal(stockBefore - 1, s.Emulator.State.Stock.Count);
        Assert.Equal("+61-0289700000", number); // the first private GEO number
        Assert.Equal("pending", (await s.TelcoAsync(HttpMethod.Get, "requests/" + id)).Json.GetProperty("request").GetProperty("status").GetString());
        Assert.Empty(s.Sink.Received);

        s.Sandbox.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal("pending", (await s.TelcoAsync(HttpMethod.Get, "requests/" + id)).Json.GetProperty("request").GetProperty("status").GetString());
        s.Sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        await s.Emulator.CallbacksSentAsync();
        var done = (await s.TelcoAsync(HttpMethod.Get, "requests/" + id)).Json.GetProperty("request");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("error").ValueKind);

        var received = s.Sink.Received;
        Assert.Equal(2, received.Count);
        Assert.Equal("POST", received[0].Method);
        Assert.Equal("https://client.example/avanser/request", received[0].Url.ToString());
        Assert.Equal("completed", JsonDocument.Parse(received[0].Body!).RootElement.GetProperty("request").GetProperty("status").GetString());
        Assert.Equal("GET", received[1].Method); // the automatic test call, on the service's callback URI
        Assert.Contains("custom_id=ad-77", received[1].Url.Query);
        Assert.Contains("bnum=" + Uri.EscapeDataString(number), received[1].Url.Query);
        Assert.DoesNotContain("[[", received[1].Url.ToString());

        var service = (await s.TelcoAsync(HttpMethod.Get, "services?custom_id=ad-77")).Json.GetProperty("services")[0];
        Assert.Equal("active", service.GetProperty("status").GetString());
        Assert.Equal("spring", service.GetProperty("custom_group").GetString());
        Assert.Equal("a@example.com.au", service.GetProperty("email_notifications")[0].GetString());
        Assert.Equal(2, s.Sandbox.Callbacks.Sent.Count);
    }

    [Fact]
    public async Task A_request_with_the_failing_custom_id_is_accepted_then_fails_and_frees_its_number()
    {
        using var s = AvanserSandboxClient.Create();
        var stockBefore = s.Emulator.State.Stock.Count;
        var submitted = await s.TelcoAsync(HttpMethod.Post, "services", NewTransfer(customId: AvanserOptions.FailingCustomId, requestCallback: "https://client.example/r"));
        Assert.Equal(202, submitted.Status);
        var id = submitted.Json.GetProperty("request").GetProperty("request_id").GetString();
        s.Sandbox.Clock.Advance(TimeSpan.FromSeconds(5));
        await s.Emulator.CallbacksSentAsync();
        var failed = (await s.TelcoAsync(HttpMethod.Get, "requests/" + id)).Json.GetProperty("request");
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("could not be configured", failed.GetProperty("error").GetString());
        Assert.Empty((await s.TelcoAsync(HttpMethod.Get, "services?custom_id=" + AvanserOptions.FailingCustomId)).Json.GetProperty("services").EnumerateArray());
        Assert.Equal(stockBefore, s.Emulator.State.Stock.Count);
        Assert.Equal("failed", JsonDocument.Parse(Assert.Single(s.Sink.Received).Body!).RootElement.GetProperty("request").GetProperty("status").GetString());
        Assert.Single((await s.TelcoAsync(HttpMethod.Get, "requests?status=failed")).Json.GetProperty("requests").EnumerateArray());
    }

    [Fact]
    public async Task The_FailAllRequests_option_fails_every_request()
    {
        using var s = AvanserSandboxClient.Create(new AvanserOptions { FailAllRequests = true, ProvisioningDelay = TimeSpan.Zero });
        var id = (await s.TelcoAsync(HttpMethod.Post, "services", NewTransfer())).Json.GetProperty("request").GetProperty("request_id").GetString();
        Assert.Equal("failed", (await s.TelcoAsync(HttpMethod.Get, "requests/" + id)).Json.GetProperty("request").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Update_and_decommission_are_asynchronous_requests_too()
    {
        using var s = AvanserSandboxClient.Create();
        var service = s.Emulator.State.Services[0];
        var update = await s.TelcoAsync(HttpMethod.Put, "services/" + service.ServiceId, new Dictionary<string, object> { ["target"] = "+61-0290002222", ["custom_group"] = "autumn" });
        Assert.Equal(202, update.Status);
        Assert.Equal("update", update.Json.GetProperty("request").GetProperty("type").GetString());
        Assert.Equal(service.Target, s.Emulator.State.Services[0].Target); // not before it completes
        s.Sandbox.Clock.Advance(TimeSpan.FromSeconds(5));
        var updated = (await s.TelcoAsync(HttpMethod.Get, "services/" + service.ServiceId)).Json.GetProperty("service");
        Assert.Equal("+61-0290002222", updated.GetProperty("target").GetString());
        Assert.Equal("autumn", updated.GetProperty("custom_group").GetString());
        Assert.Equal(service.CustomId, updated.GetProperty("custom_id").GetString());

        var decommission = await s.TelcoAsync(HttpMethod.Delete, "services/" + service.ServiceId);
        Assert.Equal(202, decommission.Status);
        s.Sandbox.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("decommissioned", (await s.TelcoAsync(HttpMethod.Get, "services/" + service.ServiceId)).Json.GetProperty("service").GetProperty("status").GetString());
        Assert.Equal(409, (await s.TelcoAsync(HttpMethod.Delete, "services/" + service.ServiceId)).Status);
        var all = (await s.TelcoAsync(HttpMethod.Get, "requests")).Json.GetProperty("requests").EnumerateArray().ToList();
        Assert.Equal(new[] { "update", "decommission" }, all.Select(r => r.GetProperty("type").GetString()));
        Assert.All(all, r => Assert.Equal("completed", r.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("{\"service_type\":\"Fax\",\"target\":\"+61-0290001111\"}", "service_type")]
    [InlineData("{\"service_type\":\"Transfer\"}", "target")]
    [InlineData("{\"service_type\":\"VoiceMail\"}", "recording")]
    [InlineData("{\"service_type\":\"Prompt\",\"recording\":\"r1\",\"sms_forward_uri\":\"https://x.example/sms\"}", "MOBILE")]
    [InlineData("{\"service_type\":\"Transfer\",\"target\":\"+61-0290001111\",\"number\":\"+61-0399999999\"}", "stock")]
    [InlineData("not json", "JSON")]
    public async Task A_bad_new_service_is_a_400_saying_why(string body, string mentions)
    {
        using var s = AvanserSandboxClient.Create();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(s.Telco, "services")) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = AvanserSandboxClient.Basic();
        using var response = await s.Http.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(mentions, await response.Content.ReadAsStringAsync());
        Assert.Empty(s.Emulator.State.Requests);
    }

    [Fact]
    public async Task A_voicemail_on_a_mobile_number_takes_an_sms_forward_uri()
    {
        using var s = AvanserSandboxClient.Create();
        var reply = await s.TelcoAsync(HttpMethod.Post, "services", new Dictionary<string, object>
        {
            ["service_type"] = "VoiceMail", ["number_class"] = "MOBILE", ["recording"] = "greeting-1", ["sms_forward_uri"] = "https://client.example/sms", ["custom_id"] = "m1",
        });
        Assert.Equal(202, reply.Status);
        Assert.StartsWith("+61-04", reply.Json.GetProperty("request").GetProperty("number").GetString());
    }

    [Fact]
    public void Every_sandbox_number_is_a_valid_Australian_number()
    {
        using var s = AvanserSandboxClient.Create();
        var util = PhoneNumbers.PhoneNumberUtil.GetInstance();
        var numbers = s.Emulator.State.Stock.Select(x => x.Number).Concat(s.Emulator.State.InitialServices.SelectMany(x => new[] { x.Number, x.Target! })).ToList();
        Assert.NotEmpty(numbers);
        foreach (var wire in numbers)
        {
            // +61-0289700000 is +61 and the national number with its trunk 0.
            var parsed = util.Parse("0" + wire.Substring(wire.IndexOf('-') + 1).TrimStart('0'), "AU");
            Assert.True(util.IsValidNumber(parsed), wire + " is not a valid AU number");
        }
    }
}
