using CallTracking.Core.Connections;
using CallTracking.Core.Providers.TrackDrive;

namespace CallTracking.Tests.Core;

internal static class ConnectionExtensions
{
    /// <summary>The TrackDrive client behind a TrackDrive connection (cmdlets go through capabilities; tests call it directly).</summary>
    public static TrackDriveClient TrackDrive(this CallTrackingConnection connection) => (TrackDriveClient)connection.Client;
}
