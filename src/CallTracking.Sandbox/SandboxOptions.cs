using System;

namespace CallTracking.Sandbox
{
    /// <summary>Shape of the sandbox's generated data and the credentials it accepts.</summary>
    public sealed class SandboxOptions
    {
        public int Seed { get; set; } = 42;

        /// <summary>TrackDrive calls; computed on demand, so millions cost no memory.</summary>
        public long CallCount { get; set; } = 5000;

        /// <summary>TrackDrive phone numbers initially rented.</summary>
        public int NumberCount { get; set; } = 25;

        /// <summary>The newest call's created_at; default (unset) = UtcNow truncated to the hour at construction.</summary>
        public DateTimeOffset Anchor { get; set; }

        /// <summary>Calls are spread evenly (newest = index 0) over this span before <see cref="Anchor"/>.</summary>
        public TimeSpan CallSpan { get; set; } = TimeSpan.FromDays(90);

        /// <summary>The newest N calls are in progress until hung up.</summary>
        public int InProgressCount { get; set; } = 3;

        public string TrackDriveAuthToken { get; set; } = "sandbox-token";
        public string TrackDrivePublicKey { get; set; } = "sandbox-public";
        public string TrackDrivePrivateKey { get; set; } = "sandbox-private";
    }
}
