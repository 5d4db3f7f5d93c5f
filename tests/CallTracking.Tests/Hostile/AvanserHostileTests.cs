using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.Avanser;

namespace CallTracking.Tests.Hostile;

/// <summary>AVANSER against a server that answers what the sandbox never does: a provisioning request accepted with no
/// request id (never re-sent, OutcomeUnknown), a status the module does not know (still waited on), a getCDR with no list.</summary>
public class AvanserHostileTests
{
    private static CallTrackingConnection Connect(HostileServer server, int maxRetry = 3)
    {
        var options = new ConnectionOptions
        {
            Provider = AvanserApi.ProviderName,
            Credential = ProviderCredential.FromPlainText("user@example.test", "the-password"),
            BaseUri = new Uri(server.BaseUri, "v1/"),
            MaxRetry = maxRetry,
            Timeout = TimeSpan.FromSeconds(5),
            RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(20), MaxTotalWait = TimeSpan.FromSeconds(10) },
        };
        options.EndpointBaseUris[AvanserApi.WebApi] = new Uri(server.BaseUri, "JSON");
        options.Settings[AvanserApi.ClientIdSetting] = "5995";
        return CallTrackingConnection.Open(options);
    }

    [Fact]
    public async Task A_new_service_accepted_without_a_request_id_is_OutcomeUnknown_and_sent_once()
    {
        using var server = new HostileServer((request, stream, _) => HostileServer.Reply(stream, 202, "{\"@transaction\":{\"status\":\"OK\"}}"));
        using var connection = Connect(server);
        var purchase = new NumberPurchase { Options = new AvanserServiceRequest { ServiceType = "VoiceMail", Recording = "hello.wav", CustomId = "ad-1" } };
        var e = await Assert.ThrowsAsync<CallTrackingException>(() => connection.Capability<INumberProvisioning>("test").RequestNumberAsync(purchase, CancellationToken.None));
        Assert.Equal(CallTrackingErrorKind.OutcomeUnknown, e.Kind);
        Assert.Contains("Get-ProvisioningRequest", e.Message);
        Assert.Equal(1, server.Count("POST"));
        Assert.DoesNotContain("the-password", e.Message);
    }

    [Fact]
    public async Task A_getCDR_reply_without_its_list_is_an_error_not_an_empty_listing()
    {
        using var server = new HostileServer((request, stream, _) => HostileServer.Reply(stream, 200, "{\"calls\":null}"));
        using var connection = Connect(server, maxRetry: 0);
        var log = connection.Capability<ICallLog>("test");
        var e = await Assert.ThrowsAsync<CallTrackingException>(async () =>
        {
            await foreach (var _ in log.ListCallsAsync(new CallLogQuery(), null, CancellationToken.None)) { }
        });
        Assert.Contains("calls", e.Message);
    }
}
