using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Sandbox;

namespace CallTracking.Tests.Integration;

/// <summary>How the core meets the sandbox: in-process (a handler) or over a loopback socket (HttpListener).</summary>
public enum Transport { InProcess, Loopback }

internal sealed class SandboxConnection : IDisposable
{
    public CallTrackingSandbox Sandbox { get; }
    public CallTrackingConnection Connection { get; }

    public SandboxConnection(Transport transport, long calls = 5000, int numbers = 25, bool basic = false, int maxRetry = 4)
    {
        Sandbox = new CallTrackingSandbox(new SandboxOptions
        {
            CallCount = calls, NumberCount = numbers, Seed = 7,
            Anchor = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        });
        var options = new ConnectionOptions
        {
            Provider = TrackDriveApi.ProviderName,
            Credential = basic
                ? ProviderCredential.FromPlainText(Sandbox.Options.TrackDrivePublicKey, Sandbox.Options.TrackDrivePrivateKey)
                : ProviderCredential.FromPlainText("auth_token", Sandbox.Options.TrackDriveAuthToken),
            MaxRetry = maxRetry,
            RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50), MaxTotalWait = TimeSpan.FromSeconds(30) },
            IsSandbox = true,
        };
        if (transport == Transport.InProcess)
        {
            options.BaseUri = Sandbox.TrackDriveBaseUri;
            options.PrimaryHandlerFactory = Sandbox.CreateHandler;
        }
        else
        {
            Sandbox.Start();
            options.BaseUri = Sandbox.TrackDriveBaseUri;
        }
        Connection = CallTrackingConnection.Open(options);
    }

    public void Dispose()
    {
        Connection.Dispose();
        Sandbox.Dispose();
    }
}
