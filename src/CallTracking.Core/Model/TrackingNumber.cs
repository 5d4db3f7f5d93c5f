using System;
using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>A tracking number rented from a provider.</summary>
    public sealed class TrackingNumber : ProviderRecord
    {
        public TrackingNumber(ProviderName provider, string id, string number, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, id, raw)
        {
            Number = number ?? throw new ArgumentNullException(nameof(number));
        }

        /// <summary>The number in E.164 form (+15551234567).</summary>
        public string Number { get; }
        public string? Name { get; set; }
        /// <summary>ISO 3166-1 alpha-2 country code.</summary>
        public string? Country { get; set; }
        public bool? TollFree { get; set; }
        public long? OfferId { get; set; }
        public long? TrafficSourceId { get; set; }
        public long? ProviderConfigurationId { get; set; }
        public long? RingPoolId { get; set; }
        /// <summary>Where calls to this number are forwarded, E.164, where the provider has that notion.</summary>
        public string? ForwardTo { get; set; }
        public IReadOnlyList<string> TokenValues { get; set; } = Array.Empty<string>();
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? LastCallAt { get; set; }

        public override string ToString() => Number;
    }
}
