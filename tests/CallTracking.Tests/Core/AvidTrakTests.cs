using System.Net;
using System.Net.Sockets;
using System.Text;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.AvidTrak;
using Ops = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Operations;

namespace CallTracking.Tests.Core;

/// <summary>
/// AvidTrak through the real connection, executor and interpreter, against a scripted transport: one RPC endpoint, every call
/// a GET, the outcome in the body's code (HTTP 200 either way), JSON or XML (seeds/avidtrak-rest-api.txt).
/// </summary>
public class AvidTrakTests
{
    // A pin with characters that URL-escape differently, so both forms are checked.
    private const string Pin = "pin 7Q/3Z+x";
    private static readonly string EscapedPin = Uri.EscapeDataString(Pin);

    // The seed's success examples (its JSON, with straight quotes and the missing closing quote of the second value fixed).
    private const string SeedJson = """
        {"code":200,"status":"Success","data":[{"channel":"PORTAL","campaign":"Internet X-Sell"},{"channel":"PORTAL","campaign":"Internet X-Sell West"}]}
        """;
    private const string SeedXml = """
        <response>
        <code>1</code>
        <status>Success</status>
        <data>
        <row>
        <channel>PORTAL</channel>
        <campaign>Internet X-Sell </campaign>
        </row>
        <row>
        <channel>PORTAL</channel>
        <campaign>Internet X-Sell West</campaign>
        </row>
        </data>
        </response>
        """;

