using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.Avanser;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.Avanser
{
    /// <summary>
    /// Get-CallLog on an AVANSER connection: the WebAPI's getCDR, -CreatedAfter/-CreatedBefore (aliases -Start/-End) sent
    /// as date_from/date_to in UTC (without -Start: the 90 days before -End; without -End: now), each switch a yes/no flag.
    /// </summary>
    [CmdletParameters(AvanserApi.ProviderName, "Get-CallLog", ParameterSetName = Base.ParameterSets.List, PipelineByPropertyName = "false")]
    public sealed class AvanserCallLogParameters : ProviderParameters
    {
        /// <summary>The evaluation answers (evaluations=yes): eval_&lt;id&gt; fields, in Evaluations.</summary>
        [Parameter]
        [BooleanTransformation(nameof(Evaluations))]
        public SwitchParameter Evaluations { get; set; }

        /// <summary>Feature tracking (features=yes): featNN/cd_cpNN pairs, in Features.</summary>
        [Parameter]
        [BooleanTransformation(nameof(Features))]
        public SwitchParameter Features { get; set; }

        /// <summary>Web attribution (web=yes): referrer, landing page, campaign, keyword, medium, source, IP, in Web.</summary>
        [Parameter]
        [BooleanTransformation(nameof(Web))]
        public SwitchParameter Web { get; set; }

        /// <summary>Detailed records (detailed=yes): unique id, time with its offset, unix time, direction.</summary>
        [Parameter]
        [BooleanTransformation(nameof(Detailed))]
        public SwitchParameter Detailed { get; set; }

        /// <summary>Dates in the account's local time (localtime=yes), in LocalDate (CreatedAt then comes from -Detailed's tz_date).</summary>
        [Parameter]
        [BooleanTransformation(nameof(LocalTime))]
        public SwitchParameter LocalTime { get; set; }

        /// <summary>The recording's link (wav=yes), in RecordingUrl ("" on the wire when the call has none). Save-CallRecording needs only the Id.</summary>
        [Parameter]
        [BooleanTransformation(nameof(Audio))]
        public SwitchParameter Audio { get; set; }

        public override ProviderOptions ToOptions() => new AvanserCallLogQuery
        {
            Evaluations = Evaluations.IsPresent,
            Features = Features.IsPresent,
            Web = Web.IsPresent,
            Detailed = Detailed.IsPresent,
            LocalTime = LocalTime.IsPresent,
            Audio = Audio.IsPresent,
        };
    }
}
