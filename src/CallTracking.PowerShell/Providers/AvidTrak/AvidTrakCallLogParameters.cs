using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>
    /// Get-CallLog on an AvidTrak connection: call_logs, or all_lite_calls with -Offline [seed]; -CreatedAfter/-CreatedBefore
    /// (aliases -Start/-End) are sent as startdate/enddate (without them AvidTrak gives yesterday's calls).
    /// </summary>
    [CmdletParameters(AvidTrakApi.ProviderName, "Get-CallLog", ParameterSetName = Base.ParameterSets.List, PipelineByPropertyName = "false")]
    public sealed class AvidTrakCallLogParameters : ProviderParameters
    {
        /// <summary>The calls of offline (lite) campaigns (all_lite_calls) instead of the online call log.</summary>
        [Parameter]
        [BooleanTransformation(nameof(Offline))]
        public SwitchParameter Offline { get; set; }

        public override ProviderOptions ToOptions() => new AvidTrakCallQuery { Offline = Offline.IsPresent };
    }
}
