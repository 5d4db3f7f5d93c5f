using System.Text.Json;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.Avanser;
using CallTracking.PowerShell.Providers.Avanser;
using CallTracking.Sandbox;
using CallTracking.Sandbox.Avanser;
using CallTracking.Tests.Sandbox;
using AvanserService = CallTracking.Core.Providers.Avanser.AvanserService;
using AvanserStockNumber = CallTracking.Core.Providers.Avanser.AvanserStockNumber;

namespace CallTracking.Tests.Integration;

/// <summary>
/// The AVANSER Telco API through the module's client and the emulator (docs/wire-avanser.md): each method's request on
/// the wire and its reply read into AvanserService, AvanserStockNumber and ProvisioningRequest; a submit sent once when its
/// connection drops; a failing request reported as failed; waiting for many requests together.
/// </summary>
public class AvanserProvisioningTests
{
    private sealed class Rig : IDisposable
    {
        public Rig(AvanserOptions? avanser = null)
        {
            Sandbox = new CallTrackingSandbox(AvanserSandboxClient.Options(avanser));
            var options = new ConnectionOptions
            {
                Provider = "Avanser",
                PrimaryHandlerFactory = Sandbox.CreateHandler,
                RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(10), MaxTotalWait = TimeSpan.FromSeconds(10) },
            };
            new AvanserCmdletSupport().ConnectToSandbox(options, Sandbox);
            Connection = CallTrackingConnection.Open(options);
        }

        public CallTrackingSandbox Sandbox { get; }
        public CallTrackingConnection Connection { get; }
        public AvanserClient Client => (AvanserClient)Connection.Client;
        public SandboxRequest Last => Sandbox.Requests.Last();
        public int Count(string operation) => Sandbox.Requests.Count(r => r.Operation == operation);
        public void Complete() => Sandbox.Clock.Advance(TimeSpan.FromSeconds(6));

