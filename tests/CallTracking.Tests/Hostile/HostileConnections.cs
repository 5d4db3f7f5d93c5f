using CallTracking.Core.Connections;
using CallTracking.Core.Model;

namespace CallTracking.Tests.Hostile;

/// <summary>A TrackDrive connection to a hostile server, over the module's own transport, with short retry waits.</summary>
internal static class HostileConnections
{
    public static CallTrackingConnection TrackDrive(HostileServer server, int maxRetry = 0, TimeSpan? timeout = null,
        long maxResponseBytes = 256L * 1024 * 1024, string user = "auth_token", string secret = "token-value")
        => CallTrackingConnection.Open(new ConnectionOptions
        {
            Provider = TrackDriveApi.ProviderName,
            Credential = ProviderCredential.FromPlainText(user, secret),
            BaseUri = server.BaseUri,
            MaxRetry = maxRetry,
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
            MaxResponseBytes = maxResponseBytes,
            RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(20), MaxTotalWait = TimeSpan.FromSeconds(10) },
        });
}
