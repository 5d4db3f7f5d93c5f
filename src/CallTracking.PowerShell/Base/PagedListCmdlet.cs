using System.Management.Automation;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Base of the list cmdlets with List, ById and InputObject sets (Get-CallLog, Get-TrackingNumber): declares the
    /// paging and export parameters of the List set, not bound from the pipeline (a piped record selects InputObject).
    /// </summary>
    public abstract class PagedListCmdlet : ListCmdlet
    {
        /// <summary>Stop after this many records (default: all of them).</summary>
        [Parameter(ParameterSetName = ParameterSets.List)]
        [Int64Transformation(nameof(First))]
        public long? First { get; set; }

        /// <summary>Records per request (default 100; the provider's maximum applies).</summary>
        [Parameter(ParameterSetName = ParameterSets.List)]
        [Alias("per_page")]
        [Int32Transformation(nameof(PageSize))]
        public int? PageSize { get; set; }

        /// <summary>Writes the provider's CSV to this file instead of emitting objects.</summary>
        [Parameter(ParameterSetName = ParameterSets.List)]
        public string? OutFile { get; set; }
    }
}
