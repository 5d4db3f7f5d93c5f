using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Bench
{
    /// <summary>
    /// The pwsh leg's ceiling for "foreach over a cmdlet": the bare baseline loop (<see cref="BaselineClient"/>) inside
    /// the thinnest cmdlet that can stream it. A worker fetches and parses (as the module's prefetch does), the pipeline
    /// thread only writes each call with WriteObject, at most two pages' worth queued between them. No module, no retry,
    /// no validation: what any cmdlet pays for PowerShell collecting its output (`foreach ($c in Get-X) {}`).
    /// Compiled by bench/pwsh-leg.ps1 with Add-Type together with BaselineClient.cs.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BaselineCall")]
    public sealed class GetBaselineCallCommand : PSCmdlet
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        [Parameter(Mandatory = true)]
        public BaselineClient Client { get; set; } = null!;

        [Parameter(Mandatory = true)]
        public long Limit { get; set; }

        [Parameter]
        public int PerPage { get; set; } = 500;

        protected override void EndProcessing()
        {
            using var queue = new BlockingCollection<BaselineCall>(2 * PerPage);
            var worker = Task.Run(async () =>
            {
                try { await Client.StreamAsync(Limit, PerPage, call => queue.Add(call, _stop.Token), _stop.Token).ConfigureAwait(false); }
                finally { queue.CompleteAdding(); }
            });
            try
            {
                foreach (var call in queue.GetConsumingEnumerable(_stop.Token)) WriteObject(call);
            }
            finally
            {
                _stop.Cancel();
                try { worker.GetAwaiter().GetResult(); }
                catch (OperationCanceledException) { }
            }
        }

        protected override void StopProcessing() => _stop.Cancel();
    }
}
