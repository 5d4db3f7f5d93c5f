using System.Globalization;
using System.Text.Json;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Providers.Avanser;
using CallTracking.PowerShell.Providers.Avanser;
using CallTracking.Sandbox;
using CallTracking.Sandbox.Avanser;
using Ops = CallTracking.Core.Providers.Avanser.AvanserApi.Operations;

namespace CallTracking.Tests.Sandbox;

/// <summary>The module's own connection, executor and AvanserAuthenticator against the AVANSER emulator: the -Sandbox test
/// credential (Basic + client id) on both APIs, and the token flow renewed when the token expires mid-listing.</summary>
public class AvanserConnectionTests
{
    /// <summary>A module connection to the emulator: the -Sandbox login with the client id, or the token flow.</summary>
    internal static CallTrackingConnection Open(CallTrackingSandbox sandbox, bool tokenFlow)
    {
        var options = new ConnectionOptions
        {
            Provider = "Avanser",
            PrimaryHandlerFactory = sandbox.CreateHandler,
            RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(10), MaxTotalWait = TimeSpan.FromSeconds(10) },
        };
        new AvanserCmdletSupport().ConnectToSandbox(options, sandbox);
        if (tokenFlow)
        {
            options.Credential = null;
            options.Settings.Remove(AvanserApi.ClientIdSetting);
            options.Secrets[AvanserApi.ApiKeySecret] = SecretValue.FromPlainText(AvanserOptions.DefaultApiKey);
            options.Secrets[AvanserApi.ApiSecretSecret] = SecretValue.FromPlainText(AvanserOptions.DefaultApiSecret);
        }
        return CallTrackingConnection.Open(options);
    }

    private static async Task<List<long>> PageAsync(AvanserClient client, long lastId, int limit)
    {
        var text = await client.WebApiAsync(Ops.GetCdr, AvanserApi.Operations.GetCdr.Name.Substring("Avanser.".Length), new QueryBuilder().Add("limit", limit.ToString(CultureInfo.InvariantCulture))
            .Add("last_id", lastId.ToString(CultureInfo.InvariantCulture)), CancellationToken.None);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.GetProperty("calls").EnumerateArray().Select(c => long.Parse(c.GetProperty("id").GetString()!, CultureInfo.InvariantCulture)).ToList();
    }

    [Fact]
    public async Task The_sandbox_test_credential_reaches_both_apis_by_basic_and_client_id()
    {
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options());
        using var c = Open(sandbox, tokenFlow: false);
        var client = (AvanserClient)c.Client;
        var services = await client.TelcoAsync(Ops.ListServices, "services", null, CancellationToken.None);
        Assert.Equal(4, JsonDocument.Parse(services).RootElement.GetProperty("services").GetArrayLength());
        Assert.Equal(10, (await PageAsync(client, 0, 10)).Count);
        var web = sandbox.Requests.Last();
        Assert.Equal("Avanser.getCDR", web.Operation);
        Assert.Equal(200, web.StatusCode);
        Assert.True(web.HasAuthorizationHeader);
        Assert.Equal("5995", web.Query["client_id"]);
    }

    [Fact]
    public async Task The_token_flow_signs_in_and_signs_in_again_when_the_token_expires_mid_listing_with_no_record_lost()
    {
        var options = AvanserSandboxClient.Options(new AvanserOptions { CallCount = 2500, TokenLifetime = TimeSpan.FromMinutes(1) });
        using var sandbox = new CallTrackingSandbox(options);
        using var c = Open(sandbox, tokenFlow: true);
        var client = (AvanserClient)c.Client;
        var ids = new List<long>();
        long last = 0;
        for (var page = 0; page < 10; page++)
        {
            var got = await PageAsync(client, last, 1000);
            ids.AddRange(got);
            if (got.Count < 1000) break;
            last = got[^1];
            sandbox.Clock.Advance(TimeSpan.FromMinutes(1)); // the token expires between pages
        }
        Assert.Equal(2500, ids.Count);
        Assert.Equal(2500, ids.Distinct().Count());
        Assert.Equal(3, sandbox.Avanser().State.TokensIssued);
        var ops = sandbox.Requests.Select(r => r.Operation + " " + r.StatusCode).ToList();
        Assert.Equal(new[]
        {
            "Avanser.getTokenKey 200", "Avanser.signIn 200", "Avanser.getCDR 200",
            "Avanser.getCDR 401", "Avanser.getTokenKey 200", "Avanser.signIn 200", "Avanser.getCDR 200",
            "Avanser.getCDR 401", "Avanser.getTokenKey 200", "Avanser.signIn 200", "Avanser.getCDR 200",
        }, ops);
    }

    [Fact]
    public async Task Fault_rules_match_avanser_operations_and_the_executor_retries_a_429_on_getCDR()
    {
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options());
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Operation = "Avanser.getCDR", Times = 1, RetryAfter = TimeSpan.Zero });
        using var c = Open(sandbox, tokenFlow: true);
        Assert.Equal(7, (await PageAsync((AvanserClient)c.Client, 0, 7)).Count);
        var cdr = sandbox.Requests.Where(r => r.Operation == "Avanser.getCDR").Select(r => r.StatusCode).ToList();
        Assert.Equal(new[] { 429, 200 }, cdr);
        Assert.Equal(1, sandbox.Avanser().State.TokensIssued); // a 429 is not an expired token
    }

    [Fact]
    public void Connect_to_sandbox_sets_both_api_base_uris()
    {
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options());
        var options = new ConnectionOptions { Provider = "Avanser" };
        new AvanserCmdletSupport().ConnectToSandbox(options, sandbox);
        Assert.Equal(new Uri("https://sandbox.avanser.invalid/v1/"), options.BaseUri);
        Assert.Equal(new Uri("https://sandbox.avanser.invalid/JSON"), options.EndpointBaseUris[AvanserApi.WebApi]);
        Assert.Equal(AvanserOptions.DefaultLogin, options.Credential!.UserName);
        Assert.Equal("5995", options.Settings[AvanserApi.ClientIdSetting]);
    }

    [Fact]
    public async Task AccountId_picks_one_of_the_logins_accounts_on_every_Telco_request_and_none_is_sent_without_it()
    {
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options());
        var options = new ConnectionOptions { Provider = "Avanser", PrimaryHandlerFactory = sandbox.CreateHandler };
        new AvanserCmdletSupport().ConnectToSandbox(options, sandbox);
        options.Settings[AvanserApi.AccountIdSetting] = "5996";
        using (var second = CallTrackingConnection.Open(options))
        {
            var text = await ((AvanserClient)second.Client).TelcoAsync(Ops.ListServices, "services", null, CancellationToken.None);
            var ids = JsonDocument.Parse(text).RootElement.GetProperty("services").EnumerateArray().Select(x => x.GetProperty("custom_id").GetString()).ToList();
            Assert.Equal(new[] { "acct-5996-1", "acct-5996-2" }, ids);
            Assert.Equal("5996", sandbox.Requests.Last().Query[AvanserApi.TelcoAccountParameter]);
        }

        var plain = new ConnectionOptions { Provider = "Avanser", PrimaryHandlerFactory = sandbox.CreateHandler };
        new AvanserCmdletSupport().ConnectToSandbox(plain, sandbox);
        plain.Settings.Remove(AvanserApi.AccountIdSetting);
        using (var first = CallTrackingConnection.Open(plain))
        {
            var text = await ((AvanserClient)first.Client).TelcoAsync(Ops.ListServices, "services", null, CancellationToken.None);
            Assert.Equal(4, JsonDocument.Parse(text).RootElement.GetProperty("services").GetArrayLength());
            Assert.False(sandbox.Requests.Last().Query.ContainsKey(AvanserApi.TelcoAccountParameter));
        }
    }

    [Fact]
    public void Numbers_typed_without_a_country_code_are_Australian_unless_DefaultCountry_says_otherwise()
    {
        using var sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options());
        using (var c = Open(sandbox, tokenFlow: false))
        {
            Assert.Equal("AU", c.DefaultCountry);
            Assert.Equal("AU", ((AvanserClient)c.Client).DefaultCountry);
        }
        var options = new ConnectionOptions { Provider = "Avanser", PrimaryHandlerFactory = sandbox.CreateHandler, DefaultCountry = "nz" };
        new AvanserCmdletSupport().ConnectToSandbox(options, sandbox);
        using (var nz = CallTrackingConnection.Open(options)) Assert.Equal("NZ", ((AvanserClient)nz.Client).DefaultCountry);
    }
}
