using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>Find-TrackingNumber on an AvidTrak connection: search_number [seed].</summary>
    [CmdletParameters(AvidTrakApi.ProviderName, "Find-TrackingNumber")]
    public sealed class AvidTrakNumberSearchParameters : ProviderParameters
    {
        /// <summary>How many numbers to offer (quantity: 1 to 30).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Int32Transformation(nameof(Quantity))]
        public int Quantity { get; set; }

        /// <summary>Toll (toll-free) or Local numbers (number_type).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("number_type")]
        [SeedList(typeof(AvidTrakApi), nameof(AvidTrakApi.NumberTypes))]
        public string NumberType { get; set; } = string.Empty;

        /// <summary>The area code to search (area_code: three digits).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("area_code")]
        public string AreaCode { get; set; } = string.Empty;

        /// <summary>ISO 3166-1 alpha-2 country (AvidTrak's default: US).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("country_code")]
        public string? Country { get; set; }

        public override ProviderOptions ToOptions() => new AvidTrakNumberSearch
        {
            Quantity = Quantity,
            NumberType = Base.AllowedValues.Canonical(NumberType, AvidTrakApi.NumberTypes) ?? string.Empty,
            AreaCode = AreaCode ?? string.Empty,
            Country = string.IsNullOrWhiteSpace(Country) ? null : Country!.Trim().ToUpperInvariant(),
        };
    }
}