    internal static CallTrackingConnection Open(HttpMessageHandler handler, int maxRetry = 3, string format = "json", string pin = Pin)
        => CallTrackingConnection.Open(new ConnectionOptions
        {
            Provider = "AvidTrak",
            Credential = ProviderCredential.FromPlainText("", pin),
            BaseUri = new Uri("https://avidtrak.test/webservice/api.php"),
            MaxRetry = maxRetry,
            Settings = { [AvidTrakApi.FormatSetting] = format },
            RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(10), MaxTotalWait = TimeSpan.FromSeconds(10) },
            PrimaryHandlerFactory = () => handler,
        });

    private static AvidTrakClient Client(CallTrackingConnection c) => (AvidTrakClient)c.Client;

    private static HttpResponseMessage Reply(string body, string mediaType, HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private static FakeHandler Always(string body, string mediaType = "application/json", HttpStatusCode status = HttpStatusCode.OK)
        => new() { Fallback = _ => Reply(body, mediaType, status) };

    private static IEnumerable<string> QueryPairs(Uri uri) => uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);

    private static List<Dictionary<string, string?>> AsText(AvidTrakEnvelope e)
        => e.Rows.Select(r => r.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();

    // ---- Envelopes ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task The_seed_examples_in_json_and_xml_read_into_the_same_rows()
    {
        using var json = Open(Always(SeedJson));
        using var xml = Open(Always(SeedXml, "text/xml"), format: "xml");
        var fromJson = await Client(json).CallAsync(Ops.CallLogs, null, null, CancellationToken.None);
        var fromXml = await Client(xml).CallAsync(Ops.CallLogs, null, null, CancellationToken.None);

        // Code 200 (the JSON example) and code 1 (the XML example, and the seed's table) are both success.
        Assert.Equal("200", fromJson.Code);
        Assert.Equal("1", fromXml.Code);
        Assert.True(fromJson.IsSuccess);
        Assert.True(fromXml.IsSuccess);
        Assert.Equal("Success", fromXml.Status);
        Assert.Equal(2, fromJson.Rows.Count);
        // The XML example's trailing space in "Internet X-Sell " is layout, not data.
        Assert.Equal(AsText(fromJson), AsText(fromXml));
        Assert.Equal("Internet X-Sell West", fromXml.Rows[1]["campaign"]);
    }

    [Fact]
    public async Task Text_that_xml_escapes_reads_the_same_as_its_json()
    {
        // A value with markup characters: XML escapes them, JSON does not; the rows must not differ.
        using var json = Open(Always("""{"code":1,"status":"Success","data":[{"campaign":"Print & Radio <West>","channel":""}]}"""));
        using var xml = Open(Always("<response><code>1</code><status>Success</status><data><row><campaign>Print &amp; Radio &lt;West&gt;</campaign><channel/></row></data></response>", "text/xml"), format: "xml");
        var fromJson = await Client(json).CallAsync(Ops.ListNumbers, null, null, CancellationToken.None);
        var fromXml = await Client(xml).CallAsync(Ops.ListNumbers, null, null, CancellationToken.None);
        Assert.Equal("Print & Radio <West>", fromXml.Rows.Single()["campaign"]);
        Assert.Equal(AsText(fromJson), AsText(fromXml));
    }

    [Fact]
    public async Task A_null_or_empty_data_is_no_rows()
    {
        using var json = Open(Always("""{"code":1,"status":"Success","data":null}"""));
        using var xml = Open(Always("<response><code>1</code><status>Success</status><data/></response>", "text/xml"), format: "xml");
        Assert.Empty((await Client(json).CallAsync(Ops.ListNumbers, null, null, CancellationToken.None)).Rows);
        Assert.Empty((await Client(xml).CallAsync(Ops.ListNumbers, null, null, CancellationToken.None)).Rows);
    }

    // ---- Errors inside HTTP 200 -----------------------------------------------------------------------------------------

    public static TheoryData<string, bool, string, CallTrackingErrorKind> ErrorCodes => new()
    {
        // code, with method parameters, status text (the seed's), the kind a script sees
        { "0", true, "Unknown Error", CallTrackingErrorKind.InvalidArgument },
        { "0", false, "Unknown Error", CallTrackingErrorKind.ProviderFailure },
        { "3", false, "Authentication Required", CallTrackingErrorKind.Authentication },
        { "4", false, "Authentication Failed", CallTrackingErrorKind.Authentication },
        { "6", false, "Invalid Response Format", CallTrackingErrorKind.InvalidArgument },
        { "401", false, "Authentication Failed", CallTrackingErrorKind.Authentication },
        { "404", false, "Invalid Request Method", CallTrackingErrorKind.NotSupported },
        { "77", false, "Something New", CallTrackingErrorKind.ProviderFailure },
    };

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public async Task A_json_error_code_in_an_http_200_is_its_error_kind_and_is_sent_once(string code, bool withParameters, string status, CallTrackingErrorKind kind)
    {
        var fake = Always("{\"code\":" + code + ",\"status\":\"" + status + "\",\"data\":null}");
        using var c = Open(fake, maxRetry: 3);
        var parameters = withParameters ? new QueryBuilder().Add("number_type", "toll") : null;
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => Client(c).CallAsync(Ops.ListNumbers, parameters, null, CancellationToken.None));
        AssertError(ex, code, status, kind);
        Assert.Single(fake.Requests); // an answer, not an unreadable reply: never retried
    }

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public async Task An_xml_error_code_in_an_http_200_is_its_error_kind_and_is_sent_once(string code, bool withParameters, string status, CallTrackingErrorKind kind)
    {
        // The seed's own XML error example, not well formed (<data><data/> is never closed).
        var fake = Always("<response>\n<code>" + code + "</code>\n<status>" + status + "</status>\n<data><data/>\n</response>", "text/xml");
        using var c = Open(fake, maxRetry: 3, format: "xml");
        var parameters = withParameters ? new QueryBuilder().Add("number_type", "toll") : null;
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => Client(c).CallAsync(Ops.ListNumbers, parameters, null, CancellationToken.None));
        AssertError(ex, code, status, kind);
        Assert.Single(fake.Requests);
    }

    private static void AssertError(CallTrackingException ex, string code, string status, CallTrackingErrorKind kind)
    {
        Assert.Equal(kind, ex.Kind);
        Assert.Equal(200, ex.HttpStatus);
        Assert.Equal(code, ex.ProviderCode);
        Assert.Equal(status, ex.ProviderMessage);
        Assert.Contains(status, ex.Message);
        Assert.Equal("AvidTrak", ex.Provider);
        Assert.Equal(Ops.ListNumbers.Name, ex.Operation);
    }

    [Fact]
    public async Task An_error_code_on_a_purchase_is_the_providers_answer_not_an_unknown_outcome()
    {
        var fake = Always("""{"code":0,"status":"Insufficient balance","data":null}""");
        using var c = Open(fake, maxRetry: 3);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => Client(c).CallAsync(Ops.PurchaseNumber,
            new QueryBuilder().Add("number_type", "local").Add("number[]", "4101234567"), "4101234567", CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.InvalidArgument, ex.Kind);
        Assert.Contains("Insufficient balance", ex.Message);
        Assert.Single(fake.Requests);
    }

    // ---- Safety: purchase_number is a GET that must never be repeated -----------------------------------------------------

    private static QueryBuilder PurchaseParameters() => new QueryBuilder().Add("number_type", "local").Add("number[]", "4101234567");

    [Fact]
    public async Task A_purchase_answered_503_is_sent_once_and_its_outcome_is_unknown()
    {
        var fake = Always("busy", "text/plain", HttpStatusCode.ServiceUnavailable);
        using var c = Open(fake, maxRetry: 3);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => Client(c).CallAsync(Ops.PurchaseNumber, PurchaseParameters(), "4101234567", CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Equal(503, ex.HttpStatus);
        Assert.Single(fake.Requests);
        Assert.Equal(HttpMethod.Get, fake.Requests[0].Method);
    }

    [Fact]
    public async Task A_purchase_whose_connection_dropped_is_sent_once_and_its_outcome_is_unknown()
    {
        var fake = new FakeHandler { Fallback = _ => throw new HttpRequestException("reset", new IOException("connection reset by peer")) };
        using var c = Open(fake, maxRetry: 3);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => Client(c).CallAsync(Ops.PurchaseNumber, PurchaseParameters(), "4101234567", CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
        Assert.False(ex.NotSent);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_purchase_whose_reply_is_unreadable_is_sent_once_and_its_outcome_is_unknown()
    {
        var fake = Always("""{"code":1,"status":"Succ""");
        using var c = Open(fake, maxRetry: 3);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => Client(c).CallAsync(Ops.PurchaseNumber, PurchaseParameters(), "4101234567", CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_purchase_is_sent_again_after_a_refused_connection()
    {
        // Refused: nothing reached the server, so even a purchase may go again.
        var fake = new FakeHandler()
            .Throw(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)))
            .Json(HttpStatusCode.OK, """{"code":1,"status":"Success","data":[{"number":"4101234567"}]}""");
        using var c = Open(fake, maxRetry: 3);
        var e = await Client(c).CallAsync(Ops.PurchaseNumber, PurchaseParameters(), "4101234567", CancellationToken.None);
        Assert.Equal("4101234567", e.Rows.Single()["number"]);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task A_read_is_retried_after_503_a_dropped_connection_and_an_unreadable_body()
    {
        var fake = new FakeHandler()
            .Enqueue(_ => Reply("busy", "text/plain", HttpStatusCode.ServiceUnavailable))
            .Throw(new HttpRequestException("reset", new IOException("connection reset by peer")))
            .Enqueue(_ => Reply("<response><code>1</code><status>Succ", "text/xml"))
            .Enqueue(_ => Reply(SeedXml, "text/xml"));
        using var c = Open(fake, maxRetry: 3, format: "xml");
        var e = await Client(c).CallAsync(Ops.CallLogs, null, null, CancellationToken.None);
        Assert.Equal(2, e.Rows.Count);
        Assert.Equal(4, fake.Requests.Count);
    }

    // ---- The pincode ------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Every_call_carries_method_format_and_the_pincode_on_its_query()
    {
        var fake = Always(SeedJson);
        using var c = Open(fake);
        await Client(c).CallAsync(Ops.CallLogs, null, null, CancellationToken.None);
        await Client(c).CallAsync(Ops.PurchaseNumber, PurchaseParameters(), null, CancellationToken.None);
        await Client(c).CallAsync(Ops.AllocateMetroNumber, new QueryBuilder().Add("sid", "PN1").Add("site_id", "9"), null, CancellationToken.None);
        Assert.Equal(3, fake.Requests.Count);
        foreach (var r in fake.Requests)
        {
            Assert.Equal(HttpMethod.Get, r.Method);
            Assert.Equal("/webservice/api.php", r.Uri.AbsolutePath);
            Assert.Contains("pincode=" + EscapedPin, QueryPairs(r.Uri));
            Assert.Contains("format=json", QueryPairs(r.Uri));
            Assert.Null(r.Authorization);
        }
        Assert.Contains("method=call_logs", QueryPairs(fake.Requests[0].Uri));
        Assert.Contains("method=purchase_number", QueryPairs(fake.Requests[1].Uri));
        // The seed's doc slip: two functions share the method name add_metro_site_number.
        Assert.Contains("method=add_metro_site_number", QueryPairs(fake.Requests[2].Uri));
    }

    [Fact]
    public async Task The_xml_format_is_asked_for_when_chosen()
    {
        var fake = Always(SeedXml, "text/xml");
        using var c = Open(fake, format: "xml");
        await Client(c).CallAsync(Ops.ListNumbers, null, null, CancellationToken.None);
        Assert.Contains("format=xml", QueryPairs(fake.Requests.Single().Uri));
    }

    [Fact]
    public async Task The_pincode_is_in_no_message_tostring_or_verbose_line()
    {
        // The provider echoes the pin in its status text; the transport names the full URL in its message.
        var fake = new FakeHandler()
            .Json(HttpStatusCode.OK, "{\"code\":4,\"status\":\"Authentication Failed for " + Pin + " (" + EscapedPin + ")\",\"data\":null}")
            .Enqueue(r => throw new HttpRequestException("Connection reset while sending " + r.RequestUri!.AbsoluteUri + " pin " + Pin, new IOException("reset " + r.RequestUri.Query)));
        using var c = Open(fake, maxRetry: 0);
        var listener = new Lines();
        CallTrackingException auth, transport;
        using (RequestDiagnostics.Listen(listener))
        {
            auth = await Assert.ThrowsAsync<CallTrackingException>(() => Client(c).CallAsync(Ops.ListNumbers, null, null, CancellationToken.None));
            transport = await Assert.ThrowsAsync<CallTrackingException>(() => Client(c).CallAsync(Ops.ListNumbers, null, null, CancellationToken.None));
        }
        // The pin did go out (otherwise nothing here would prove anything).
        Assert.All(fake.Requests, r => Assert.Contains("pincode=" + EscapedPin, QueryPairs(r.Uri)));
        Assert.Equal(CallTrackingErrorKind.Authentication, auth.Kind);
        Assert.Contains("Authentication Failed for", auth.Message);
        Assert.Equal(2, listener.All.Count);
        Assert.All(listener.All, l => Assert.Contains("pincode=***", l));

        var texts = new List<string?> { auth.Message, auth.ToString(), auth.ProviderMessage, transport.Message, transport.ToString(), c.ToString(), c.UserName, c.BaseUri.ToString() };
        texts.AddRange(listener.All);
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Pin, text ?? string.Empty);
            Assert.DoesNotContain(EscapedPin, text ?? string.Empty);
        }
    }

    // ---- Arrays ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Array_parameters_go_out_as_repeated_bracket_keys_in_the_order_given()
    {
        var fake = Always("""{"code":1,"status":"Success","data":null}""");
        using var c = Open(fake);
        var query = new QueryBuilder().Add("sid[]", "PN-B").Add("sid[]", "PN-A").Add("sid[]", "PN-C").Add("client_pin", "cp-4242");
        await Client(c).CallAsync(Ops.TransferNumber, query, null, CancellationToken.None);
        var sent = fake.Requests.Single().Uri.Query;
        Assert.Contains("sid[]=PN-B&sid[]=PN-A&sid[]=PN-C", sent);
        Assert.Equal(new[] { "sid[]=PN-B", "sid[]=PN-A", "sid[]=PN-C" }, QueryPairs(fake.Requests[0].Uri).Where(p => p.StartsWith("sid")).ToArray());
    }

    [Fact]
    public void QueryBuilder_keeps_repeated_keys_in_order_and_brackets_readable()
    {
        var q = new QueryBuilder().Add("sid[]", "A").Add("method", "assign_number").Add("sid[]", "B").Add("type", "gppc");
        Assert.Equal("sid[]=A&method=assign_number&sid[]=B&type=gppc", q.ToString());
        Assert.Equal(new[] { "A", "B" }, q.Pairs.Where(p => p.Key == "sid[]").Select(p => p.Value).ToArray());
    }

    [Fact]
    public async Task A_client_pin_is_masked_in_the_verbose_line()
    {
        var fake = Always("""{"code":1,"status":"Success","data":null}""");
        using var c = Open(fake);
        var listener = new Lines();
        using (RequestDiagnostics.Listen(listener))
            await Client(c).CallAsync(Ops.TransferNumber, new QueryBuilder().Add("sid[]", "PN1").Add("client_pin", "cp-4242"), null, CancellationToken.None);
        Assert.Contains("client_pin=cp-4242", fake.Requests.Single().Uri.Query);
        var line = Assert.Single(listener.All);
        Assert.Contains("client_pin=***", line);
        Assert.Contains("sid[]=PN1", line);
        Assert.DoesNotContain("cp-4242", line);
    }

    private sealed class Lines : IRequestListener
    {
        public List<string> All { get; } = new();
        public void OnRequest(RequestLogEntry entry) { lock (All) All.Add(entry.ToString()); }
        public void OnRetry(string operation, int attempt, TimeSpan delay, string reason) { }
        public void OnNotice(string message, bool warning) { }
    }
}
