using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>
    /// New-TrackingNumber on a TrackDrive connection: POST /phone_numbers [numbers]. Every parameter binds from a CSV by
    /// property name; a bad cell ("maybe" for -TollFree) is an error for that row only.
    /// </summary>
    [CmdletParameters(TrackDriveApi.ProviderName, "New-TrackingNumber")]
    public sealed class TrackDrivePurchaseParameters : TrackDriveNumberSettingParameters
    {
        /// <summary>The provider configuration to buy from (provider_configuration_id).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("provider_configuration_id")]
        [Int64Transformation(nameof(ProviderConfigurationId))]
        public long ProviderConfigurationId { get; set; }

        /// <summary>The offer the number is for (offer_id).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("offer_id")]
        [Int64Transformation(nameof(OfferId))]
        public long OfferId { get; set; }

        /// <summary>ISO 3166-1 alpha-2 country of the number (TrackDrive's purchase list).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("country_code")]
        [SeedList(typeof(TrackDriveApi), nameof(TrackDriveApi.PurchaseCountries))]
        public string Country { get; set; } = string.Empty;

        /// <summary>A toll-free number instead of a local one (CSV: true/false/yes/no/1/0).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("toll_free")]
        [BooleanTransformation(nameof(TollFree))]
        public SwitchParameter TollFree { get; set; }

        public override ProviderOptions ToOptions() => new TrackDrivePurchaseRequest
        {
            ProviderConfigurationId = ProviderConfigurationId,
            OfferId = OfferId,
            TollFree = TollFree.IsPresent,
            Country = Base.AllowedValues.Canonical(Country?.Trim().ToUpperInvariant(), TrackDriveApi.PurchaseCountries) ?? string.Empty,
            TrafficSourceId = TrafficSourceId,
            RingPoolId = RingPoolId,
            TokenValues = TokenValue,
        };
    }
}
