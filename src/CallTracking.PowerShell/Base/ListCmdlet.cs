using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Core.Paging;
using CallTracking.Core.Providers.TrackDrive;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Base of the list cmdlets (Get-CallLog, Get-CallReport, Get-TrackingNumber): the shared -OutFile/stream output. It
    /// declares no parameter, so that each cmdlet keeps its own list parameters with their own binding (Get-CallReport's
    /// bind from the pipeline by property name, the others' are in the TrackDriveList set: see <see cref="TrackDriveListCmdlet"/>).
    /// </summary>
    public abstract class ListCmdlet : CallTrackingCmdlet
    {
        /// <summary>
        /// One TrackDrive list query as a unit of work (a failure is a per-item error for <paramref name="errorTarget"/>):
        /// with <paramref name="outFile"/>, writes the provider's CSV to that file (Write-Progress under
        /// "<paramref name="commandName"/> -OutFile", then a verbose line with the row count); otherwise writes each record
        /// as it arrives.
        /// </summary>
        /// <param name="rowNoun">What the verbose line calls the rows ("calls", "numbers"…).</param>
        protected void WriteCsvOrRecords<T>(CallTrackingConnection connection, string? outFile, string commandName, string rowNoun, object? errorTarget,
            Func<TrackDriveClient, Stream, Action<PageProgress>, CancellationToken, Task<long>> exportCsv,
            Func<TrackDriveClient, Action<PageProgress>, CancellationToken, IAsyncEnumerable<T>> list)
        {
            TryProcess(() =>
            {
                connection.EnsureProvider(ProviderName.TrackDrive, commandName);
                var client = connection.TrackDrive;
                if (!string.IsNullOrEmpty(outFile))
                {
                    var path = GetUnresolvedProviderPathFromPSPath(outFile);
                    var rows = RunAsync(async (progress, ct) =>
                    {
                        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 81920, useAsync: true);
                        return await exportCsv(client, file, progress, ct).ConfigureAwait(false);
                    }, commandName + " -OutFile");
                    WriteVerbose("Wrote " + rows + " " + rowNoun + " to " + path + ".");
                    return;
                }
                foreach (var record in StreamAsync((progress, ct) => list(client, progress, ct), commandName))
                    WriteObject(record);
            }, errorTarget);
        }
    }
}
