using System.Net;
using System.Text.Json;
using CallTracking.Core.Batching;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.Sandbox;
using CallTracking.Sandbox.AvidTrak;

namespace CallTracking.Tests.Integration;

/// <summary>
/// AvidTrak's number, forwarding and call-log methods through the real connection, in both formats, against the in-process
/// sandbox: each request as encoded on the wire, JSON and XML replies read into equal objects, and every response code the
/// seed names turned into the right error kind for each method (none of them retried).
/// </summary>
public class AvidTrakNumberMethodTests
{
    private sealed class Recorder : DelegatingHandler
    {
        public Recorder(HttpMessageHandler inner) : base(inner) { }
        public List<Uri> Sent { get; } = new();
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Sent) Sent.Add(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class Rig : IDisposable
    {
        public Rig(string format)
        {
            Sandbox = new CallTrackingSandbox(new SandboxOptions { Seed = 5, Anchor = new DateTimeOffset(2024, 3, 15, 12, 0, 0, TimeSpan.Zero) }
                .Use(new AvidTrakOptions { NumberCount = 8, CallsPerDay = 6 }));
            Recorder = new Recorder(Sandbox.CreateHandler());
            Connection = CallTrackingConnection.Open(new ConnectionOptions
            {
                Provider = AvidTrakApi.ProviderName,
                Credential = ProviderCredential.FromPlainText("", "sandbox-agency-pin"),
                BaseUri = Sandbox.AvidTrakBaseUri(),
                Settings = { [AvidTrakApi.FormatSetting] = format },
                MaxRetry = 3,
                RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(10), MaxTotalWait = TimeSpan.FromSeconds(10) },
                IsSandbox = true,
                PrimaryHandlerFactory = () => Recorder,
            });
        }

        public CallTrackingSandbox Sandbox { get; }
        public Recorder Recorder { get; }
        public CallTrackingConnection Connection { get; }
        public AvidTrakClient Client => (AvidTrakClient)Connection.Client;

        /// <summary>The last request's query pairs, decoded, in order; the pincode must be the only secret and is left out.</summary>
        public List<string> Last()
        {
            var uri = Recorder.Sent.Last();
            return uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).Select(p => WebUtility.UrlDecode(p[0]) + "=" + WebUtility.UrlDecode(p.Length > 1 ? p[1] : ""))
                .Where(p => !p.StartsWith("pincode=", StringComparison.Ordinal)).ToList();
        }

        public async Task<List<AvidTrakTrackingNumber>> NumbersAsync(AvidTrakNumberQuery? query = null)
        {
            var list = new List<AvidTrakTrackingNumber>();
            await foreach (var n in Client.ListNumbersAsync(query)) list.Add(n);
            return list;
        }

