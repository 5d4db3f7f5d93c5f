using System;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>TrackDrive conveniences over the provider-neutral sandbox API (the sandbox itself names no provider).</summary>
    public static class TrackDriveSandboxExtensions
    {
        /// <summary>http://127.0.0.1:PORT/api/v1/ while listening, else https://sandbox.trackdrive.invalid/api/v1/;
        /// the same as <c>sandbox.BaseUriFor("TrackDrive")</c>.</summary>
        public static Uri TrackDriveBaseUri(this CallTrackingSandbox sandbox)
        {
            if (sandbox is null) throw new ArgumentNullException(nameof(sandbox));
            return sandbox.BaseUriFor(TrackDriveEmulator.ProviderName);
        }

        /// <summary>The TrackDrive emulator's numbers and calls, for assertions.</summary>
        public static TrackDriveSandboxState TrackDrive(this CallTrackingSandbox sandbox)
        {
            if (sandbox is null) throw new ArgumentNullException(nameof(sandbox));
            return sandbox.Emulator<TrackDriveEmulator>().State;
        }

        /// <summary>The TrackDrive option object of these sandbox options (created with its defaults on first use).</summary>
        public static TrackDriveOptions TrackDrive(this SandboxOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            return options.For<TrackDriveOptions>();
        }
    }
}
