using System.Collections.Generic;
using CallTracking.Core.Model;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// A number search_number offers. Number, NumberType and Country are named as New-TrackingNumber's AvidTrak parameters,
    /// so Find-TrackingNumber | New-TrackingNumber buys what was found.
    /// </summary>
    public sealed class AvidTrakAvailableNumber : AvailableNumber
    {
        public AvidTrakAvailableNumber(string number, IReadOnlyDictionary<string, object?>? raw = null)
            : base(AvidTrakApi.ProviderName, number, raw)
        {
        }

        /// <summary>toll or local.</summary>
        public string? NumberType { get; set; }
        public string? AreaCode { get; set; }
        /// <summary>What the number costs a month (US dollars, [assumed]).</summary>
        public decimal? MonthlyFee { get; set; }
    }
}
