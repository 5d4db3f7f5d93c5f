using System;
using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>
    /// A tracking number, as every provider has one: its id, the number in E.164, a name, where its calls go, when it was
    /// made. A provider's own fields are typed on its subclass (an offer, a channel…); the rest is Raw.
    /// </summary>
    public class TrackingNumber : ProviderRecord
    {
        public TrackingNumber(string provider, string id, string number, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, id, raw)
        {
            Number = number ?? throw new ArgumentNullException(nameof(number));
        }

        /// <summary>The number in E.164 form (+15551234567); as sent when it could not be read as a phone number.</summary>
        public string Number { get; }
        public string? Name { get; set; }
        /// <summary>ISO 3166-1 alpha-2 country code.</summary>
        public string? Country { get; set; }
        /// <summary>True/false when the provider says so; null when the reply does not (never guessed from the number).</summary>
        public bool? TollFree { get; set; }
        /// <summary>Where calls to this number are forwarded, E.164, where the provider has that notion.</summary>
        public string? ForwardTo { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }

        public override string Kind => "number";

        public override string ToString() => Number;
    }
}
