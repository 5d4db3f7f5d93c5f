using CallTracking.Core.Batching;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.Sandbox;
using CallTracking.Sandbox.AvidTrak;
using CallTracking.Tests.Core;

namespace CallTracking.Tests.Integration;

/// <summary>
/// AvidTrak's batched number functions through Core.Batching, against the in-process AvidTrak sandbox (and a scripted
/// transport where the exact query matters): requests per N rows, sid[] in input order, a failed request reported on each
/// of its rows, a refused SID failing alone, a purchase sent once, dates on the wire.
/// </summary>
public class AvidTrakBatchTests
{
    private sealed class Fixture : IDisposable
    {
        public Fixture(int numbers = 600, int maxRetry = 2)
        {
            Sandbox = new CallTrackingSandbox(new SandboxOptions { Seed = 11, Anchor = new DateTimeOffset(2024, 3, 15, 12, 0, 0, TimeSpan.Zero) }
                .Use(new AvidTrakOptions { NumberCount = numbers }));
            Connection = CallTrackingConnection.Open(new ConnectionOptions
            {
                Provider = AvidTrakApi.ProviderName,
                Credential = ProviderCredential.FromPlainText("", "sandbox-agency-pin"),
                BaseUri = Sandbox.AvidTrakBaseUri(),
                PrimaryHandlerFactory = Sandbox.CreateHandler,
                MaxRetry = maxRetry,
                RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(10), MaxTotalWait = TimeSpan.FromSeconds(10) },
                IsSandbox = true,
            });
        }

        public CallTrackingSandbox Sandbox { get; }
        public CallTrackingConnection Connection { get; }
        public AvidTrakClient Client => (AvidTrakClient)Connection.Client;

        public int Requests(string method) => Sandbox.Requests.Count(r => r.Operation == "AvidTrak." + method);

        public async Task<List<string>> SidsAsync()
        {
            var list = new List<string>();
            await foreach (var n in Client.ListNumbersAsync(null)) list.Add(n.Id);
            return list;
        }

