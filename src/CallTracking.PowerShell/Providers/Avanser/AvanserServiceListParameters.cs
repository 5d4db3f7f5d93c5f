using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.Avanser;

namespace CallTracking.PowerShell.Providers.Avanser
{
    /// <summary>Get-TrackingNumber on an AVANSER connection: GET services with its filters (names assumed: docs/wire-avanser.md).</summary>
    [CmdletParameters(AvanserApi.ProviderName, "Get-TrackingNumber", ParameterSetName = Base.ParameterSets.List, PipelineByPropertyName = "false")]
    public sealed class AvanserServiceListParameters : ProviderParameters
    {
        /// <summary>Only services with this custom_id [seed].</summary>
        [Parameter]
        [Alias("custom_id")]
        public string? CustomId { get; set; }

        /// <summary>Only services of this custom_group [seed].</summary>
        [Parameter]
        [Alias("custom_group")]
        public string? CustomGroup { get; set; }

        /// <summary>Only services in this state: pending (its request not yet complete), active or decommissioned.</summary>
        [Parameter]
        [SeedList(typeof(AvanserApi), nameof(AvanserApi.ServiceStatuses))]
        public string? Status { get; set; }

        public override ProviderOptions ToOptions() => new AvanserServiceQuery
        {
            CustomId = string.IsNullOrWhiteSpace(CustomId) ? null : CustomId,
            CustomGroup = string.IsNullOrWhiteSpace(CustomGroup) ? null : CustomGroup,
            Status = Base.AllowedValues.Canonical(Status, AvanserApi.ServiceStatuses),
        };
    }
}
