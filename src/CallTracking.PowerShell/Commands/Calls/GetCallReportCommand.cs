using System;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Calls
{
    /// <summary>
    /// Calls grouped by a category, streamed row by row, or written as the provider's CSV with -OutFile. Every parameter
    /// (the provider's too) binds from the pipeline by property name: a CSV of report requests runs one report per row.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallReport")]
    [OutputType(typeof(CallReportRow))]
    public sealed class GetCallReportCommand : ListCmdlet
    {
        /// <summary>Calls created at or after this time.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("created_at_from")]
        [DateTimeOffsetTransformation(nameof(CreatedAfter))]
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Calls created at or before this time.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("created_at_to")]
        [DateTimeOffsetTransformation(nameof(CreatedBefore))]
        public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Stop after this many rows (default: all of them).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int64Transformation(nameof(First))]
        public long? First { get; set; }

        /// <summary>Rows per request (default 100; the provider's maximum applies).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("per_page")]
        [Int32Transformation(nameof(PageSize))]
        public int? PageSize { get; set; }

        /// <summary>Writes the provider's CSV to this file instead of emitting objects.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? OutFile { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var options = BoundProviderParameters()?.ToOptions();
            TryProcess(() =>
            {
                var reports = connection.Capability<ICallReports>(CommandName);
                var query = new CallReportQuery { CreatedAfter = CreatedAfter, CreatedBefore = CreatedBefore, First = First, PageSize = PageSize, Options = options, ReadAllFirst = OutputFlowsOn };
                reports.Validate(query);
                WriteCsvOrRecords(OutFile, "report rows", null,
                    (file, progress, ct) => reports.ExportCallReportCsvAsync(query, file, progress, ct),
                    (progress, ct) => reports.GetCallReportAsync(query, progress, ct));
            }, options);
        }
    }
}
