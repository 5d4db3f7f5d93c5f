using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>Get-CallLog on a TrackDrive connection: the call filters plus text search, time zone and columns [calls].</summary>
    // The list filters are not bound from the pipeline, so that a piped record selects the InputObject set instead of
    // turning its own properties (Status, InProgress…) into filters.
    [CmdletParameters(TrackDriveApi.ProviderName, "Get-CallLog", ParameterSetName = Base.ParameterSets.List, PipelineByPropertyName = "false")]
    public sealed class TrackDriveCallLogParameters : TrackDriveCallFilterParameters
    {
        /// <summary>Full-text search (fulltext).</summary>
        [Parameter]
        [Alias("fulltext")]
        public string? Search { get; set; }

        /// <summary>The time zone TrackDrive uses for dates (time_zone).</summary>
        [Parameter]
        [Alias("time_zone")]
        [SeedList(typeof(TrackDriveApi), nameof(TrackDriveApi.TimeZones))]
        public string? TimeZone { get; set; }

        /// <summary>Only these columns (columns); several may be given as one string separated by ';'.</summary>
        [Parameter]
        [Alias("columns")]
        [StringListTransformation(nameof(Column))]
        [SeedList(typeof(TrackDriveApi), nameof(TrackDriveApi.CallColumns))]
        public string[]? Column { get; set; }

        public override ProviderOptions ToOptions()
        {
            var q = Fill(new TrackDriveCallQuery());
            q.Fulltext = Search;
            q.TimeZone = Base.AllowedValues.Canonical(TimeZone, TrackDriveApi.TimeZones);
            q.Columns = Base.AllowedValues.Canonical(Column, TrackDriveApi.CallColumns);
            return q;
        }
    }
}
