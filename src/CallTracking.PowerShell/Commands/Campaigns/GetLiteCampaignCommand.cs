using System;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Campaigns
{
    /// <summary>
    /// The active lite (offline) campaigns with their calls in a period (-Start, -End; either open). A date without a time
    /// is that whole day; a time is sent in UTC. Binds from the pipeline by property name (a CSV of periods).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LiteCampaign")]
    [OutputType(typeof(Campaign))]
    public sealed class GetLiteCampaignCommand : CallTrackingCmdlet
    {
        /// <summary>The start of the period (a date, or a date and time).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("startdate")]
        [DateTimeOffsetTransformation(nameof(Start))]
        public DateTimeOffset? Start { get; set; }

        /// <summary>The end of the period.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("enddate")]
        [DateTimeOffsetTransformation(nameof(End))]
        public DateTimeOffset? End { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            TryProcess(() =>
            {
                var campaigns = connection.Capability<ICampaigns>(CommandName);
                var query = new CampaignQuery { Start = Start, End = End };
                campaigns.Validate(query);
                WriteObject(RunAsync(ct => campaigns.ListCampaignsAsync(query, ct)), true);
            }, connection.Name);
        }
    }
}
