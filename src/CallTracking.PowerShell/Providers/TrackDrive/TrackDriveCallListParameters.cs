using System.Management.Automation;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>
    /// What TrackDrive's call lists take beside the filters [calls]: text search, time zone and columns (GET /calls and
    /// /calls/reports; /calls/stats takes none of them). Declared once for Get-CallLog and Get-CallReport.
    /// </summary>
    public abstract class TrackDriveCallListParameters : TrackDriveCallFilterParameters
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

        /// <summary>The filters, search, time zone and columns in the list spellings TrackDrive expects.</summary>
        protected T FillList<T>(T query) where T : TrackDriveCallFilter
        {
            Fill(query);
            var timeZone = Base.AllowedValues.Canonical(TimeZone, TrackDriveApi.TimeZones);
            var columns = Base.AllowedValues.Canonical(Column, TrackDriveApi.CallColumns);
            switch (query)
            {
                case TrackDriveCallQuery calls: calls.Fulltext = Search; calls.TimeZone = timeZone; calls.Columns = columns; break;
                case TrackDriveReportQuery report: report.Fulltext = Search; report.TimeZone = timeZone; report.Columns = columns; break;
            }
            return query;
        }
    }
}
