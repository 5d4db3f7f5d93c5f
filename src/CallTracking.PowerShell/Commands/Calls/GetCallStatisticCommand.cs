using System;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Calls
{
    /// <summary>
    /// A statistic over calls grouped by a field, for a created-at range. Every parameter (the provider's too) binds from
    /// the pipeline by property name (a CSV of ranges).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallStatistic")]
    [OutputType(typeof(CallStatistic))]
    public sealed class GetCallStatisticCommand : CallTrackingCmdlet
    {
        /// <summary>Calls created at or after this time.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("created_at_from")]
        [DateTimeOffsetTransformation(nameof(CreatedAfter))]
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Calls created at or before this time.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("created_at_to")]
        [DateTimeOffsetTransformation(nameof(CreatedBefore))]
        public DateTimeOffset? CreatedBefore { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var options = BoundProviderParameters()?.ToOptions();
            TryProcess(() =>
            {
                var statistics = connection.Capability<ICallStatistics>(CommandName);
                var query = new CallStatisticQuery { CreatedAfter = CreatedAfter, CreatedBefore = CreatedBefore, Options = options };
                statistics.Validate(query);
                WriteObject(RunAsync(ct => statistics.GetCallStatisticsAsync(query, ct)), true);
            }, options);
        }
    }
}
