using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Http;
using CallTracking.Core.Model;

namespace CallTracking.Core.Batching
{
    /// <summary>
    /// An <see cref="IBatchOperation{TRow}"/> made of functions, for a provider client to declare a batch method in one
    /// place: its API operation (whose safety says whether a chunk may be sent again without the rows a refusal named),
    /// the rows' key, checks, description and the request itself.
    /// </summary>
    public sealed class BatchOperation<TRow> : IBatchOperation<TRow>
    {
        public BatchOperation(string provider, ApiOperation operation, string action, int maxBatchSize)
        {
            Provider = provider ?? throw new ArgumentNullException(nameof(provider));
            Operation = operation ?? throw new ArgumentNullException(nameof(operation));
            Action = action ?? operation.Description;
            MaxBatchSize = Math.Max(1, maxBatchSize);
        }

        public string Provider { get; }
        /// <summary>The API operation of the request (reads and idempotent changes are repeatable; unsafe ones are not).</summary>
        public ApiOperation Operation { get; }
        public string Action { get; }
        public int MaxBatchSize { get; }
        public bool Repeatable => Operation.Safety != OperationSafety.Unsafe;

        public Func<TRow, IReadOnlyList<TRow>>? ExpandRow { get; set; }
        public Action<TRow>? ValidateRow { get; set; }
        public Func<TRow, string> Key { get; set; } = _ => string.Empty;
        public Func<TRow, string?> Identifier { get; set; } = _ => null;
        public Func<TRow, BatchResult>? Result { get; set; }
        public Func<IReadOnlyList<TRow>, BatchDescription> Description { get; set; } = rows => new BatchDescription(rows.Count + " rows", "");
        public Func<IReadOnlyList<TRow>, CancellationToken, Task<IReadOnlyList<BatchReply>>> Send { get; set; } = (rows, ct) => throw new NotSupportedException();

        public IReadOnlyList<TRow> Expand(TRow row) => ExpandRow is null ? new[] { row } : ExpandRow(row);

        public void Validate(TRow row) => ValidateRow?.Invoke(row);

        public string KeyOf(TRow row) => Key(row);

        public string? IdentifierOf(TRow row) => Identifier(row);

        public BatchResult NewResult(TRow row) => Result is null ? new BatchResult(Provider, Action) : Result(row);

        public BatchDescription Describe(IReadOnlyList<TRow> rows) => Description(rows);

        public Task<IReadOnlyList<BatchReply>> SendAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken) => Send(rows, cancellationToken);
    }
}
