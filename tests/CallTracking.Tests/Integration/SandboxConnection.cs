using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;

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
            Seed = 7,
            Anchor = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        }.Use(new TrackDriveOptions { CallCount = calls, NumberCount = numbers }));
        var trackDrive = Sandbox.Emulator<TrackDriveEmulator>().Options;
        var options = new ConnectionOptions
        {
            Provider = TrackDriveApi.ProviderName,
            Credential = basic
                ? ProviderCredential.FromPlainText(trackDrive.PublicKey, trackDrive.PrivateKey)
                : ProviderCredential.FromPlainText("auth_token", trackDrive.AuthToken),
            MaxRetry = maxRetry,
            RetryTiming = new RetryTiming { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50), MaxTotalWait = TimeSpan.FromSeconds(30) },
            IsSandbox = true,
        };
        if (transport == Transport.InProcess)
        {
            options.BaseUri = Sandbox.TrackDriveBaseUri();
            options.PrimaryHandlerFactory = Sandbox.CreateHandler;
        }
        else
        {
            Sandbox.Start();
            options.BaseUri = Sandbox.TrackDriveBaseUri();
        }
        Connection = CallTrackingConnection.Open(options);
    }

    public void Dispose()
    {
        Connection.Dispose();
        Sandbox.Dispose();
    }
}
