using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.TrackDrive;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>Get-CallReport on a TrackDrive connection: the category [calls] /calls/reports, the call filters, search, time zone, columns.</summary>
    // A CSV of report requests binds every column by property name.
    [CmdletParameters(TrackDriveApi.ProviderName, "Get-CallReport", PipelineByPropertyName = "true")]
    public sealed class TrackDriveCallReportParameters : TrackDriveCallListParameters
    {
        /// <summary>What to group the calls by (category).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [SeedList(typeof(TrackDriveApi), nameof(TrackDriveApi.ReportCategories))]
        public string Category { get; set; } = string.Empty;

        public override ProviderOptions ToOptions()
        {
            var q = FillList(new TrackDriveReportQuery());
            q.Category = Base.AllowedValues.Canonical(Category, TrackDriveApi.ReportCategories) ?? string.Empty;
            return q;
        }
    }
}
