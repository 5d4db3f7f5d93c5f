using System;
using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>
    /// A number a provider offers to buy (Find-TrackingNumber). Its properties are named as the buying cmdlet's parameters,
    /// so it pipes into New-TrackingNumber by property name; a provider's own fields are typed on its subclass.
    /// </summary>
    public class AvailableNumber : ProviderRecord
    {
        public AvailableNumber(string provider, string number, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, number, raw)
        {
            Number = number ?? throw new ArgumentNullException(nameof(number));
        }

        /// <summary>The number in E.164 form (+15551234567); as sent when it could not be read as a phone number.</summary>
        public string Number { get; }
        /// <summary>ISO 3166-1 alpha-2 country code.</summary>
        public string? Country { get; set; }
        /// <summary>True/false when the provider says so; null when it does not.</summary>
        public bool? TollFree { get; set; }
        /// <summary>Where the number is (a city, a state), as the provider words it.</summary>
        public string? Region { get; set; }

        public override string Kind => "available number";

        public override string ToString() => Number;
    }
}
