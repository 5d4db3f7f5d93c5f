using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using CallTracking.Core.Batching;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Errors;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// The cmdlet side of Core.Batching: rows collected in ProcessRecord (each piped object one row, numbered in input
    /// order; a row that fails before it is one — a bad id, a wrong object — is kept as a failed row), then sent in
    /// EndProcessing through a <see cref="BatchRun{TRow}"/>: one ShouldProcess per request (the "What if" of -WhatIf lists
    /// each request and sends nothing), one result per input row in input order, an error record per failure (a failed
    /// request: one record, shared by its rows). Ctrl+C stops between requests: the request in flight finishes (its outcome
    /// is known) and a warning says which rows were sent and which not.
    /// </summary>
    public abstract partial class CallTrackingCmdlet
    {
        /// <summary>The rows a batched cmdlet has received so far, in input order.</summary>
        protected sealed class BatchRows<TRow>
        {
            private readonly List<BatchItem<TRow>> _items = new List<BatchItem<TRow>>();

            public IReadOnlyList<BatchItem<TRow>> Items => _items;

            public int Count => _items.Count;

            /// <summary>The connection the rows go to (the first row's).</summary>
            public CallTrackingConnection? Connection { get; set; }

            public void Add(TRow row) => _items.Add(new BatchItem<TRow>(_items.Count + 1, row));

            public void AddFailed(Exception error, string? target) => _items.Add(BatchItem<TRow>.Failed(_items.Count + 1, error, target));
        }

        /// <summary>
        /// Makes a row in ProcessRecord: <paramref name="make"/> builds it (and may throw a row failure, kept as a failed row
        /// reported in order with the others); anything else propagates.
        /// </summary>
        protected void AddBatchRow<TRow>(BatchRows<TRow> rows, Func<TRow> make, string? target)
        {
            try
            {
                rows.Add(make());
            }
            catch (Exception ex) when (BatchRun<TRow>.IsRowFailure(ex))
            {
                rows.AddFailed(ex, target);
            }
        }

        /// <summary>A row for the provider's batch function, on the connection it goes to (see <see cref="AddBatchRow{TRow}(BatchRows{TRow}, Func{TRow}, string?)"/>).</summary>
        protected void AddBatchRow<TRow>(BatchRows<TRow> rows, CallTrackingConnection connection, Func<TRow> make, string? target)
        {
            rows.Connection ??= connection;
            AddBatchRow(rows, make, target);
        }

        /// <summary>
        /// In EndProcessing: sends the rows collected on a connection through the batch function <paramref name="operation"/>
        /// gets from it (a NotSupported error when its provider has none; nothing when no row came).
        /// </summary>
        protected void RunBatches<TRow>(BatchRows<TRow> rows, Func<CallTrackingConnection, IBatchOperation<TRow>> operation, int batchSize, bool force,
            Func<BatchResult, object?> output)
        {
            var connection = rows.Connection;
            if (connection is null || rows.Count == 0) return;
            IBatchOperation<TRow>? batch = null;
            if (TryProcess(() => batch = operation(connection), null) && batch != null)
                RunBatches(connection, batch, rows, batchSize, force, output);
        }

        /// <summary>
        /// Sends the rows: one ShouldProcess per request (Force skips the prompt; -WhatIf prints each and sends nothing),
        /// then each result (or what <paramref name="output"/> makes of it; null: nothing) in input order.
        /// </summary>
        protected void RunBatches<TRow>(CallTrackingConnection connection, IBatchOperation<TRow> operation, BatchRows<TRow> rows, int batchSize, bool force,
            Func<BatchResult, object?> output)
        {
            if (rows.Count == 0) return;
            BatchRun<TRow> run;
            try
            {
                run = new BatchRun<TRow>(operation, rows.Items, batchSize);
            }
            catch (Exception ex) when (BatchRun<TRow>.IsRowFailure(ex))
            {
                WriteItemError(ex, null);
                return;
            }
            var whatIf = WhatIfRequested();
            var written = new HashSet<Exception>();
            var where = " (" + connection.Provider + ", connection '" + connection.Name + "')";
            WriteResults(run.TakeResolved(), written, output, whatIf);
            var total = run.Batches.Count;
            foreach (var batch in run.Batches)
            {
                if (StopToken.IsCancellationRequested)
                {
                    run.SkipRemaining("the command was stopped before this row's request");
                    break;
                }
                var d = batch.Description;
                WriteVerboseLine("Request " + batch.Index + " of " + total + " (" + batch.Count + (batch.Count == 1 ? " row" : " rows") + "): " + d.Action + ": " + d.Target + ".");
                if (!ShouldChange(d.Target + where, d.Action, force))
                {
                    run.Skip(batch, whatIf ? "-WhatIf: nothing was sent" : "declined at the prompt");
                }
                else
                {
                    // The request in flight is not cancelled by Ctrl+C: its outcome is then known and reported.
                    var pump = CreatePump();
                    pump.Run(ct => run.SendAsync(batch, CancellationToken.None), CancellationToken.None);
                }
                if (StopToken.IsCancellationRequested) { run.SkipRemaining("the command was stopped before this row's request"); break; }
                WriteResults(run.TakeResolved(), written, output, whatIf);
            }
            var summary = run.Summary();
            if (StopToken.IsCancellationRequested || run.Stopped)
            {
                // The pipeline is stopping: the streams are closed, the host still shows the warning.
                var text = summary.Describe() + " Run the rows that were not sent again.";
                try { Host.UI.WriteWarningLine(text); }
                catch (Exception ex) when (IsHostRefusal(ex)) { }
                throw new PipelineStoppedException();
            }
            WriteResults(run.TakeResolved(), written, output, whatIf);
            WriteVerboseLine(summary.Describe());
        }

        private void WriteResults(IEnumerable<BatchResult> results, HashSet<Exception> written, Func<BatchResult, object?> output, bool whatIf)
        {
            foreach (var result in results)
            {
                if (result.Exception != null)
                {
                    var record = ErrorMapper.ToErrorRecord(result.Exception, result.Id ?? result.Number);
                    result.Error = record;
                    // A failed request is one error record, however many rows it carried.
                    if (written.Add(result.Exception)) WriteError(record);
                }
                // Under -WhatIf nothing was sent: the "What if" lines are the output.
                if (whatIf && result.Status == BatchRowStatus.NotSent) continue;
                var value = output(result);
                if (value != null) WriteObject(value);
            }
        }
    }
}
