using System.Management.Automation;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Base of the cmdlets with a TrackDriveList set (Get-CallLog, Get-TrackingNumber): declares the paging and export
    /// parameters that set shares, not bound from the pipeline. PowerShell lists inherited parameters after the cmdlet's
    /// own, so these stay last in the set (before -Connection), as docs/cmdlets.md orders them.
    /// </summary>
    public abstract class TrackDriveListCmdlet : ListCmdlet
    {
        /// <summary>Stop after this many records, calls or numbers (default: all of them).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Int64Transformation(nameof(First))]
        public long? First { get; set; }

        /// <summary>Records (calls or numbers) per request (1..1000, default 100).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("per_page")]
        [Int32Transformation(nameof(PageSize))]
        public int? PageSize { get; set; }

        /// <summary>Writes the provider's CSV to this file instead of emitting objects.</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        public string? OutFile { get; set; }
    }
}
