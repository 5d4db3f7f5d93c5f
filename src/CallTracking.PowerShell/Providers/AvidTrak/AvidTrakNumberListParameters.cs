using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.AvidTrak;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>Get-TrackingNumber on an AvidTrak connection: the filters of list_numbers [seed].</summary>
    [CmdletParameters(AvidTrakApi.ProviderName, "Get-TrackingNumber", ParameterSetName = Base.ParameterSets.List, PipelineByPropertyName = "false")]
    public sealed class AvidTrakNumberListParameters : ProviderParameters
    {
        /// <summary>Only toll-free (Toll) or local (Local) numbers (number_type).</summary>
        [Parameter]
        [Alias("number_type")]
        [SeedList(typeof(AvidTrakApi), nameof(AvidTrakApi.NumberTypes))]
        public string? NumberType { get; set; }

        /// <summary>Assigned (to a channel), Unassigned or All numbers (assignment_type; AvidTrak's default: all).</summary>
        [Parameter]
        [Alias("assignment_type")]
        [SeedList(typeof(AvidTrakApi), nameof(AvidTrakApi.AssignmentTypes))]
        public string? AssignmentType { get; set; }

        /// <summary>Only numbers of this area code (area_code: three digits).</summary>
        [Parameter]
        [Alias("area_code")]
        public string? AreaCode { get; set; }

        public override ProviderOptions ToOptions() => new AvidTrakNumberQuery
        {
            NumberType = Base.AllowedValues.Canonical(NumberType, AvidTrakApi.NumberTypes),
            AssignmentType = Base.AllowedValues.Canonical(AssignmentType, AvidTrakApi.AssignmentTypes),
            AreaCode = string.IsNullOrWhiteSpace(AreaCode) ? null : AreaCode,
        };
    }
}