        public void Dispose()
        {
            Connection.Dispose();
            Sandbox.Dispose();
        }
    }

    private static NumberPurchase Transfer(string customId = "ad-9", string? group = "online") => new NumberPurchase
    {
        Options = new AvanserServiceRequest
        {
            ServiceType = "transfer", AnswerPoint = "+61299990000", CustomId = customId, CustomGroup = group,
            EmailNotifications = new[] { "ops@example.com" }, SmsNotifications = new[] { "+61400111222" },
            CallbackUri = "https://example.com/cb?caller=[[ani]]&custom_id=[[tag]]",
        },
    };

    [Fact]
    public async Task Get_TrackingNumber_lists_services_with_their_settings()
    {
        using var rig = new Rig();
        var services = new List<TrackingNumber>();
        await foreach (var s in rig.Client.ListNumbersAsync(new NumberQuery { Options = new AvanserServiceQuery { CustomGroup = "online" } }, null, CancellationToken.None)) services.Add(s);
        Assert.Equal("GET", rig.Last.Method);
        Assert.EndsWith("/services", rig.Last.Path);
        Assert.Equal("online", rig.Last.Query["custom_group"]);
        Assert.Equal(2, services.Count);
        var first = Assert.IsType<AvanserService>(services[0]);
        Assert.Equal("ad-1", first.CustomId);
        Assert.Equal("online", first.CustomGroup);
        Assert.Equal("Transfer", first.ServiceType);
        Assert.StartsWith("+61", first.Number);
        Assert.DoesNotContain("-", first.Number);
        Assert.StartsWith("+61", first.Target);
        Assert.Contains("calls@example.com.au", first.EmailNotifications);
        Assert.Equal("active", first.Status);

        var one = Assert.IsType<AvanserService>(await rig.Client.GetNumberAsync(first.Id, CancellationToken.None));
        Assert.EndsWith("/services/" + first.Id, rig.Last.Path);
        Assert.Equal(first.Number, one.Number);
        var byNumber = await rig.Client.GetNumberAsync(first.Number, CancellationToken.None);
        Assert.Equal(first.Id, byNumber.Id);
    }

    [Fact]
    public async Task Find_TrackingNumber_lists_stock_of_a_class_private_first()
    {
        using var rig = new Rig();
        var stock = await rig.Client.SearchNumbersAsync(new NumberSearch { Options = new AvanserStockSearch { NumberClass = "mobile", Limit = 8 } }, CancellationToken.None);
        Assert.Equal("MOBILE", rig.Last.Query["number_class"]);
        Assert.Equal("8", rig.Last.Query["limit"]);
        Assert.Equal(8, stock.Count);
        var typed = stock.Cast<AvanserStockNumber>().ToList();
        Assert.All(typed, n => Assert.Equal("MOBILE", n.NumberClass));
        Assert.Equal(new[] { "private", "private", "private", "private", "private", "public", "public", "public" }, typed.Select(n => n.Pool));
        Assert.Throws<CallTracking.Core.Validation.CallTrackingArgumentException>(() => rig.Client.Validate(new NumberSearch { Options = new AvanserStockSearch { NumberClass = "LOCAL" } }));
    }

    [Fact]
    public async Task New_TrackingNumber_posts_the_service_and_returns_the_pending_request_at_once()
    {
        using var rig = new Rig();
        var request = await rig.Client.RequestNumberAsync(Transfer(), CancellationToken.None);
        Assert.Equal("POST", rig.Last.Method);
        Assert.EndsWith("/services", rig.Last.Path);
        using (var body = JsonDocument.Parse(rig.Last.Body!))
        {
            var b = body.RootElement;
            Assert.Equal("Transfer", b.GetProperty("service_type").GetString());
            Assert.Equal("GEO", b.GetProperty("number_class").GetString());
            // Numbers go in the Telco API's own form, +CC-LOCAL with the trunk 0 [seed].
            Assert.Equal("+61-0299990000", b.GetProperty("target").GetString());
            Assert.Equal("ad-9", b.GetProperty("custom_id").GetString());
            Assert.Equal("online", b.GetProperty("custom_group").GetString());
            Assert.Equal("ops@example.com", b.GetProperty("email_notifications")[0].GetString());
            Assert.Equal("+61-0400111222", b.GetProperty("sms_notifications")[0].GetString());
            Assert.Equal("https://example.com/cb?caller=[[ani]]&custom_id=[[tag]]", b.GetProperty("callback_uri").GetString());
        }
        Assert.StartsWith("PR", request.Id);
        Assert.Equal("new", request.Type);
        Assert.Equal(ProvisioningState.Pending, request.State);
        Assert.NotNull(request.Number);
        Assert.NotNull(request.NumberId);
        Assert.Equal("ad-9", request.CustomId);

        rig.Complete();
        var done = await rig.Client.GetRequestAsync(request.Id, CancellationToken.None);
        Assert.EndsWith("/requests/" + request.Id, rig.Last.Path);
        Assert.Equal(ProvisioningState.Completed, done.State);
        Assert.NotNull(done.CompletedAt);
        Assert.Null(done.Error);
        var listed = await rig.Client.ListRequestsAsync(new AvanserRequestQuery { Status = "completed" }, CancellationToken.None);
        Assert.Equal("completed", rig.Last.Query["status"]);
        Assert.Contains(listed, r => r.Id == request.Id);
    }

    [Fact]
    public async Task New_TrackingNumber_takes_a_number_of_the_stock_in_any_form()
    {
        using var rig = new Rig();
        var stock = (await rig.Client.SearchNumbersAsync(new NumberSearch { Options = new AvanserStockSearch { NumberClass = "TOLLFREE" } }, CancellationToken.None)).ToList();
        var wanted = stock[1].Number; // E.164, as Find-TrackingNumber shows it
        var purchase = new NumberPurchase { Options = new AvanserServiceRequest { ServiceType = "VoiceMail", Recording = "hello.wav", NumberClass = "TOLLFREE", Number = wanted } };
        var request = await rig.Client.RequestNumberAsync(purchase, CancellationToken.None);
        using (var body = JsonDocument.Parse(rig.Last.Body!))
            Assert.Equal("+61-" + wanted.Substring(3), body.RootElement.GetProperty("number").GetString()); // toll-free: no trunk 0
        Assert.Equal(wanted, request.Number);

        var geo = (await rig.Client.SearchNumbersAsync(new NumberSearch { Options = new AvanserStockSearch { NumberClass = "GEO" } }, CancellationToken.None)).First().Number;
        var national = "0" + geo.Substring(3); // 02 8970 0000 typed as a national number
        var second = await rig.Client.RequestNumberAsync(new NumberPurchase { Options = new AvanserServiceRequest { ServiceType = "VoiceMail", Recording = "a.wav", Number = national } }, CancellationToken.None);
        using (var body = JsonDocument.Parse(rig.Last.Body!))
            Assert.Equal("+61-" + national, body.RootElement.GetProperty("number").GetString());
        Assert.Equal(geo, second.Number);
    }

    [Fact]
    public void New_TrackingNumber_checks_the_service_before_sending()
    {
        using var rig = new Rig();
        Assert.Throws<CallTracking.Core.Validation.CallTrackingArgumentException>(() => rig.Client.Validate(new NumberPurchase { Options = new AvanserServiceRequest { ServiceType = "Transfer" } }));
        Assert.Throws<CallTracking.Core.Validation.CallTrackingArgumentException>(() => rig.Client.Validate(new NumberPurchase { Options = new AvanserServiceRequest { ServiceType = "VoiceMail" } }));
        Assert.Throws<CallTracking.Core.Validation.CallTrackingArgumentException>(() => rig.Client.Validate(new NumberPurchase { Options = new AvanserServiceRequest { ServiceType = "Fax", Recording = "r" } }));
        rig.Client.Validate(new NumberPurchase { Options = new AvanserServiceRequest { ServiceType = "Prompt", Recording = "welcome" } });
        Assert.Equal(0, rig.Count("Avanser.NewService"));
    }

    [Fact]
    public async Task Set_and_Remove_TrackingNumber_put_and_delete_the_service_as_requests()
    {
        using var rig = new Rig();
        var update = await rig.Client.RequestChangeAsync(new NumberChange("SV1000") { Options = new AvanserServiceRequest { Name = "Renamed", Recording = "hold" } }, CancellationToken.None);
        Assert.Equal("PUT", rig.Last.Method);
        Assert.EndsWith("/services/SV1000", rig.Last.Path);
        using (var body = JsonDocument.Parse(rig.Last.Body!))
            Assert.Equal(new[] { "name", "recording" }, body.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n));
        Assert.Equal("update", update.Type);
        Assert.Equal("SV1000", update.NumberId);
        Assert.Throws<CallTracking.Core.Validation.CallTrackingArgumentException>(() => rig.Client.Validate(new NumberChange("SV1000") { Options = new AvanserServiceRequest() }));

        var remove = await rig.Client.RequestReleaseAsync(new NumberRelease("SV1001"), CancellationToken.None);
        Assert.Equal("DELETE", rig.Last.Method);
        Assert.EndsWith("/services/SV1001", rig.Last.Path);
        Assert.Equal("decommission", remove.Type);
        rig.Complete();
        var finished = await ProvisioningWait.WaitAsync(rig.Client, new[] { update, remove }, TimeSpan.FromSeconds(5), null, CancellationToken.None, TimeSpan.FromMilliseconds(1));
        Assert.All(finished, r => Assert.Equal(ProvisioningState.Completed, r.State));
    }

    [Fact]
    public async Task A_new_service_is_sent_once_when_its_connection_drops()
    {
        using var rig = new Rig();
        rig.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Operation = "Avanser.NewService", AfterProcessing = true, Times = 1 });
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => rig.Client.RequestNumberAsync(Transfer(), CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Equal(1, rig.Count("Avanser.NewService"));
    }

    [Fact]
    public async Task A_decommission_is_sent_once_when_its_connection_drops()
    {
        using var rig = new Rig();
        rig.Sandbox.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Operation = "Avanser.DecommissionService", AfterProcessing = true, Times = 1 });
        var ex = await Assert.ThrowsAsync<CallTrackingException>(() => rig.Client.RequestReleaseAsync(new NumberRelease("SV1002"), CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Equal(1, rig.Count("Avanser.DecommissionService"));
    }

    [Fact]
    public async Task A_failing_request_is_reported_failed_with_its_reason()
    {
        using var rig = new Rig();
        var request = await rig.Client.RequestNumberAsync(Transfer("sandbox-fail"), CancellationToken.None);
        var good = await rig.Client.RequestNumberAsync(Transfer("ad-10"), CancellationToken.None);
        rig.Complete();
        var finished = await ProvisioningWait.WaitAsync(rig.Client, new[] { request, good }, TimeSpan.FromSeconds(5), null, CancellationToken.None, TimeSpan.FromMilliseconds(1));
        Assert.Equal(ProvisioningState.Failed, finished[0].State);
        Assert.Equal("failed", finished[0].Status);
        Assert.False(string.IsNullOrEmpty(finished[0].Error));
        Assert.Equal(ProvisioningState.Completed, finished[1].State);
    }

    [Fact]
    public async Task Waiting_stops_at_the_timeout_with_the_request_still_pending()
    {
        using var rig = new Rig();
        var request = await rig.Client.RequestNumberAsync(Transfer(), CancellationToken.None);
        var progress = new List<(int, int)>();
        var finished = await ProvisioningWait.WaitAsync(rig.Client, new[] { request }, TimeSpan.FromMilliseconds(50), (d, t) => progress.Add((d, t)), CancellationToken.None, TimeSpan.FromMilliseconds(10));
        Assert.Equal(ProvisioningState.Pending, finished[0].State);
        Assert.All(progress, p => Assert.Equal((0, 1), p));
    }
}
