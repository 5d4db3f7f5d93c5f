using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>Get-CallReport on a TrackDrive connection: the category [calls] /calls/reports, the call filters, search, time zone, columns.</summary>
    // A CSV of report requests binds every column by property name.
    [CmdletParameters(TrackDriveApi.ProviderName, "Get-CallReport", PipelineByPropertyName = "true")]
    public sealed class TrackDriveCallReportParameters : TrackDriveCallFilterParameters
    {
        /// <summary>What to group the calls by (category).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [SeedList(typeof(TrackDriveApi), nameof(TrackDriveApi.ReportCategories))]
        public string Category { get; set; } = string.Empty;

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
            var q = Fill(new TrackDriveReportQuery());
            q.Category = Base.AllowedValues.Canonical(Category, TrackDriveApi.ReportCategories) ?? string.Empty;
            q.Fulltext = Search;
            q.TimeZone = Base.AllowedValues.Canonical(TimeZone, TrackDriveApi.TimeZones);
            q.Columns = Base.AllowedValues.Canonical(Column, TrackDriveApi.CallColumns);
            return q;
        }
    }
}
