using System.Management.Automation;
using CallTracking.Core.Batching;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Base of the cmdlets that only work in batches (Set-CallForwarding, Move-TrackingNumber…): -BatchSize and -Force, rows
    /// collected from the pipeline, sent in EndProcessing through the provider's batch function (Core.Batching): as few
    /// requests as the rows' keys and -BatchSize allow, one ShouldProcess per request, one result per input row in input order.
    /// </summary>
    public abstract class BatchCmdlet<TRow> : CallTrackingCmdlet
    {
        /// <summary>The default of -BatchSize: rows per request (the provider's own limit may be lower).</summary>
        public const int DefaultBatchSize = 100;

        /// <summary>Rows per request (default 100; capped by the provider's own limit).</summary>
        [Parameter]
        [Int32Transformation(nameof(BatchSize))]
        public int BatchSize { get; set; } = DefaultBatchSize;

        /// <summary>Sends without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private readonly BatchRows<TRow> _rows = new BatchRows<TRow>();

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (BatchSize < 1)
                ThrowTerminatingError(Errors.ErrorMapper.ToErrorRecord(new CallTrackingArgumentException("BatchSize", BatchSize, "a whole number of at least 1 (rows per request)"), BatchSize));
        }

        /// <summary>Adds one row (built by <paramref name="make"/>; a row failure is kept as that row's result).</summary>
        protected void AddRow(System.Func<TRow> make, string? target)
        {
            AddBatchRow(_rows, _rows.Connection ?? ResolveConnection(), make, target);
        }

        /// <summary>The provider's batch function (a NotSupported error when the provider has none).</summary>
        protected abstract IBatchOperation<TRow> Operation(CallTrackingConnection connection);

        /// <summary>What is written for a row (default: its result).</summary>
        protected virtual object? Output(BatchResult result) => result;

        protected override void EndProcessing()
        {
            RunBatches(_rows, Operation, BatchSize, Force, Output);
            base.EndProcessing();
        }
    }
}
