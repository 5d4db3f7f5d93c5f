using System;
using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>One call in a provider's call log.</summary>
    public sealed class CallRecord : ProviderRecord
    {
        public CallRecord(ProviderName provider, string id, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, id, raw)
        {
        }

        public string? Uuid { get; set; }
        /// <summary>The tracking number that was called, E.164.</summary>
        public string? CalledNumber { get; set; }
        public string? CallerNumber { get; set; }
        /// <summary>Where the call was forwarded to, E.164.</summary>
        public string? ConnectedTo { get; set; }
        public string? Status { get; set; }
        public bool? InProgress { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? EndedAt { get; set; }
        public TimeSpan? TotalDuration { get; set; }
        public TimeSpan? AnsweredDuration { get; set; }
        public TimeSpan? HoldDuration { get; set; }
        public TimeSpan? IvrDuration { get; set; }
        public decimal? Revenue { get; set; }
        public decimal? Payout { get; set; }
        public decimal? Cost { get; set; }
        public decimal? ProviderCost { get; set; }
        public string? Offer { get; set; }
        public string? TrafficSource { get; set; }
        public string? Buyer { get; set; }
        public string? CallerCity { get; set; }
        public string? CallerCountry { get; set; }
        public string? RecordingUrl { get; set; }
        public string? HangupReason { get; set; }
        public string? ObfuscatedCallerNumber { get; set; }
        /// <summary>Tokens the call was tagged with, as key:value.</summary>
        public IReadOnlyList<string> TokenValues { get; set; } = Array.Empty<string>();
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
