using CallTracking.Core.Connections;
using CallTracking.Core.Model;

namespace CallTracking.Tests.Core;

internal static class TestConnections
{
    public const string Token = "s3cr3t-token-value";

    /// <summary>A TrackDrive connection whose transport is <paramref name="handler"/>, with fast retries.</summary>
    public static CallTrackingConnection TrackDrive(HttpMessageHandler handler, int maxRetry = 3, string user = "auth_token", string secret = Token, TimeSpan? maxTotalWait = null)
        => CallTrackingConnection.Open(new ConnectionOptions
        {
            Provider = TrackDriveApi.ProviderName,
            Credential = ProviderCredential.FromPlainText(user, secret),
            BaseUri = new Uri("https://acme.trackdrive.com/api/v1/"),
            MaxRetry = maxRetry,
            RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50), MaxTotalWait = maxTotalWait ?? TimeSpan.FromSeconds(10) },
            PrimaryHandlerFactory = () => handler,
        });
}
