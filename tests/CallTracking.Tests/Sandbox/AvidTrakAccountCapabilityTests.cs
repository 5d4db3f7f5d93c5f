using System.Net;
using System.Security;
using CallTracking.Core.Batching;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.Core.Validation;
using CallTracking.Sandbox;
using CallTracking.Sandbox.AvidTrak;
using static CallTracking.Tests.Sandbox.AvidTrakSandboxClient;

namespace CallTracking.Tests.Sandbox;

/// <summary>
/// The account, agency, round-robin, campaign, visit, smart-replacement and metro capabilities of the AvidTrak client, through
/// the real connection against the in-process sandbox: each request's encoding as sent (query pairs in order), both formats,
/// the sandbox's state afterwards, and the response codes each method handles.
/// </summary>
public sealed class AvidTrakAccountCapabilityTests
{
    private const string Agency = "sandbox-agency";

    /// <summary>Records every request URI the connection sends, before the sandbox handles it.</summary>
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
        public Rig(string format, string pin = AgencyPin)
        {
            Sandbox = new CallTrackingSandbox(Options());
            Recorder = new Recorder(Sandbox.CreateHandler());
            Connection = CallTrackingConnection.Open(new ConnectionOptions
            {
                Provider = AvidTrakApi.ProviderName,
                Credential = ProviderCredential.FromPlainText("", pin),
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
        public AvidTrakSandboxState State => Sandbox.AvidTrak();
        public T Cap<T>() where T : class => Connection.Capability<T>("test");

        /// <summary>The last request's query pairs after pincode/method/format, decoded, in order.</summary>
        public List<(string, string)> Last(out string method)
        {
            var uri = Recorder.Sent.Last();
            var pairs = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).Select(p => (WebUtility.UrlDecode(p[0]), WebUtility.UrlDecode(p.Length > 1 ? p[1] : ""))).ToList();
            method = pairs.Single(p => p.Item1 == "method").Item2;
            Assert.Equal(Connection.Client is AvidTrakClient c ? c.Format : "", pairs.Single(p => p.Item1 == "format").Item2);
            return pairs.Where(p => p.Item1 is not ("pincode" or "method" or "format")).ToList();
        }

        public void Dispose()
        {
            Connection.Dispose();
            Sandbox.Dispose();
        }
    }

    private static SecureString Secure(string s)
    {
        var ss = new SecureString();
        foreach (var ch in s) ss.AppendChar(ch);
        ss.MakeReadOnly();
        return ss;
    }

    private static string Plain(SecureString s) => new System.Net.NetworkCredential("", s).Password;

    public static IEnumerable<object[]> Formats() => new[] { new object[] { "json" }, new object[] { "xml" } };

    // ---- create_account, update_user_details, client_list, get_remaining_balance ----------------------------------------

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Create_account_sends_the_seed_parameters_once_and_returns_the_new_pincode_as_a_secret(string format)
    {
        using var rig = new Rig(format);
        var created = await rig.Cap<IAccountCreation>().CreateAccountAsync(new NewAccount
        {
            UserName = " acme-dental ", Password = Secure("Abc123"), AccountType = "Lite", Email = "ops@acme.example",
            ContactName = "Dana Acme", ContactNumber = "(410) 555-0123", Domain = "acme.example",
        }, CancellationToken.None);
        var sent = rig.Last(out var method);
        Assert.Equal("create_account", method);
        Assert.Equal(new[] { "userid", "password", "account_type", "email", "contact_name", "contact_number", "domain" }, sent.Select(p => p.Item1));
        Assert.Equal(("userid", "acme-dental"), sent[0]);
        Assert.Equal(("account_type", "lite"), sent[2]);
        Assert.Equal("acme-dental", created.UserName);
        Assert.True(created.HasSecret);
        var pin = Plain(created.GetSecret()!);
        Assert.Equal(rig.State.Account("acme-dental")!.Pincode, pin);
        Assert.DoesNotContain(pin, created.ToString());
        Assert.Single(rig.Recorder.Sent);
    }

    [Fact]
    public async Task Create_account_is_not_resent_after_a_dropped_connection()
    {
        using var rig = new Rig("json");
        rig.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, AfterProcessing = true });
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => rig.Cap<IAccountCreation>().CreateAccountAsync(
            new NewAccount { UserName = "once", Password = Secure("Abc123"), AccountType = "pro" }, CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Single(rig.Recorder.Sent);
        Assert.DoesNotContain("Abc123", ex.ToString());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_password_or_client_pin_the_provider_echoes_is_scrubbed_from_the_error(string format)
    {
        // ApiExecutor scrubs a request's own secret query values (password, client_pin) as well as the connection's pincode.
        using var rig = new Rig(format);
        rig.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ProviderErrorIn200, ProviderCode = "0", ProviderMessage = "Password S3cr3t-9/x+y rejected for " + AgencyPin });
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => rig.Cap<IAccountSettings>().UpdateAccountAsync(new AccountChange { Password = Secure("S3cr3t-9/x+y") }, CancellationToken.None));
        var all = ex.ToString() + ex.ProviderMessage + ex.Target;
        Assert.DoesNotContain("S3cr3t-9/x+y", all);
        Assert.DoesNotContain(Uri.EscapeDataString("S3cr3t-9/x+y"), all);
        Assert.DoesNotContain(AgencyPin, all);
        Assert.Contains("rejected", ex.Message);
    }

    [Theory]
    [InlineData("", "pro", "UserName")]
    [InlineData("x", "gold", "AccountType")]
    public void Create_account_refuses_bad_input_before_sending(string user, string type, string parameter)
    {
        using var rig = new Rig("json");
        var ex = Assert.Throws<CallTrackingArgumentException>(() => rig.Cap<IAccountCreation>().Validate(new NewAccount { UserName = user, Password = Secure("Abc123"), AccountType = type }));
        Assert.Equal(parameter, ex.ParameterName);
        Assert.Empty(rig.Recorder.Sent);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_refused_create_account_is_an_invalid_argument_with_the_status_text(string format)
    {
        using var rig = new Rig(format);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => rig.Cap<IAccountCreation>().CreateAccountAsync(
            new NewAccount { UserName = "sandbox-client-1", Password = Secure("Abc123"), AccountType = "pro" }, CancellationToken.None));
        Assert.Contains("User ID already exists", ex.Message);
        Assert.Equal("0", ex.ProviderCode);
        Assert.Equal(CallTrackingErrorKind.InvalidArgument, ex.Kind); // code 0 with the method's parameters: they were refused
        Assert.Single(rig.Recorder.Sent);                              // and an unsafe method is not re-sent
        Assert.DoesNotContain("Abc123", ex.ToString());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Update_user_details_sends_only_what_is_given(string format)
    {
        using var rig = new Rig(format);
        var settings = rig.Cap<IAccountSettings>();
        await settings.UpdateAccountAsync(new AccountChange { FullName = "Pat Agency", Email = "pat@agency.example" }, CancellationToken.None);
        var sent = rig.Last(out var method);
        Assert.Equal("update_user_details", method);
        Assert.Equal(new[] { ("fullname", "Pat Agency"), ("email", "pat@agency.example") }, sent);
        Assert.Equal(("Pat Agency", "pat@agency.example"), (rig.State.Account(Agency)!.ContactName, rig.State.Account(Agency)!.Email));

        await settings.UpdateAccountAsync(new AccountChange { Password = Secure("N3wpass") }, CancellationToken.None);
        Assert.Equal(new[] { ("password", "N3wpass") }, rig.Last(out _));
        Assert.Equal("N3wpass", rig.State.Account(Agency)!.Password);

        var none = Assert.Throws<CallTrackingArgumentException>(() => settings.Validate(new AccountChange()));
        Assert.Equal(2, rig.Recorder.Sent.Count);
        Assert.Contains("UserName", none.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Client_list_gives_each_client_its_pincode_as_a_secret(string format)
    {
        using var rig = new Rig(format);
        var clients = await rig.Cap<IAgencyClients>().ListClientsAsync(CancellationToken.None);
        Assert.Equal("client_list", (rig.Last(out var method), method).method);
        Assert.Equal(new[] { "sandbox-client-1", "sandbox-client-2", "sandbox-client-3" }, clients.Select(c => c.UserName));
        Assert.Equal(new[] { Client1Pin, Client2Pin, "sandbox-client-3-pin" }, clients.Select(c => Plain(c.GetSecret()!)));
        Assert.All(clients, c => Assert.DoesNotContain("-pin", c.ToString()));
        Assert.All(clients, c => Assert.DoesNotContain(c.Raw.Values, v => Convert.ToString(v)!.EndsWith("-pin")));
    }

    [Fact]
    public async Task Client_list_with_a_client_pincode_is_an_authentication_error()
    {
        using var rig = new Rig("json", Client1Pin);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => rig.Cap<IAgencyClients>().ListClientsAsync(CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.Authentication, ex.Kind);
        Assert.DoesNotContain(Client1Pin, ex.ToString());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Balance_is_decimal_money(string format)
    {
        using var rig = new Rig(format);
        rig.State.SetBalance(Agency, 1234.56m);
        var balance = await rig.Cap<IAccountBalance>().GetBalanceAsync(CancellationToken.None);
        Assert.Equal("get_remaining_balance", (rig.Last(out var m), m).m);
        Assert.Equal(1234.56m, balance.Balance);
        Assert.Equal("USD", balance.Currency);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_wrong_pincode_is_an_authentication_error_without_the_pincode(string format)
    {
        using var rig = new Rig(format, "wrong-pin-123");
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => rig.Cap<IAccountBalance>().GetBalanceAsync(CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.Authentication, ex.Kind);
        Assert.Equal("4", ex.ProviderCode);
        Assert.DoesNotContain("wrong-pin-123", ex.ToString());
    }

    // ---- round robin -----------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Round_robin_targets_keep_their_pairing_and_round_trip(string format)
    {
        using var rig = new Rig(format);
        var rr = rig.Cap<IRoundRobin>();
        var sid = rig.State.Account(Agency)!.Numbers.First(n => n.RoundRobin.Count == 0).Sid;
        var added = await rr.AddTargetsAsync(new RoundRobinAddition
        {
            Sid = sid, ForwardNumber = new[] { "(410) 555-0101", "+1 410 555 0102" }, Extension = new[] { "12", "" }, Label = new[] { "Front", "Back" }, UseDefaultFirst = false,
        }, CancellationToken.None);
        var sent = rig.Last(out var method);
        Assert.Equal("insert_round_robin", method);
        Assert.Equal(new[] { "sid", "forwarding_number[]", "forwarding_number[]", "extension[]", "extension[]", "label[]", "label[]", "use_default_first" }, sent.Select(p => p.Item1));
        Assert.Equal(new[] { "12", "" }, sent.Where(p => p.Item1 == "extension[]").Select(p => p.Item2));
        Assert.Equal(("use_default_first", "no"), sent.Last());
        Assert.Equal(new[] { "Front", "Back" }, added.Select(t => t.Label));

        var listed = await rr.ListTargetsAsync(sid, CancellationToken.None);
        Assert.Equal(new[] { ("sid", sid) }, rig.Last(out method));
        Assert.Equal("list_round_robin", method);
        Assert.Equal(new[] { ("+14105550101", "12", "Front"), ("+14105550102", (string?)null, "Back") }.Select(x => (x.Item1, x.Item3)),
            listed.Select(t => (t.ForwardNumber!, t.Label!)));
        Assert.Equal("12", listed[0].Extension);
        Assert.Equal(new int?[] { 1, 2 }, listed.Select(t => t.Position));

        await rr.UpdateTargetAsync(new RoundRobinChange { Sid = sid, Id = listed[1].Id, ForwardNumber = "4105550109", Label = "Side" }, CancellationToken.None);
        sent = rig.Last(out method);
        Assert.Equal("edit_round_robin", method);
        Assert.Equal(("round_robin_list_id", listed[1].Id), sent[1]);
        Assert.Contains(("label", "Side"), sent);
        Assert.Equal("Side", (await rr.ListTargetsAsync(sid, CancellationToken.None))[1].Label);

        await rr.RemoveTargetAsync(new RoundRobinRemoval { Sid = sid, Id = listed[0].Id }, CancellationToken.None);
        Assert.Equal(new[] { ("sid", sid), ("round_robin_list_id", listed[0].Id) }, rig.Last(out method));
        Assert.Equal("delete_round_robin", method);
        Assert.Single(await rr.ListTargetsAsync(sid, CancellationToken.None));
    }

    [Fact]
    public void Round_robin_lists_that_do_not_pair_are_refused_before_sending()
    {
        using var rig = new Rig("json");
        var rr = rig.Cap<IRoundRobin>();
        var sid = rig.State.Sid(Agency, 0);
        var ex = Assert.Throws<CallTrackingArgumentException>(() => rr.Validate(new RoundRobinAddition { Sid = sid, ForwardNumber = new[] { "4105550101", "4105550102" }, Label = new[] { "only one" } }));
        Assert.Equal("Label", ex.ParameterName);
        ex = Assert.Throws<CallTrackingArgumentException>(() => rr.Validate(new RoundRobinAddition { Sid = sid, ForwardNumber = new[] { "4105550101" }, Extension = new[] { "1", "2" } }));
        Assert.Equal("Extension", ex.ParameterName);
        ex = Assert.Throws<CallTrackingArgumentException>(() => rr.Validate(new RoundRobinAddition { Sid = sid, ForwardNumber = new[] { "not a number" } }));
        Assert.Equal("ForwardNumber", ex.ParameterName);
        Assert.Empty(rig.Recorder.Sent);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Deleting_an_unknown_round_robin_target_is_refused_with_the_status_text(string format)
    {
        using var rig = new Rig(format);
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => rig.Cap<IRoundRobin>().RemoveTargetAsync(new RoundRobinRemoval { Sid = rig.State.Sid(Agency, 0), Id = "999999" }, CancellationToken.None));
        Assert.Equal("0", ex.ProviderCode);
        Assert.NotEqual(CallTrackingErrorKind.Authentication, ex.Kind);
    }

    // ---- campaigns and visits ------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Lite_campaigns_are_added_and_listed_with_dates_in_the_seed_format(string format)
    {
        using var rig = new Rig(format);
        var campaigns = rig.Cap<ICampaigns>();
        var sid = rig.State.Sid(Agency, 1);
        var added = await campaigns.AddCampaignAsync(new NewCampaign { Title = "Radio spring", Sid = sid, AdGroup = "Radio", ForwardNumber = "410-555-0177", Extension = "9" }, CancellationToken.None);
        var sent = rig.Last(out var method);
        Assert.Equal("add_lite_campaign", method);
        Assert.Equal(new[] { "title", "sid", "adgroup", "forward_number", "extension" }, sent.Select(p => p.Item1));
        Assert.Equal("Radio spring", added.Title);
        Assert.False(string.IsNullOrEmpty(added.Id));

        var list = await campaigns.ListCampaignsAsync(new CampaignQuery { Start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2024, 3, 15, 13, 30, 5, TimeSpan.FromHours(1)) }, CancellationToken.None);
        Assert.Equal(new[] { ("startdate", "2024-03-01"), ("enddate", "2024-03-15 12:30:05") }, rig.Last(out method));
        Assert.Equal("lite_campaign", method);
        Assert.Contains(list, c => c.Title == "Radio spring");

        Assert.Throws<CallTrackingArgumentException>(() => campaigns.Validate(new CampaignQuery { Start = new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero) }));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Visit_data_sends_the_filter_and_period(string format)
    {
        using var rig = new Rig(format);
        var visits = rig.Cap<IVisitData>();
        var rows = await visits.GetVisitDataAsync(new VisitDataQuery { Channel = "GPPC", Start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero) }, CancellationToken.None);
        Assert.Equal(new[] { ("filter", "gppc"), ("startdate", "2024-03-01") }, rig.Last(out var method));
        Assert.Equal("visit_data", method);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("gppc", r.Channel));
        var ex = Assert.Throws<CallTrackingArgumentException>(() => visits.Validate(new VisitDataQuery { Channel = "tv" }));
        Assert.Equal("Filter", ex.ParameterName);
        Assert.Contains("bseo", ex.Message);
    }

    // ---- smart replacement and metro -----------------------------------------------------------------------------------

    /// <summary>Sends the rows (row i is input row i + 1) through the batch operation, every request confirmed.</summary>
    private static async Task<(IReadOnlyList<BatchResult> Results, BatchRun<T> Run)> RunBatch<T>(IBatchOperation<T> operation, int batchSize, params T[] rows)
    {
        var run = new BatchRun<T>(operation, rows.Select((r, i) => new BatchItem<T>(i + 1, r)), batchSize);
        return (await run.RunAsync(null, CancellationToken.None), run);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Smart_replacement_numbers_are_added_and_removed_as_site_phone_arrays(string format)
    {
        using var rig = new Rig(format);
        var smart = rig.Cap<ISmartReplacement>().ChangeSmartReplacement();
        // One input row of three numbers (one given twice) is three rows of one request.
        var (added, _) = await RunBatch(smart, 100, new SmartReplacementChange { SitePhone = new[] { "(410) 555-0190", "4105550191", "+14105550190" } });
        var sent = rig.Last(out var method);
        Assert.Equal("set_smart_replacement", method);
        Assert.Equal(new[] { "site_phone[]", "site_phone[]", "action" }, sent.Select(p => p.Item1));
        Assert.Equal(("action", "add"), sent[2]);
        var rows = added.Cast<SmartReplacementResult>().ToList();
        Assert.Equal(new[] { "+14105550190", "+14105550191", "+14105550190" }, rows.Select(n => n.SitePhone));
        Assert.All(rows, n => Assert.Equal((1L, 1, true, true), (n.Row, n.Request!.Value, n.Succeeded, n.Listed!.Value)));
        Assert.Equal("+14105550191", Assert.IsType<SmartReplacementNumber>(rows[1].Value).SitePhone);
        Assert.Equal(2, rig.State.Account(Agency)!.SmartReplacementNumbers.Count(n => n.EndsWith("4105550190") || n.EndsWith("4105550191")));

        var (removed, _) = await RunBatch(smart, 100, new SmartReplacementChange { SitePhone = new[] { "4105550191" }, Remove = true });
        Assert.Equal(("action", "delete"), rig.Last(out _).Last());
        Assert.False(((SmartReplacementResult)removed.Single()).Listed);

        // A refused request and a bad number: each is its row's failure, the bad number never sent.
        var (failed, run) = await RunBatch(smart, 100, new SmartReplacementChange { SitePhone = new[] { "4105550199" }, Remove = true }, new SmartReplacementChange { SitePhone = new[] { "12" } });
        Assert.Contains("not found", Assert.IsType<CallTrackingException>(failed[0].Exception).Message);
        Assert.Equal(BatchRowStatus.Failed, failed[1].Status);
        Assert.Null(failed[1].Request);
        Assert.Equal("SitePhone", Assert.IsType<CallTrackingArgumentException>(failed[1].Exception).ParameterName);
        Assert.Null(((SmartReplacementResult)failed[1]).Listed);
        Assert.Equal(1, run.Requests);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Smart_replacement_and_metro_rows_go_through_BatchRun_in_as_few_requests_as_the_batch_size_allows(string format)
    {
        using var rig = new Rig(format);
        // 250 numbers, 100 per request: 3 requests; the rows of Add and Remove never share one.
        var phones = Enumerable.Range(0, 250).Select(i => "+1303555" + i.ToString("D4")).ToArray();
        var before = rig.Recorder.Sent.Count;
        var (results, run) = await RunBatch(rig.Cap<ISmartReplacement>().ChangeSmartReplacement(), 100,
            phones.Select(p => new SmartReplacementChange { SitePhone = new[] { p } }).Append(new SmartReplacementChange { SitePhone = new[] { phones[0] }, Remove = true }).ToArray());
        Assert.Equal(4, run.Requests);
        Assert.Equal(4, rig.Recorder.Sent.Count - before);
        Assert.Equal(251, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(Enumerable.Range(1, 251).Select(i => (long)i), results.Select(r => r.Row));
        Assert.Equal(new[] { 1, 2, 3, 4 }, results.Select(r => r.Request!.Value).Distinct());
        Assert.DoesNotContain("3035550000", rig.State.Account(Agency)!.SmartReplacementNumbers);
        Assert.Contains("3035550249", rig.State.Account(Agency)!.SmartReplacementNumbers);

        // Metro: the rows of one site id share a request; 4 SIDs for one site and 1 for another, 2 per request: 2 + 1.
        var metro = rig.Cap<IMetroNumbers>();
        var a = await metro.AddSiteAsync(new NewMetroSite { SiteNumber = "4105550150", Title = "A", ForwardNumber = "4105550151" }, CancellationToken.None);
        var b = await metro.AddSiteAsync(new NewMetroSite { SiteNumber = "4105550160", Title = "B", ForwardNumber = "4105550161" }, CancellationToken.None);
        var sids = Enumerable.Range(0, 5).Select(i => rig.State.Sid(Agency, i)).ToArray();
        before = rig.Recorder.Sent.Count;
        var (allocated, metroRun) = await RunBatch(metro.Allocate(), 2,
            new MetroAllocation { SiteId = a.SiteId, Sid = sids.Take(3).ToArray() },
            new MetroAllocation { SiteId = b.SiteId, Sid = new[] { sids[4] } },
            new MetroAllocation { SiteId = a.SiteId, Sid = new[] { sids[3] } });
        Assert.Equal(3, metroRun.Requests);
        Assert.Equal(3, rig.Recorder.Sent.Count - before);
        var rows = allocated.Cast<MetroAllocationResult>().ToList();
        Assert.Equal(new long[] { 1, 1, 1, 2, 3 }, rows.Select(r => r.Row));
        Assert.Equal(new[] { sids[0], sids[1], sids[2], sids[4], sids[3] }, rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.True(r.Succeeded));
        Assert.Equal(new[] { a.SiteId, a.SiteId, a.SiteId, b.SiteId, a.SiteId }, rows.Select(r => r.SiteId));
        var listed = await metro.ListSitesAsync(CancellationToken.None);
        Assert.Equal(4, listed.Single(s => s.SiteId == a.SiteId).TrackingNumbers.Count);
        Assert.Single(listed.Single(s => s.SiteId == b.SiteId).TrackingNumbers);

        // A SID the provider names fails with its message; the other rows of that request are reported as refused for it (sent once).
        var (refused, _) = await RunBatch(metro.Allocate(), 100, new MetroAllocation { SiteId = a.SiteId, Sid = new[] { sids[0], "PNzz" } });
        Assert.Contains("PNzz", refused[1].Exception!.Message);
        Assert.Contains("may not be repeated", refused[0].Exception!.Message);
        Assert.All(refused, r => Assert.Equal(BatchRowStatus.Failed, r.Status));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Metro_site_numbers_are_added_allocated_listed_and_removed(string format)
    {
        using var rig = new Rig(format);
        var metro = rig.Cap<IMetroNumbers>();
        var site = await metro.AddSiteAsync(new NewMetroSite { SiteNumber = "(410) 555-0150", Title = "Baltimore page", ForwardNumber = "4105550151" }, CancellationToken.None);
        var sent = rig.Last(out var method);
        Assert.Equal("add_metro_site_number", method);
        Assert.Equal(new[] { "site_number", "Title", "forward_number" }, sent.Select(p => p.Item1));
        Assert.Equal(("+14105550150", "Baltimore page", "+14105550151"), (site.SiteNumber, site.Title, site.ForwardNumber));
        Assert.False(string.IsNullOrEmpty(site.SiteId));

        var sids = new[] { rig.State.Sid(Agency, 2), rig.State.Sid(Agency, 3) };
        var (allocated, _) = await RunBatch(metro.Allocate(), 100, new MetroAllocation { SiteId = site.SiteId, Sid = sids });
        Assert.All(allocated, r => Assert.True(r.Succeeded));
        Assert.Equal(new[] { ("sid[]", sids[0]), ("sid[]", sids[1]), ("site_id", site.SiteId) }, rig.Last(out method));
        Assert.Equal("add_metro_site_number", method);

        var listed = (await metro.ListSitesAsync(CancellationToken.None)).Single(s => s.SiteId == site.SiteId);
        Assert.Equal("list_metro_numbers", (rig.Last(out method), method).method);
        Assert.Equal(2, listed.TrackingNumbers.Count);
        for (var i = 0; i < 2; i++)
        {
            var digits = new string(rig.State.FindNumber(sids[i])!.Value.Number.Number.Where(char.IsDigit).ToArray());
            Assert.EndsWith(digits.Substring(digits.Length - 10), listed.TrackingNumbers[i]);
            Assert.StartsWith("+", listed.TrackingNumbers[i]);
        }

        await metro.RemoveSiteAsync(site.SiteId, CancellationToken.None);
        Assert.Equal(new[] { ("site_id", site.SiteId) }, rig.Last(out method));
        Assert.Equal("remove_metro_site_number", method);
        Assert.DoesNotContain(await metro.ListSitesAsync(CancellationToken.None), s => s.SiteId == site.SiteId);

        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => metro.RemoveSiteAsync(site.SiteId, CancellationToken.None));
        Assert.Contains("not found", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("SiteId", Assert.Throws<CallTrackingArgumentException>(() => metro.ValidateSiteId("  ")).ParameterName);
        Assert.Equal("Sid", Assert.Throws<CallTrackingArgumentException>(() => metro.Allocate().Validate(new MetroAllocation { SiteId = "1", Sid = Array.Empty<string>() })).ParameterName);
        Assert.Equal("SiteId", Assert.Throws<CallTrackingArgumentException>(() => metro.Allocate().Validate(new MetroAllocation { SiteId = " ", Sid = new[] { sids[0] } })).ParameterName);
    }

    // ---- response codes common to every method -------------------------------------------------------------------------

    [Theory]
    [InlineData("3", CallTrackingErrorKind.Authentication)]
    [InlineData("4", CallTrackingErrorKind.Authentication)]
    [InlineData("401", CallTrackingErrorKind.Authentication)]
    [InlineData("404", CallTrackingErrorKind.NotSupported)]
    [InlineData("6", CallTrackingErrorKind.InvalidArgument)]
    [InlineData("0", CallTrackingErrorKind.ProviderFailure)]
    [InlineData("77", CallTrackingErrorKind.ProviderFailure)]
    public async Task Provider_codes_become_the_right_error_kind(string code, CallTrackingErrorKind kind)
    {
        using var rig = new Rig("json");
        rig.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ProviderErrorIn200, ProviderCode = code, ProviderMessage = "refused " + code });
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => rig.Cap<IMetroNumbers>().ListSitesAsync(CancellationToken.None));
        Assert.Equal(kind, ex.Kind);
        Assert.Contains("refused " + code, ex.Message);
        Assert.Single(rig.Recorder.Sent);
    }
}
