using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>Set-TrackingNumber on a TrackDrive connection: PUT /phone_numbers/:id [numbers]; only what is given is sent.</summary>
    [CmdletParameters(TrackDriveApi.ProviderName, "Set-TrackingNumber")]
    public sealed class TrackDriveNumberChangeParameters : TrackDriveNumberSettingParameters
    {
        /// <summary>The offer to move the number to (offer_id).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("offer_id")]
        [Int64Transformation(nameof(OfferId))]
        public long? OfferId { get; set; }

        /// <summary>Removes every token from the number.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("clear_token_values")]
        [BooleanTransformation(nameof(ClearTokenValue))]
        public SwitchParameter ClearTokenValue { get; set; }

        public override ProviderOptions ToOptions() => new TrackDriveNumberUpdate
        {
            OfferId = IsBound(nameof(OfferId)) ? OfferId : null,
            TrafficSourceId = IsBound(nameof(TrafficSourceId)) ? TrafficSourceId : null,
            RingPoolId = IsBound(nameof(RingPoolId)) ? RingPoolId : null,
            TokenValues = IsBound(nameof(TokenValue)) ? TokenValue : null,
            ClearTokenValues = IsBound(nameof(ClearTokenValue)) && ClearTokenValue.IsPresent,
        };
    }
}
