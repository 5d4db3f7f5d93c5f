using System;
using System.Management.Automation;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Calls
{
    /// <summary>
    /// A statistic (count, revenue, profit, cost) over calls grouped by a field, for a created-at range (TrackDrive
    /// /calls/stats). Every parameter binds from the pipeline by property name (a CSV of ranges).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallStatistic")]
    [OutputType(typeof(CallStatistic))]
    public sealed class GetCallStatisticCommand : CallFilterCmdlet
    {
        /// <summary>What to group the calls by.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("group_by")]
        [ValidateSet("buyer_converted", "offer_converted", "status")]
        public string GroupBy { get; set; } = string.Empty;

        /// <summary>What to compute per group.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("count", "revenue", "profit", "cost")]
        public string Stat { get; set; } = string.Empty;

        /// <summary>Calls created at or after this time (created_at_from).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("created_at_from")]
        [DateTimeOffsetTransformation(nameof(CreatedAfter))]
        public override DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Calls created at or before this time (created_at_to).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("created_at_to")]
        [DateTimeOffsetTransformation(nameof(CreatedBefore))]
        public override DateTimeOffset? CreatedBefore { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var query = FillCallFilter(new TrackDriveStatsQuery());
            query.GroupBy = AllowedValues.Canonical(GroupBy, TrackDriveApi.StatGroupBy) ?? string.Empty;
            query.Stat = AllowedValues.Canonical(Stat, TrackDriveApi.StatKinds) ?? string.Empty;
            TryProcess(() =>
            {
                connection.EnsureProvider(ProviderName.TrackDrive, "Get-CallStatistic");
                var rows = RunAsync(ct => connection.TrackDrive.GetCallStatisticsAsync(query, ct));
                WriteObject(rows, true);
            }, GroupBy + "/" + Stat);
        }
    }
}
