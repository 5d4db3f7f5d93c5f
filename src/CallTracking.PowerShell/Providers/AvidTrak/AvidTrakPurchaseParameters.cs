using System;
using System.Linq;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>
    /// New-TrackingNumber on an AvidTrak connection: purchase_number [seed]. Binds by property name from Find-TrackingNumber's
    /// results (Number, NumberType, Country) and from a CSV (number, number_type, country); rows of one type and country are
    /// bought in one request.
    /// </summary>
    [CmdletParameters(AvidTrakApi.ProviderName, "New-TrackingNumber")]
    public sealed class AvidTrakPurchaseParameters : ProviderParameters
    {
        /// <summary>Toll (toll-free) or Local (number_type).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("number_type")]
        [SeedList(typeof(AvidTrakApi), nameof(AvidTrakApi.NumberTypes))]
        public string NumberType { get; set; } = string.Empty;

        /// <summary>The numbers to buy, as Find-TrackingNumber offers them (number[]; CSV: several separated by ';').</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PhoneNumber", "phone_number")]
        [StringListTransformation(nameof(Number))]
        public string[] Number { get; set; } = Array.Empty<string>();

        /// <summary>ISO 3166-1 alpha-2 country (AvidTrak's default: US).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("country_code")]
        public string? Country { get; set; }

        public override ProviderOptions ToOptions() => new AvidTrakPurchase
        {
            NumberType = Base.AllowedValues.Canonical(NumberType, AvidTrakApi.NumberTypes) ?? string.Empty,
            Numbers = (Number ?? Array.Empty<string>()).Where(n => !string.IsNullOrWhiteSpace(n)).ToArray(),
            Country = string.IsNullOrWhiteSpace(Country) ? null : Country!.Trim().ToUpperInvariant(),
        };
    }
}