        public void Dispose()
        {
            Connection.Dispose();
            Sandbox.Dispose();
        }
    }

    private static IEnumerable<BatchItem<ForwardingChange>> Rows(IReadOnlyList<string> sids, Func<int, string> forward, Func<int, string?>? extension = null)
        => sids.Select((sid, i) => new BatchItem<ForwardingChange>(i + 1, new ForwardingChange(sid)
        {
            ForwardNumber = forward(i),
            Options = new AvidTrakForwarding { Extension = extension?.Invoke(i) },
        }));

    [Fact]
    public async Task Five_hundred_forwarding_rows_are_six_requests_and_five_hundred_results_in_input_order()
    {
        using var f = new Fixture();
        var sids = (await f.SidsAsync()).Take(500).ToList();
        Assert.Equal(500, sids.Count);
        f.Sandbox.Requests.Clear();
        var run = new BatchRun<ForwardingChange>(f.Client.SetForwarding(), Rows(sids, i => i % 2 == 0 ? "+14105551234" : "4105559999"), 100);
        var results = await run.RunAsync(null, CancellationToken.None);

        Assert.Equal(6, f.Requests("set_forwarding")); // two forward numbers, 250 rows each, 100 per request
        Assert.Equal(6, run.Requests);
        Assert.Equal(500, results.Count);
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), results.Select(r => r.Row));
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(sids, results.Select(r => r.Id));
        Assert.Equal(sids, results.Select(r => ((AvidTrakForwardingResult)r).Sid));
        Assert.Equal("+14105559999", ((ForwardingResult)results[1]).ForwardNumber);
    }

    [Fact]
    public async Task A_thousand_rows_are_at_most_ten_requests()
    {
        using var f = new Fixture(numbers: 1000);
        var sids = (await f.SidsAsync()).Take(1000).ToList();
        f.Sandbox.Requests.Clear();
        var run = new BatchRun<ForwardingChange>(f.Client.SetForwarding(), Rows(sids, _ => "+14105551234"), 100);
        var results = await run.RunAsync(null, CancellationToken.None);
        Assert.Equal(sids.Count, results.Count);
        Assert.True(f.Requests("set_forwarding") <= 10, f.Requests("set_forwarding") + " requests");
    }

    [Fact]
    public async Task The_sids_of_a_request_go_out_in_input_order_with_the_forward_number_and_extension()
    {
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("""{"code":1,"status":"Success","data":null}""", System.Text.Encoding.UTF8, "application/json") } };
        using var c = AvidTrakTests.Open(fake);
        var client = (AvidTrakClient)c.Client;
        var sids = new[] { "PN-C", "PN-A", "PN-B", "PN-D", "PN-E" };
        var run = new BatchRun<ForwardingChange>(client.SetForwarding(), Rows(sids, _ => "(410) 555-1234", _ => "12"), 3);
        var results = await run.RunAsync(null, CancellationToken.None);

        Assert.Equal(2, fake.Requests.Count);
        var first = fake.Requests[0].Uri.Query.TrimStart('?').Split('&');
        Assert.Equal(new[] { "sid[]=PN-C", "sid[]=PN-A", "sid[]=PN-B" }, first.Where(p => p.StartsWith("sid")).ToArray());
        Assert.Contains("type=sid", first);
        Assert.Contains("forward_number=4105551234", first);
        Assert.Contains("extension=12", first);
        Assert.Contains("method=set_forwarding", first);
        var second = fake.Requests[1].Uri.Query.TrimStart('?').Split('&');
        Assert.Equal(new[] { "sid[]=PN-D", "sid[]=PN-E" }, second.Where(p => p.StartsWith("sid")).ToArray());
        Assert.Equal(new int?[] { 1, 1, 1, 2, 2 }, results.Select(r => r.Request));
    }

    [Fact]
    public async Task A_failed_request_is_reported_on_each_of_its_rows_and_the_other_requests_still_go()
    {
        using var f = new Fixture(maxRetry: 0);
        var sids = (await f.SidsAsync()).Take(30).ToList();
        f.Sandbox.Requests.Clear();
        // The second set_forwarding request fails as a whole (HTTP 503; no retries on this connection).
        f.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, QueryMatches = new Dictionary<string, string> { ["method"] = "set_forwarding" }, SkipFirst = 1, Times = 1 });
        var run = new BatchRun<ForwardingChange>(f.Client.SetForwarding(), Rows(sids, _ => "+14105551234"), 10);
        var results = await run.RunAsync(null, CancellationToken.None);

        Assert.Equal(30, results.Count);
        Assert.All(results.Take(10), r => Assert.True(r.Succeeded));
        var failed = results.Skip(10).Take(10).ToList();
        Assert.All(failed, r => Assert.Equal(BatchRowStatus.Failed, r.Status));
        Assert.All(failed, r => Assert.Same(failed[0].Exception, r.Exception));
        Assert.All(failed, r => Assert.Equal(2, r.Request));
        Assert.All(results.Skip(20), r => Assert.True(r.Succeeded));
        Assert.Contains("rows 1-30 were sent", run.Summary().Describe());
    }

    [Fact]
    public async Task A_refused_sid_fails_alone_and_the_other_rows_of_its_request_succeed()
    {
        using var f = new Fixture();
        var sids = (await f.SidsAsync()).Take(5).ToList();
        sids[2] = "PNbogus";
        f.Sandbox.Requests.Clear();
        var run = new BatchRun<ForwardingChange>(f.Client.SetForwarding(), Rows(sids, _ => "+14105551234"), 100);
        var results = await run.RunAsync(null, CancellationToken.None);

        Assert.Equal(new[] { true, true, false, true, true }, results.Select(r => r.Succeeded));
        Assert.Contains("PNbogus", results[2].Exception!.Message);
        Assert.Equal(2, f.Requests("set_forwarding")); // refused once, then sent again without the bad SID
    }

    [Fact]
    public async Task A_bad_row_fails_its_checks_before_anything_is_sent()
    {
        using var f = new Fixture();
        var sids = (await f.SidsAsync()).Take(3).ToList();
        f.Sandbox.Requests.Clear();
        var run = new BatchRun<ForwardingChange>(f.Client.SetForwarding(), Rows(sids, i => i == 1 ? "12" : "+14105551234", i => i == 2 ? "x1" : null), 100);
        var results = await run.RunAsync(null, CancellationToken.None);

        Assert.True(results[0].Succeeded);
        Assert.Null(results[1].Request);
        Assert.Contains("ForwardNumber", results[1].Exception!.Message);
        Assert.Contains("Extension", results[2].Exception!.Message);
        Assert.Equal(1, f.Requests("set_forwarding"));
    }

    [Fact]
    public async Task A_run_stopped_between_requests_says_which_rows_were_sent()
    {
        using var f = new Fixture();
        var sids = (await f.SidsAsync()).Take(30).ToList();
        f.Sandbox.Requests.Clear();
        using var stop = new CancellationTokenSource();
        var run = new BatchRun<ForwardingChange>(f.Client.RemoveForwarding(), sids.Select((s, i) => new BatchItem<ForwardingChange>(i + 1, new ForwardingChange(s))), 10);
        var results = await run.RunAsync(b => { if (b.Index == 2) stop.Cancel(); return true; }, stop.Token);

        Assert.Equal(2, f.Requests("remove_forwarding"));
        Assert.Equal(30, results.Count);
        Assert.All(results.Skip(20), r => Assert.Equal(BatchRowStatus.NotSent, r.Status));
        var summary = run.Summary().Describe();
        Assert.Contains("rows 1-20 were sent", summary);
        Assert.Contains("rows 21-30 were not sent", summary);
    }

    [Fact]
    public async Task A_purchase_whose_connection_dropped_is_sent_once_and_unknown_on_each_number()
    {
        using var f = new Fixture(maxRetry: 3);
        var found = await f.Client.SearchNumbersAsync(new AvidTrakNumberSearch { Quantity = 3, NumberType = "local", AreaCode = "410" });
        f.Sandbox.Requests.Clear();
        f.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.CloseWithoutReply, QueryMatches = new Dictionary<string, string> { ["method"] = "purchase_number" }, AfterProcessing = true, Times = 10 });
        var rows = new[] { new BatchItem<NumberPurchase>(1, new NumberPurchase { Options = new AvidTrakPurchase { NumberType = "local", Numbers = found.Select(n => n.Number).ToList() } }) };
        var run = new BatchRun<NumberPurchase>(f.Client.PurchaseBatch(), rows, 100);
        var results = await run.RunAsync(null, CancellationToken.None);

        Assert.Equal(1, f.Requests("purchase_number"));
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ((CallTrackingException)r.Exception!).Kind));
        Assert.All(results, r => Assert.Equal(1L, r.Row));
    }

    [Fact]
    public async Task Numbers_of_one_channel_share_an_assign_request()
    {
        using var f = new Fixture();
        var sids = (await f.SidsAsync()).Take(12).ToList();
        f.Sandbox.Requests.Clear();
        var rows = sids.Select((s, i) => new BatchItem<NumberChange>(i + 1, new NumberChange(s) { Options = new AvidTrakNumberUpdate { Channel = i < 8 ? "direct" : "gppc" } }));
        var results = await new BatchRun<NumberChange>(f.Client.UpdateBatch(), rows, 100).RunAsync(null, CancellationToken.None);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(2, f.Requests("assign_number"));
        var after = new List<AvidTrakTrackingNumber>();
        await foreach (var n in f.Client.ListNumbersAsync(null)) after.Add(n);
        Assert.Equal("gppc", after.Single(n => n.Id == sids[9]).Channel);
    }

    [Fact]
    public async Task A_release_without_a_location_is_refused_before_anything_is_sent()
    {
        using var f = new Fixture();
        var sid = (await f.SidsAsync()).First();
        f.Sandbox.Requests.Clear();
        var results = await new BatchRun<NumberRelease>(f.Client.ReleaseBatch(), new[] { new BatchItem<NumberRelease>(1, new NumberRelease(sid) { Options = new AvidTrakRelease() }) }, 100)
            .RunAsync(null, CancellationToken.None);
        Assert.Contains("Location", results[0].Exception!.Message);
        Assert.Contains("for good", results[0].Exception!.Message);
        Assert.Empty(f.Sandbox.Requests);
    }

    [Theory]
    [InlineData(0, 0, "startdate=2024-03-10&enddate=2024-03-12")]
    [InlineData(9, 30, "startdate=2024-03-10 09:30:00&enddate=2024-03-12 09:30:00")]
    public async Task Call_log_dates_go_out_as_a_day_or_as_a_time(int hour, int minute, string expected)
    {
        var fake = new FakeHandler { Fallback = _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("""{"code":1,"status":"Success","data":[]}""", System.Text.Encoding.UTF8, "application/json") } };
        using var c = AvidTrakTests.Open(fake);
        var log = (ICallLog)c.Client;
        var start = new DateTimeOffset(2024, 3, 10, hour, minute, 0, TimeSpan.Zero);
        await foreach (var _ in log.ListCallsAsync(new CallLogQuery { CreatedAfter = start, CreatedBefore = start.AddDays(2) }, null, CancellationToken.None)) { }
        var query = Uri.UnescapeDataString(fake.Requests.Single().Uri.Query.Replace('+', ' '));
        Assert.Contains(expected, query);
    }
}
