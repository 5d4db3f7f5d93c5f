using System;
using System.Collections.Generic;
using CallTracking.Core.Model;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>A TrackDrive phone number: the shared fields plus TrackDrive's offer, traffic source, ring pool and tokens.</summary>
    public sealed class TrackDriveTrackingNumber : TrackingNumber
    {
        public TrackDriveTrackingNumber(string id, string number, IReadOnlyDictionary<string, object?>? raw = null)
            : base(TrackDriveApi.ProviderName, id, number, raw)
        {
        }

        public long? OfferId { get; set; }
        public long? TrafficSourceId { get; set; }
        public long? ProviderConfigurationId { get; set; }
        public long? RingPoolId { get; set; }
        public IReadOnlyList<string> TokenValues
        {
            get => _tokenValues;
            set => _tokenValues = ValueList.Of(value);
        }

        private ValueList _tokenValues = ValueList.Empty;
        public DateTimeOffset? LastCallAt { get; set; }
    }
}
