using System;
using System.Collections.Generic;
using CallTracking.Core.Model;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>A TrackDrive call: the shared fields plus every documented TrackDrive column, typed.</summary>
    public sealed class TrackDriveCallRecord : CallRecord
    {
        public TrackDriveCallRecord(string id, IReadOnlyDictionary<string, object?>? raw = null)
            : base(TrackDriveApi.ProviderName, id, raw)
        {
        }

        public string? Uuid { get; set; }
        public TimeSpan? HoldDuration { get; set; }
        public TimeSpan? IvrDuration { get; set; }
        public decimal? Revenue { get; set; }
        public decimal? Payout { get; set; }
        public decimal? Cost { get; set; }
        public decimal? ProviderCost { get; set; }
        public string? Offer { get; set; }
        public string? TrafficSource { get; set; }
        public string? Buyer { get; set; }
        public string? HangupReason { get; set; }
        public string? ObfuscatedCallerNumber { get; set; }
        /// <summary>Tokens the call was tagged with, as key:value.</summary>
        public IReadOnlyList<string> TokenValues
        {
            get => _tokenValues;
            set => _tokenValues = ValueList.Of(value);
        }

        private ValueList _tokenValues = ValueList.Empty;
        public long? UserOfferId { get; set; }
        public long? UserTrafficSourceId { get; set; }
        public long? UserBuyerId { get; set; }
        public string? SubId { get; set; }
        public long? RingPoolId { get; set; }
        public bool? BuyerConverted { get; set; }
        public bool? BuyerRepeatCaller { get; set; }
        public bool? TrafficSourceConverted { get; set; }
        public bool? TrafficSourceRepeatCaller { get; set; }
        /// <summary>The telephony carrier's id of the call.</summary>
        public string? CallSid { get; set; }
        /// <summary>The telephony carrier that handled the call (TrackDrive's "provider" column).</summary>
        public string? TelephonyProvider { get; set; }
        public long? OutgoingWebhooksCount { get; set; }

        public override string ToString() => Uuid ?? Id;
    }
}