        public async Task<List<AvidTrakCallRecord>> CallsAsync(bool offline)
        {
            var list = new List<AvidTrakCallRecord>();
            await foreach (var c in Client.ListCallsAsync(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 15, 0, 0, 0, TimeSpan.Zero), offline)) list.Add(c);
            return list;
        }

        public void Fail(string method, string code, string message) => Sandbox.Faults.Add(new FaultRule
        {
            Kind = FaultKind.ProviderErrorIn200, QueryMatches = new Dictionary<string, string> { ["method"] = method }, ProviderCode = code, ProviderMessage = message, Times = 10,
        });

        public int Requests(string method) => Sandbox.Requests.Count(r => r.Operation == "AvidTrak." + method);

        public void Dispose()
        {
            Connection.Dispose();
            Sandbox.Dispose();
        }
    }

    /// <summary>The public properties of the objects, as JSON, so two formats' objects compare field for field.</summary>
    private static string Shape(IEnumerable<object> items) => JsonSerializer.Serialize(items.Select(i => i.GetType().GetProperties()
        .Where(p => p.Name != "Raw").OrderBy(p => p.Name).ToDictionary(p => p.Name, p => Convert.ToString(p.GetValue(i) is IEnumerable<string> list ? string.Join(",", list) : p.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public async Task Json_and_xml_replies_give_equal_numbers_searches_and_calls()
    {
        using var json = new Rig("json");
        using var xml = new Rig("xml");
        Assert.Equal(Shape(await json.NumbersAsync()), Shape(await xml.NumbersAsync()));
        var search = new AvidTrakNumberSearch { Quantity = 5, NumberType = "local", AreaCode = "410" };
        Assert.Equal(Shape(await json.Client.SearchNumbersAsync(search)), Shape(await xml.Client.SearchNumbersAsync(search)));
        var calls = await json.CallsAsync(offline: false);
        Assert.NotEmpty(calls);
        Assert.Equal(Shape(calls), Shape(await xml.CallsAsync(offline: false)));
        Assert.Equal(Shape(await json.CallsAsync(offline: true)), Shape(await xml.CallsAsync(offline: true)));
        Assert.Contains(xml.Recorder.Sent, u => u.Query.Contains("format=xml", StringComparison.Ordinal));
        Assert.DoesNotContain(xml.Recorder.Sent, u => u.Query.Contains("format=json", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Each_method_is_encoded_as_the_seed_names_it(string format)
    {
        using var rig = new Rig(format);
        _ = await rig.NumbersAsync(new AvidTrakNumberQuery { NumberType = "toll", AssignmentType = "unassigned", AreaCode = "888" });
        Assert.Equal(new[] { "method=list_numbers", "format=" + format, "number_type=toll", "assignment_type=unassigned", "area_code=888" }, rig.Last().OrderBy(p => p.StartsWith("method", StringComparison.Ordinal) ? 0 : p.StartsWith("format", StringComparison.Ordinal) ? 1 : 2).ToArray());

        var found = await rig.Client.SearchNumbersAsync(new AvidTrakNumberSearch { Quantity = 2, NumberType = "local", AreaCode = "410", Country = "US" });
        Assert.Equal(2, found.Count);
        Assert.Contains("method=search_number", rig.Last());
        Assert.Contains("quantity=2", rig.Last());
        Assert.Contains("number_type=local", rig.Last());
        Assert.Contains("area_code=410", rig.Last());
        Assert.Contains("country=US", rig.Last());

        // purchase_number: number[] repeated, in order, national digits.
        var purchase = new BatchRun<NumberPurchase>(rig.Client.PurchaseBatch(),
            new[] { new BatchItem<NumberPurchase>(1, new NumberPurchase { Options = new AvidTrakPurchase { NumberType = "local", Numbers = found.Select(n => n.Number).ToList() } }) }, 100);
        var bought = await purchase.RunAsync(null, CancellationToken.None);
        Assert.All(bought, r => Assert.Equal(BatchRowStatus.Succeeded, r.Status));
        var sent = rig.Last();
        Assert.Contains("method=purchase_number", sent);
        Assert.Equal(found.Select(n => "number[]=" + n.Number.Substring(2)).ToArray(), sent.Where(p => p.StartsWith("number[]=", StringComparison.Ordinal)).ToArray());

        // call_logs and all_lite_calls with their date range.
        _ = await rig.CallsAsync(offline: false);
        Assert.Contains("method=call_logs", rig.Last());
        Assert.Contains("startdate=2024-03-01", rig.Last());
        Assert.Contains("enddate=2024-03-15", rig.Last());
        _ = await rig.CallsAsync(offline: true);
        Assert.Contains("method=all_lite_calls", rig.Last());
    }

    public static IEnumerable<object[]> Codes()
    {
        foreach (var format in new[] { "json", "xml" })
        {
            yield return new object[] { format, "0", "Missing parameter: area_code", CallTrackingErrorKind.InvalidArgument };
            yield return new object[] { format, "3", "Authentication Required", CallTrackingErrorKind.Authentication };
            yield return new object[] { format, "4", "Authentication Failed", CallTrackingErrorKind.Authentication };
            yield return new object[] { format, "401", "Unauthorized", CallTrackingErrorKind.Authentication };
            yield return new object[] { format, "404", "Invalid Request Method", CallTrackingErrorKind.NotSupported };
            yield return new object[] { format, "6", "Invalid Response Format", CallTrackingErrorKind.ProviderFailure };
            yield return new object[] { format, "77", "Something new", CallTrackingErrorKind.ProviderFailure };
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Every_code_is_an_error_of_its_kind_with_the_status_text_and_is_not_retried(string format, string code, string status, CallTrackingErrorKind kind)
    {
        using var rig = new Rig(format);
        foreach (var method in new[] { "list_numbers", "search_number", "call_logs" }) rig.Fail(method, code, status);

        var list = await Assert.ThrowsAsync<CallTrackingException>(() => rig.NumbersAsync());
        var search = await Assert.ThrowsAsync<CallTrackingException>(() => rig.Client.SearchNumbersAsync(new AvidTrakNumberSearch { Quantity = 1, NumberType = "local", AreaCode = "410" }));
        var calls = await Assert.ThrowsAsync<CallTrackingException>(() => rig.CallsAsync(offline: false));
        foreach (var (error, method) in new[] { (list, "list_numbers"), (search, "search_number"), (calls, "call_logs") })
        {
            // Code 6 with parameters is still the provider's failure: the module chose the format, the user did not.
            if (code == "6") Assert.True(error.Kind is CallTrackingErrorKind.ProviderFailure or CallTrackingErrorKind.InvalidArgument, method + ": " + error.Kind);
            // Code 0 is an invalid argument only when the request carried parameters (an unfiltered list_numbers has none).
            else if (code == "0" && method == "list_numbers") Assert.Equal(CallTrackingErrorKind.ProviderFailure, error.Kind);
            else Assert.Equal(kind, error.Kind);
            Assert.Contains(status, error.Message, StringComparison.Ordinal);
            Assert.Equal(code, error.ProviderCode);
            Assert.DoesNotContain("sandbox-agency-pin", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(1, rig.Requests(method));
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_refused_purchase_is_sent_once_and_reported_on_each_number(string format)
    {
        using var rig = new Rig(format);
        var found = await rig.Client.SearchNumbersAsync(new AvidTrakNumberSearch { Quantity = 2, NumberType = "local", AreaCode = "410" });
        rig.Fail("purchase_number", "0", "Insufficient balance");
        var run = new BatchRun<NumberPurchase>(rig.Client.PurchaseBatch(),
            new[] { new BatchItem<NumberPurchase>(1, new NumberPurchase { Options = new AvidTrakPurchase { NumberType = "local", Numbers = found.Select(n => n.Number).ToList() } }) }, 100);
        var results = await run.RunAsync(null, CancellationToken.None);
        Assert.Equal(1, rig.Requests("purchase_number"));
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Contains("Insufficient balance", r.Exception!.Message, StringComparison.Ordinal));
    }
}
