using System.Net;
using System.Text.Json;
using CallTracking.Sandbox.TrackDrive;
using Xunit;

namespace CallTracking.Tests.Sandbox;

public sealed class TrackDrivePhoneNumbersTests
{
    public static readonly TheoryData<bool> Transports = new() { false, true };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task List_and_get_by_id_and_by_e164(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        var list = (await c.GetAsync("phone_numbers?per_page=1000")).Json;
        Assert.Equal(25, list.GetProperty("metadata").GetProperty("total_count").GetInt32());
        Assert.Equal(1, list.GetProperty("metadata").GetProperty("total_pages").GetInt32());
        var numbers = list.GetProperty("numbers").EnumerateArray().ToList();
        Assert.Equal(25, numbers.Count);
        Assert.Contains(numbers, n => n.GetProperty("toll_free").GetBoolean());
        Assert.All(numbers, n => Assert.StartsWith("+1", n.GetProperty("number").GetString()));

        var first = numbers[0];
        var id = first.GetProperty("id").GetInt64();
        var e164 = first.GetProperty("number").GetString()!;
        Assert.Equal(e164[1..], first.GetProperty("plain_number").GetString());
        Assert.Equal(id, (await c.GetAsync("phone_numbers/" + id)).Json.GetProperty("phone_number").GetProperty("id").GetInt64());
        Assert.Equal(id, (await c.GetAsync("phone_numbers/%2B" + e164[1..])).Json.GetProperty("phone_number").GetProperty("id").GetInt64());
        Assert.Equal(id, (await c.GetAsync("phone_numbers/" + e164)).Json.GetProperty("phone_number").GetProperty("id").GetInt64());
        Assert.Equal(id, (await c.GetAsync("phone_numbers.json?number=%2B" + e164[1..])).Json.GetProperty("numbers")[0].GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("phone_numbers/1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("phone_numbers/%2B19999999999")).Status);

        var page2 = (await c.GetAsync("phone_numbers?per_page=10&page=3")).Json;
        Assert.Equal(5, page2.GetProperty("numbers").GetArrayLength());
        var bare = (await c.GetAsync("phone_numbers?root=no")).Json;
        Assert.Equal(JsonValueKind.Array, bare.ValueKind);
        var columns = (await c.GetAsync("phone_numbers?columns=number,human_number")).Json.GetProperty("numbers")[0];
        Assert.Equal(new[] { "id", "number", "human_number" }, columns.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Purchase_update_unrent(bool loopback)
    {
        using var c = SandboxClient.Create(loopback);
        var bought = await c.SendAsync(HttpMethod.Post, "phone_numbers.json",
            new { provider_configuration_id = 150, offer_id = 100, toll_free = true, country = "US" });
        Assert.True(bought.Status == HttpStatusCode.Created, bought.ToString());
        var number = bought.Json.GetProperty("phone_number");
        var e164 = number.GetProperty("number").GetString()!;
        Assert.Matches(@"^\+1(800|833|844|855|866|877|888)\d{7}$", e164);
        Assert.True(number.GetProperty("toll_free").GetBoolean());
        var id = number.GetProperty("id").GetInt64();
        Assert.Contains(c.Sandbox.TrackDrive().Numbers, n => n.Id == id);
        var list = (await c.GetAsync("phone_numbers?per_page=1000")).Json;
        Assert.Equal(26, list.GetProperty("metadata").GetProperty("total_count").GetInt32());

        var local = await c.SendAsync(HttpMethod.Post, "phone_numbers",
            new { provider_configuration_id = "151", offer_id = 101, toll_free = "no", country = "US", token_values = new[] { "loan_amount:>=10000" } });
        Assert.Equal(HttpStatusCode.Created, local.Status);
        var localNumber = local.Json.GetProperty("phone_number");
        Assert.DoesNotMatch(@"^\+1(800|833|844|855|866|877|888)", localNumber.GetProperty("number").GetString()!);
        Assert.False(localNumber.GetProperty("toll_free").GetBoolean());
        Assert.Equal(JsonValueKind.Number, localNumber.GetProperty("area_code_id").ValueKind);

        var gb = await c.SendAsync(HttpMethod.Post, "phone_numbers", new { provider_configuration_id = 150, offer_id = 100, toll_free = 1, country = "GB" });
        Assert.StartsWith("+44800", gb.Json.GetProperty("phone_number").GetProperty("number").GetString());

        Assert.Equal((HttpStatusCode)422, (await c.SendAsync(HttpMethod.Post, "phone_numbers", new { provider_configuration_id = 150, offer_id = 100, toll_free = true, country = "XX" })).Status);
        Assert.Equal((HttpStatusCode)422, (await c.SendAsync(HttpMethod.Post, "phone_numbers", new { offer_id = 100, toll_free = true, country = "US" })).Status);
        Assert.Equal((HttpStatusCode)422, (await c.SendAsync(HttpMethod.Post, "phone_numbers", new { provider_configuration_id = 150, offer_id = 100, toll_free = "maybe", country = "US" })).Status);
        Assert.Equal((HttpStatusCode)422, (await c.SendAsync(HttpMethod.Post, "phone_numbers", new { provider_configuration_id = 150, offer_id = 100, toll_free = true, country = "US", token_values = new[] { "nonsense" } })).Status);

        var updated = await c.SendAsync(HttpMethod.Put, "phone_numbers/%2B" + e164[1..],
            new { traffic_source_id = "1002592", ring_pool_id = 7, token_values = new[] { "interest:auto", "geo:!=800" } });
        Assert.True(updated.Status == HttpStatusCode.OK, updated.ToString());
        var u = updated.Json.GetProperty("phone_number");
        Assert.Equal(1002592, u.GetProperty("traffic_source_id").GetInt64());
        Assert.Equal(7, u.GetProperty("ring_pool_id").GetInt64());
        Assert.Equal(100, u.GetProperty("offer_id").GetInt64());
        Assert.Equal(2, u.GetProperty("token_values").GetArrayLength());
        var cleared = await c.SendAsync(HttpMethod.Put, "phone_numbers/" + id, "{\"token_values\":null}");
        Assert.Equal(0, cleared.Json.GetProperty("phone_number").GetProperty("token_values").GetArrayLength());

        var unrented = await c.SendAsync(HttpMethod.Delete, "phone_numbers/" + e164);
        Assert.Equal(HttpStatusCode.OK, unrented.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("phone_numbers/" + id)).Status);
        Assert.DoesNotContain(c.Sandbox.TrackDrive().Numbers, n => n.Id == id);
        Assert.Equal(HttpStatusCode.NotFound, (await c.SendAsync(HttpMethod.Delete, "phone_numbers/" + id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await c.SendAsync(HttpMethod.Put, "phone_numbers/" + id, new { offer_id = 1 })).Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await c.SendAsync(HttpMethod.Post, "phone_numbers/" + id, new { })).Status);
    }
}
