using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Http;
using CallTracking.Core.Paging;
using CallTracking.PowerShell.Errors;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Base of the list cmdlets (Get-CallLog, Get-CallReport, Get-TrackingNumber): the shared -OutFile/stream output. It
    /// declares no parameter, so that each cmdlet keeps its own list parameters with their own binding.
    /// </summary>
    public abstract class ListCmdlet : CallTrackingCmdlet
    {
        /// <summary>
        /// True when this cmdlet's output flows into further commands (Get-TrackingNumber | Set-TrackingNumber): a
        /// provider whose pages shift when records change then reads every page first, so the pipeline reaches every record.
        /// </summary>
        protected bool OutputFlowsOn => MyInvocation.PipelinePosition < MyInvocation.PipelineLength;

        /// <summary>
        /// One list query as a unit of work (a failure is a per-item error for <paramref name="errorTarget"/>): with
        /// <paramref name="outFile"/>, writes the provider's CSV to that file (Write-Progress, then a verbose line with the
        /// row count); otherwise writes each record as it arrives. Only a failure of the file itself is OutFileFailed.
        /// </summary>
        /// <param name="rowNoun">What the verbose line calls the rows ("calls", "numbers"…).</param>
        protected void WriteCsvOrRecords<T>(string? outFile, string rowNoun, object? errorTarget,
            Func<Stream, Action<PageProgress>, CancellationToken, Task<long>>? exportCsv,
            Func<Action<PageProgress>, CancellationToken, IAsyncEnumerable<T>> list)
        {
            TryProcess(() =>
            {
                if (!string.IsNullOrEmpty(outFile))
                {
                    if (exportCsv is null) throw new Core.Model.CallTrackingException(ResolveConnection().Provider, CommandName, Core.Model.CallTrackingErrorKind.NotSupported,
                        ResolveConnection().Provider + " has no CSV export for " + CommandName + ": pipe the objects to Export-Csv instead of -OutFile.");
                    var path = GetUnresolvedProviderPathFromPSPath(outFile);
                    var rows = RunAsync((progress, ct) => OutFiles.WriteAsync(path, destination => exportCsv(destination, progress, ct)), CommandName + " -OutFile");
                    WriteVerboseLine("Wrote " + rows + " " + rowNoun + " to " + path + ".");
                    return;
                }
                foreach (var record in StreamAsync(list, CommandName))
                    WriteObject(record);
            }, errorTarget);
        }
    }
}
