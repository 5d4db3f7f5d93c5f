using System;
using System.Collections.Generic;

namespace CallTracking.Sandbox
{
    /// <summary>A rented TrackDrive phone number as the sandbox holds it (read-only snapshot for tests).</summary>
    public sealed class TrackDriveNumber
    {
        internal TrackDriveNumber() { }

        public long Id { get; internal set; }
        public string Name { get; internal set; } = "";
        /// <summary>+E.164.</summary>
        public string Number { get; internal set; } = "";
        public long? OfferId { get; internal set; }
        public long? TrafficSourceId { get; internal set; }
        public long? ProviderConfigurationId { get; internal set; }
        public long? RingPoolId { get; internal set; }
        public string ProviderAuthKey { get; internal set; } = "";
        public DateTimeOffset? LastCallAt { get; internal set; }
        public IReadOnlyList<string> TokenValues { get; internal set; } = Array.Empty<string>();
        public string Country { get; internal set; } = "US";
        public long? AreaCodeId { get; internal set; }
        public DateTimeOffset? OptimizerDisplayedAt { get; internal set; }
        public DateTimeOffset? OptimizerTokensChangedAt { get; internal set; }
        public DateTimeOffset CreatedAt { get; internal set; }
        public string PlainNumber => Number.TrimStart('+');
        public string? Extension { get; internal set; }
        public string Checksum { get; internal set; } = "";
        public string HumanNumber { get; internal set; } = "";
        public bool TollFree { get; internal set; }

        internal TrackDriveNumber Clone() => (TrackDriveNumber)MemberwiseClone();

        public override string ToString() => Id + " " + Number;
    }
}
