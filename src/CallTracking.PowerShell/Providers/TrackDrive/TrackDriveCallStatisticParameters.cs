using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.TrackDrive;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>Get-CallStatistic on a TrackDrive connection: group_by and stat [calls] /calls/stats, and the call filters.</summary>
    // A CSV of ranges binds every column by property name.
    [CmdletParameters(TrackDriveApi.ProviderName, "Get-CallStatistic", PipelineByPropertyName = "true")]
    public sealed class TrackDriveCallStatisticParameters : TrackDriveCallFilterParameters
    {
        /// <summary>What to group the calls by (group_by).</summary>
        [Parameter(Mandatory = true)]
        [Alias("group_by")]
        [SeedList(typeof(TrackDriveApi), nameof(TrackDriveApi.StatGroupBy))]
        public string GroupBy { get; set; } = string.Empty;

        /// <summary>What to compute per group (stat).</summary>
        [Parameter(Mandatory = true)]
        [SeedList(typeof(TrackDriveApi), nameof(TrackDriveApi.StatKinds))]
        public string Stat { get; set; } = string.Empty;

        public override ProviderOptions ToOptions()
        {
            var q = Fill(new TrackDriveStatsQuery());
            q.GroupBy = Base.AllowedValues.Canonical(GroupBy, TrackDriveApi.StatGroupBy) ?? string.Empty;
            q.Stat = Base.AllowedValues.Canonical(Stat, TrackDriveApi.StatKinds) ?? string.Empty;
            return q;
        }
    }
}
