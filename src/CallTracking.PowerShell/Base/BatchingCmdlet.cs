using System;
using System.Collections.Generic;
using System.Management.Automation;
using CallTracking.Core.Connections;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// A cmdlet that collects values from the pipeline (each row checked on its own first) and sends them in batches, one
    /// request per batch instead of one per row: per connection and group (a site id, say), in the order the groups first
    /// came, each batch at most the provider's limit. A batch is sent as soon as it is full, the rest in EndProcessing. A
    /// failed batch is reported on each of its rows, -WhatIf describes each batch and sends nothing, and Ctrl+C stops between
    /// batches (the batches already sent stay sent).
    /// </summary>
    public abstract class BatchingCmdlet : CallTrackingCmdlet
    {
        private PipelineBatches? _batches;
        private readonly Dictionary<string, (CallTrackingConnection Connection, string Group)> _groups =
            new Dictionary<string, (CallTrackingConnection, string)>(StringComparer.Ordinal);

        /// <summary>Outputs what was changed (see each cmdlet).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Sends without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Queues checked values of one pipeline row for (connection, group); sends a batch that has become full.</summary>
        protected void Queue(CallTrackingConnection connection, string group, int limit, IEnumerable<string> values, object? row)
        {
            _batches ??= new PipelineBatches(limit);
            var key = connection.Id + "\n" + group;
            _groups[key] = (connection, group);
            foreach (var value in values)
            {
                if (string.IsNullOrWhiteSpace(value)) continue;
                var full = _batches.Add(key, value.Trim(), row ?? value);
                if (full != null) Dispatch(full);
            }
        }

        /// <summary>
        /// Sends one batch: <paramref name="describe"/> gives the ShouldProcess target and action (and may throw a validation
        /// error), <paramref name="send"/> sends it. Failures go to each row of the batch.
        /// </summary>
        protected abstract void SendBatch(CallTrackingConnection connection, string group, IReadOnlyList<string> values, Action<Exception> reportOnEachRow);

        /// <summary>Runs after every batch was sent (for -PassThru output that needs one more read).</summary>
        protected virtual void AfterBatches()
        {
        }

        /// <summary>The usual batch: describe, ask (WhatIf beats Force beats Confirm), send, say it was done.</summary>
        protected void Send(Func<(string Target, string Action)> describe, Action send, Action<Exception> report)
        {
            string? target = null, action = null;
            if (!TryProcessReporting(() => (target, action) = describe(), report)) return;
            if (!ShouldChange(target!, action!, Force)) return;
            TryProcessReporting(() =>
            {
                send();
                WriteVerboseLine(action + ": done.");
            }, report);
        }

        protected override void EndProcessing()
        {
            if (_batches != null)
                foreach (var batch in _batches.TakeAll()) Dispatch(batch);
            AfterBatches();
            base.EndProcessing();
        }

        private void Dispatch(PipelineBatches.Batch batch)
        {
            var (connection, group) = _groups[batch.Key];
            SendBatch(connection, group, batch.Values, ex =>
            {
                foreach (var row in batch.Items) WriteItemError(ex, row);
            });
        }
    }
}
