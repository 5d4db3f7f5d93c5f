using System.Net;
using System.Text;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.Core.Validation;

namespace CallTracking.Tests.Core;

/// <summary>What goes on the wire for each TrackDrive operation, read from a scripted transport.</summary>
public class TrackDriveRequestTests
{
    private const string Empty = """{"calls":[],"metadata":{"next_cursor":0,"total_count":0}}""";

    private static Dictionary<string, string> Query(Uri uri)
        => uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
              .Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));

    [Fact]
    public async Task Every_call_filter_goes_out_under_the_seed_name()
    {
        var fake = new FakeHandler().Json(HttpStatusCode.OK, Empty);
        using var c = TestConnections.TrackDrive(fake);
        var q = new TrackDriveCallQuery
        {
            CreatedAtFrom = new DateTimeOffset(2016, 1, 1, 12, 25, 15, TimeSpan.FromHours(-5)),
            CreatedAtTo = new DateTimeOffset(2016, 1, 2, 0, 0, 0, TimeSpan.Zero),
            EndedAtFrom = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.FromHours(5.5)),
            EndedAtTo = new DateTimeOffset(2016, 1, 3, 0, 0, 0, TimeSpan.Zero),
            Fulltext = "acme", TimeZone = "EST", Columns = new[] { "uuid", "status" },
            OfferRepeatCaller = true, BuyerRepeatCaller = false, BuyerConverted = true, OfferConverted = false, InProgress = true,
            PlacedOnHold = false, HasRecording = true, BuyerConversionDuplicatedCall = false, OfferConversionDuplicatedCall = true, NoBuyer = false,
            TokenKey = "buyer_id", TokenValue = "buyer_id:12345", Order = "created_at", OrderDir = "asc",
            NumberId = 1, OfferId = 2, TrafficSourceId = 3, BuyerId = 4, BuyerGroupIds = 5, RingPoolId = 6, Id = 7,
            ProviderConfigurationId = 8, ContactId = 9, Status = "no-buyer-all-maxed-out", PerPage = 50,
        };
        await foreach (var _ in c.TrackDrive().ListCallsAsync(q)) { }
        var sent = Query(fake.Requests.Single().Uri);
        Assert.Equal("/api/v1/calls", fake.Requests[0].Uri.AbsolutePath);
        var expected = new Dictionary<string, string>
        {
            ["created_at_from"] = "2016-01-01 12:25:15 -0500", ["created_at_to"] = "2016-01-02 00:00:00 +0000",
            ["ended_at_from"] = "2016-01-01 00:00:00 +0530", ["ended_at_to"] = "2016-01-03 00:00:00 +0000",
            ["fulltext"] = "acme", ["time_zone"] = "EST", ["columns"] = "uuid,status",
            ["offer_repeat_caller"] = "true", ["buyer_repeat_caller"] = "false", ["buyer_converted"] = "true", ["offer_converted"] = "false",
            ["in_progress"] = "true", ["placed_on_hold"] = "false", ["has_recording"] = "true", ["buyer_conversion_duplicated_call"] = "false",
            ["offer_conversion_duplicated_call"] = "true", ["no_buyer"] = "false", ["token_key"] = "buyer_id", ["token_value"] = "buyer_id:12345",
            ["order"] = "created_at", ["order_dir"] = "asc", ["number_id"] = "1", ["offer_id"] = "2", ["traffic_source_id"] = "3", ["buyer_id"] = "4",
            ["buyer_group_ids"] = "5", ["ring_pool_id"] = "6", ["id"] = "7", ["provider_configuration_id"] = "8", ["contact_id"] = "9",
            ["status"] = "no-buyer-all-maxed-out", ["cursor"] = "-1", ["per_page"] = "50", ["auth_token"] = TestConnections.Token,
        };
        Assert.Equal(expected.OrderBy(k => k.Key), sent.OrderBy(k => k.Key));
    }

    [Theory]
    [InlineData("Status", "done")]
    [InlineData("Order", "name")]
    [InlineData("OrderDirection", "up")]
    [InlineData("TimeZone", "Europe/Paris")]
    [InlineData("Column", "nope")]
    [InlineData("PageSize", "0")]
    public void Values_outside_the_seed_lists_fail_before_any_request(string parameter, string value)
    {
        var fake = new FakeHandler();
        using var c = TestConnections.TrackDrive(fake);
        var q = new TrackDriveCallQuery();
        switch (parameter)
        {
            case "Status": q.Status = value; break;
            case "Order": q.Order = value; break;
            case "OrderDirection": q.OrderDir = value; break;
            case "TimeZone": q.TimeZone = value; break;
            case "Column": q.Columns = new[] { "uuid", value }; break;
            case "PageSize": q.PerPage = int.Parse(value); break;
        }
        var ex = Assert.Throws<CallTrackingArgumentException>(() => c.TrackDrive().ListCallsAsync(q));
        Assert.Equal(parameter, ex.ParameterName);
        Assert.Contains("'" + value + "'", ex.Message);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Cursor_paging_follows_next_cursor_until_zero()
    {
        var fake = new FakeHandler()
            .Json(HttpStatusCode.OK, """{"calls":[{"id":3},{"id":2}],"metadata":{"next_cursor":17,"total_count":3}}""")
            .Json(HttpStatusCode.OK, """{"calls":[{"id":1}],"metadata":{"next_cursor":0,"total_count":3}}""");
        using var c = TestConnections.TrackDrive(fake);
        var ids = new List<string>();
        var pages = new List<long?>();
        await foreach (var call in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { PerPage = 2 }, p => pages.Add(p.TotalCount))) ids.Add(call.Id);
        Assert.Equal(new[] { "3", "2", "1" }, ids);
        Assert.Equal("-1", Query(fake.Requests[0].Uri)["cursor"]);
        Assert.Equal("17", Query(fake.Requests[1].Uri)["cursor"]);
        Assert.Equal(new long?[] { 3, 3 }, pages);
    }

    [Fact]
    public async Task First_stops_early_and_asks_for_no_more_than_needed()
    {
        var fake = new FakeHandler().Json(HttpStatusCode.OK, """{"calls":[{"id":3},{"id":2}],"metadata":{"next_cursor":17}}""");
        using var c = TestConnections.TrackDrive(fake);
        var ids = new List<string>();
        await foreach (var call in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery { First = 2 })) ids.Add(call.Id);
        Assert.Equal(2, ids.Count);
        Assert.Single(fake.Requests);
        Assert.Equal("2", Query(fake.Requests[0].Uri)["per_page"]);
    }

    [Fact]
    public async Task A_malformed_page_is_fetched_again_from_the_same_cursor()
    {
        var fake = new FakeHandler()
            .Json(HttpStatusCode.OK, """{"calls":[{"id":3}],"metadata":{"next_cursor":9}}""")
            .Json(HttpStatusCode.OK, """{"calls":[{"id":2},""")
            .Json(HttpStatusCode.OK, """{"calls":[{"id":2}],"metadata":{"next_cursor":0}}""");
        using var c = TestConnections.TrackDrive(fake);
        var ids = new List<string>();
        await foreach (var call in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery())) ids.Add(call.Id);
        Assert.Equal(new[] { "3", "2" }, ids);
        Assert.Equal("9", Query(fake.Requests[1].Uri)["cursor"]);
        Assert.Equal("9", Query(fake.Requests[2].Uri)["cursor"]);
    }

    [Fact]
    public async Task Basic_auth_style_sends_public_and_private_key_and_no_token_parameter()
    {
        var fake = new FakeHandler().Json(HttpStatusCode.OK, Empty);
        using var c = TestConnections.TrackDrive(fake, user: "pub-key", secret: "priv-key");
        await foreach (var _ in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery())) { }
        var (_, uri, _, auth) = fake.Requests.Single();
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("pub-key:priv-key")), auth);
        Assert.DoesNotContain("auth_token", uri.Query);
    }

    [Fact]
    public async Task Purchase_sends_the_seed_body()
    {
        var fake = new FakeHandler().Json(HttpStatusCode.Created, """{"phone_number":{"id":1,"number":"+18885550100","toll_free":true,"country":"US","offer_id":100,"provider_configuration_id":150,"token_values":["interest:auto"]}}""");
        using var c = TestConnections.TrackDrive(fake);
        var n = await c.TrackDrive().PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest
        {
            ProviderConfigurationId = 150, OfferId = 100, TollFree = true, Country = "US", TrafficSourceId = 5, RingPoolId = 6,
            TokenValues = new[] { "interest:auto", "loan_amount:>=10000" },
        });
        var (method, uri, body, _) = fake.Requests.Single();
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal("/api/v1/phone_numbers", uri.AbsolutePath);
        Assert.Equal("""{"provider_configuration_id":150,"offer_id":100,"toll_free":true,"country":"US","traffic_source_id":5,"ring_pool_id":6,"token_values":["interest:auto","loan_amount:\u003E=10000"]}""", body);
        Assert.Equal("+18885550100", n.Number);
        Assert.True(n.TollFree);
        Assert.Equal(TrackDriveApi.ProviderName, n.Provider);
        Assert.Equal(new[] { "interest:auto" }, n.TokenValues);
    }

    [Theory]
    [InlineData(0L, 100L, "US", "ProviderConfigurationId")]
    [InlineData(150L, -1L, "US", "OfferId")]
    [InlineData(150L, 100L, "XX", "Country")]
    public async Task Purchase_validates_before_sending(long pc, long offer, string country, string parameter)
    {
        var fake = new FakeHandler();
        using var c = TestConnections.TrackDrive(fake);
        var ex = await Assert.ThrowsAsync<CallTrackingArgumentException>(() => c.TrackDrive().PurchasePhoneNumberAsync(new TrackDrivePurchaseRequest { ProviderConfigurationId = pc, OfferId = offer, Country = country }));
        Assert.Equal(parameter, ex.ParameterName);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Update_sends_only_what_changes_and_null_to_clear_tokens()
    {
        var fake = new FakeHandler().Json(HttpStatusCode.OK, """{"phone_number":{"id":7,"number":"+18005550100"}}""").Json(HttpStatusCode.OK, """{"phone_number":{"id":7,"number":"+18005550100"}}""");
        using var c = TestConnections.TrackDrive(fake);
        await c.TrackDrive().UpdatePhoneNumberAsync(new TrackDriveNumberUpdate { Id = "+1 (800) 555-0100", TrafficSourceId = 1002592 });
        await c.TrackDrive().UpdatePhoneNumberAsync(new TrackDriveNumberUpdate { Id = "7", ClearTokenValues = true });
        Assert.Equal(HttpMethod.Put, fake.Requests[0].Method);
        Assert.Equal("/api/v1/phone_numbers/%2B18005550100", fake.Requests[0].Uri.AbsolutePath);
        Assert.Equal("""{"traffic_source_id":1002592}""", fake.Requests[0].Body);
        Assert.Equal("""{"token_values":null}""", fake.Requests[1].Body);
    }

    [Fact]
    public async Task Errors_carry_kind_status_code_and_message_without_the_token()
    {
        var fake = new FakeHandler()
            .Json(HttpStatusCode.Unauthorized, "{\"error\":\"unauthorized\",\"message\":\"bad token " + TestConnections.Token + "\"}")
            .Json(HttpStatusCode.NotFound, """{"error":"not_found","message":"no such number"}""")
            .Json((HttpStatusCode)422, """{"error":"invalid_parameter","message":"country must be one of: US"}""");
        using var c = TestConnections.TrackDrive(fake);
        var auth = await Assert.ThrowsAsync<CallTrackingException>(() => c.TrackDrive().GetPhoneNumberAsync("7"));
        Assert.Equal(CallTrackingErrorKind.Authentication, auth.Kind);
        Assert.DoesNotContain(TestConnections.Token, auth.ToString());
        Assert.DoesNotContain(TestConnections.Token, auth.ProviderMessage);
        var missing = await Assert.ThrowsAsync<CallTrackingException>(() => c.TrackDrive().GetPhoneNumberAsync("+18005550100"));
        Assert.Equal(CallTrackingErrorKind.NotFound, missing.Kind);
        Assert.Equal("+18005550100", missing.Target);
        Assert.Equal("not_found", missing.ProviderCode);
        var invalid = await Assert.ThrowsAsync<CallTrackingException>(() => c.TrackDrive().GetPhoneNumberAsync("8"));
        Assert.Equal(CallTrackingErrorKind.InvalidArgument, invalid.Kind);
        Assert.Equal(422, invalid.HttpStatus);
        Assert.Contains("country must be one of", invalid.Message);
    }

    [Fact]
    public async Task Stats_require_group_by_stat_and_a_date_range()
    {
        using var c = TestConnections.TrackDrive(new FakeHandler());
        Assert.Equal("GroupBy", (await Assert.ThrowsAsync<CallTrackingArgumentException>(() => c.TrackDrive().GetCallStatisticsAsync(new TrackDriveStatsQuery { Stat = "count" }))).ParameterName);
        Assert.Equal("Stat", (await Assert.ThrowsAsync<CallTrackingArgumentException>(() => c.TrackDrive().GetCallStatisticsAsync(new TrackDriveStatsQuery { GroupBy = "status", Stat = "avg" }))).ParameterName);
        Assert.Equal("CreatedAfter", (await Assert.ThrowsAsync<CallTrackingArgumentException>(() => c.TrackDrive().GetCallStatisticsAsync(new TrackDriveStatsQuery { GroupBy = "status", Stat = "count" }))).ParameterName);
    }

    [Fact]
    public async Task Verbose_log_lines_are_redacted_and_flow_to_the_listener()
    {
        var fake = new FakeHandler().Json(HttpStatusCode.OK, Empty);
        using var c = TestConnections.TrackDrive(fake);
        var listener = new ListenerStub();
        using (RequestDiagnostics.Listen(listener))
        {
            await foreach (var _ in c.TrackDrive().ListCallsAsync(new TrackDriveCallQuery())) { }
        }
        var line = Assert.Single(listener.Lines);
        Assert.StartsWith("GET https://acme.trackdrive.com/api/v1/calls?", line);
        Assert.Contains("auth_token=***", line);
        Assert.Contains("-> 200", line);
        Assert.DoesNotContain(TestConnections.Token, line);
    }

    [Theory]
    [InlineData("http://acme.trackdrive.com/api/v1/", false)]
    [InlineData("http://10.0.0.5/api/v1/", false)]
    [InlineData("http://127.0.0.1:8080/api/v1/", true)]
    [InlineData("http://localhost:8080/api/v1/", true)]
    [InlineData("https://acme.trackdrive.com/api/v1/", true)]
    public void Clear_text_base_uri_only_to_loopback(string uri, bool allowed)
    {
        var options = new ConnectionOptions { Provider = TrackDriveApi.ProviderName, Credential = ProviderCredential.FromPlainText("auth_token", "x"), BaseUri = new Uri(uri) };
        if (allowed) CallTrackingConnection.Open(options).Dispose();
        else Assert.Equal("BaseUri", Assert.Throws<CallTrackingArgumentException>(() => CallTrackingConnection.Open(options)).ParameterName);
    }

    [Fact]
    public async Task Subdomain_builds_the_base_uri()
    {
        // A secret no other text contains by chance; the provider echoes it in its refusal.
        const string secret = "tok-Subdomain-5f3a";
        var fake = new FakeHandler().Json(HttpStatusCode.Unauthorized, "{\"error\":\"invalid_token\",\"message\":\"token " + secret + " is not valid\"}");
        using var c = CallTrackingConnection.Open(new ConnectionOptions
        {
            Provider = TrackDriveApi.ProviderName, Credential = ProviderCredential.FromPlainText("auth_token", secret), Settings = { ["Subdomain"] = "Acme" },
            MaxRetry = 0, PrimaryHandlerFactory = () => fake,
        });
        Assert.Equal("https://acme.trackdrive.com/api/v1/", c.BaseUri.AbsoluteUri);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => c.TrackDrive().GetCallAsync("7"));
        // The secret did go out to the subdomain's host, so its absence below is redaction, not a credential never used.
        Assert.Equal("acme.trackdrive.com", fake.Requests.Single().Uri.Host);
        Assert.Contains("auth_token=" + secret, fake.Requests[0].Uri.Query);
        Assert.Contains("is not valid", ex.Message);
        foreach (var text in new[] { c.ToString(), c.UserName, c.BaseUri.AbsoluteUri, ex.Message, ex.ToString(), ex.ProviderMessage ?? "" })
            Assert.DoesNotContain(secret, text);
    }

    [Fact]
    public void A_connection_refuses_parameters_for_another_provider()
    {
        using var c = TestConnections.TrackDrive(new FakeHandler());
        var ex = Assert.Throws<CallTrackingArgumentException>(() => c.EnsureProvider("AvidTrak", "New-TrackingNumber"));
        Assert.True(ex.IsProviderMismatch);
        Assert.Contains("TrackDrive", ex.Message);
        Assert.Contains("AvidTrak", ex.Message);
        Assert.False(new CallTrackingArgumentException("Country", "XX", "US").IsProviderMismatch);
    }

    [Theory]
    [InlineData("XX", null, "DefaultCountry")]
    [InlineData("gb", 0, "TimeoutSec")]
    public void Connection_options_are_checked_in_the_core(string country, int? timeoutSec, string parameter)
    {
        var options = new ConnectionOptions { Provider = TrackDriveApi.ProviderName, Credential = ProviderCredential.FromPlainText("auth_token", "x"), Settings = { ["Subdomain"] = "acme" }, DefaultCountry = country };
        if (timeoutSec.HasValue) options.Timeout = TimeSpan.FromSeconds(timeoutSec.Value);
        Assert.Equal(parameter, Assert.Throws<CallTrackingArgumentException>(() => CallTrackingConnection.Open(options)).ParameterName);
    }

    [Fact]
    public void Default_country_is_taken_in_any_case()
    {
        using var c = CallTrackingConnection.Open(new ConnectionOptions { Provider = TrackDriveApi.ProviderName, Credential = ProviderCredential.FromPlainText("auth_token", "x"), Settings = { ["Subdomain"] = "acme" }, DefaultCountry = " gb " });
        Assert.Equal("GB", c.DefaultCountry);
    }

    private sealed class ListenerStub : IRequestListener
    {
        public List<string> Lines { get; } = new();
        public void OnRequest(RequestLogEntry entry) { lock (Lines) Lines.Add(entry.ToString()); }
        public void OnRetry(string operation, int attempt, TimeSpan delay, string reason) { }
        public void OnNotice(string message, bool warning) { }
    }
}
