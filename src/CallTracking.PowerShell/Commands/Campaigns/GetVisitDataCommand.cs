using System;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Campaigns
{
    /// <summary>
    /// Web visits and calls by keyword for one marketing channel (the provider's list: search engines, paid or organic) in a
    /// period. Binds from the pipeline by property name (a CSV of channels and periods).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VisitData")]
    [OutputType(typeof(VisitDataRow))]
    public sealed class GetVisitDataCommand : CallTrackingCmdlet
    {
        /// <summary>The channel to report on (the provider's list, completed from the connection: gppc, gseo, …).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Channel")]
        [ArgumentCompleter(typeof(VisitChannelCompleter))]
        public string Filter { get; set; } = string.Empty;

        /// <summary>The start of the period (a date, or a date and time).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("startdate")]
        [DateTimeOffsetTransformation(nameof(Start))]
        public DateTimeOffset? Start { get; set; }

        /// <summary>The end of the period.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("enddate")]
        [DateTimeOffsetTransformation(nameof(End))]
        public DateTimeOffset? End { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            TryProcess(() =>
            {
                var visits = connection.Capability<IVisitData>(CommandName);
                var query = new VisitDataQuery { Channel = Filter, Start = Start, End = End };
                visits.Validate(query);
                WriteObject(RunAsync(ct => visits.GetVisitDataAsync(query, ct)), true);
            }, Filter);
        }
    }
}
