using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Batching
{
    /// <summary>One input row for a batched function: its position, and the row (or why it could not be made).</summary>
    public sealed class BatchItem<TRow>
    {
        public BatchItem(long row, TRow value)
        {
            Row = row;
            Value = value;
            HasValue = true;
        }

        private BatchItem(long row, Exception error, string? target)
        {
            Row = row;
            Error = error;
            Target = target;
        }

        /// <summary>An input row that failed before it became a row (a piped object of the wrong kind, say).</summary>
        public static BatchItem<TRow> Failed(long row, Exception error, string? target) => new BatchItem<TRow>(row, error ?? throw new ArgumentNullException(nameof(error)), target);

        /// <summary>1 = the first row the command received.</summary>
        public long Row { get; }
        public TRow Value { get; } = default!;
        public bool HasValue { get; }
        public Exception? Error { get; }
        /// <summary>What a failed row was about (its id as given), for its result.</summary>
        public string? Target { get; }
    }

    /// <summary>One request's worth of rows: all of one key, at most the chunk size, in input order.</summary>
    public sealed class Batch<TRow>
    {
        internal Batch(int index, string key, IReadOnlyList<BatchRun<TRow>.Entry> entries, BatchDescription description)
        {
            Index = index;
            Key = key;
            Entries = entries;
            Description = description;
        }

        /// <summary>1-based position in the run's plan.</summary>
        public int Index { get; }
        internal string Key { get; }
        internal IReadOnlyList<BatchRun<TRow>.Entry> Entries { get; }
        public int Count => Entries.Count;
        public IReadOnlyList<TRow> Rows => Entries.Select(e => e.Value).ToList();
        /// <summary>The input rows (1-based) the batch carries, in order.</summary>
        public IReadOnlyList<long> RowNumbers => Entries.Select(e => e.Row).ToList();
        public BatchDescription Description { get; }
    }

    /// <summary>
    /// Sends a set of rows through an <see cref="IBatchOperation{TRow}"/> with as few requests as the function allows: rows are
    /// expanded and checked (a bad row fails alone, before anything is sent), grouped by their key, each group split into
    /// chunks of the batch size, one request per chunk, chunks in the order of their first row. Every row gets one
    /// <see cref="BatchResult"/>, handed out in input order as soon as it and every row before it are decided.
    /// A chunk that fails is reported on each of its rows; when the function is repeatable and the refusal names some of
    /// the chunk's rows, those fail and the others are sent once more without them. Nothing here repeats a request: an
    /// unsafe function's request goes out once (the executor's operation safety decides what a failed attempt may do).
    /// The caller drives it (a cmdlet asks for confirmation between chunks, on its own thread) or calls <see cref="RunAsync"/>.
    /// </summary>
    public sealed class BatchRun<TRow>
    {
        /// <summary>How many times a repeatable chunk is sent again after refusals that name some of its rows.</summary>
        public const int MaxResends = 5;

        private readonly IBatchOperation<TRow> _operation;
        private readonly List<Entry> _entries = new List<Entry>();
        private readonly List<Batch<TRow>> _batches = new List<Batch<TRow>>();
        private int _cursor;
        private int _nextRequest;

        /// <param name="batchSize">Rows per request (capped by the function's own maximum).</param>
        /// <param name="firstRequestNumber">The number of this run's first request (runs of one command continue the count).</param>
        public BatchRun(IBatchOperation<TRow> operation, IEnumerable<BatchItem<TRow>> items, int batchSize, int firstRequestNumber = 1)
        {
            _operation = operation ?? throw new ArgumentNullException(nameof(operation));
            if (items is null) throw new ArgumentNullException(nameof(items));
            if (batchSize < 1) throw new CallTrackingArgumentException("BatchSize", batchSize, "a whole number of at least 1");
            _nextRequest = firstRequestNumber;
            ChunkSize = Math.Max(1, Math.Min(batchSize, operation.MaxBatchSize));
            foreach (var item in items) Add(item);
            Plan();
        }

        /// <summary>Rows per request in this run.</summary>
        public int ChunkSize { get; }

        /// <summary>The planned requests, in the order they are sent.</summary>
        public IReadOnlyList<Batch<TRow>> Batches => _batches;

        /// <summary>Requests sent so far (a chunk sent again without the rows a refusal named counts again).</summary>
        public int Requests { get; private set; }

        /// <summary>The number the next request of the command will have.</summary>
        public int NextRequestNumber => _nextRequest;

        /// <summary>True once <see cref="SkipRemaining"/> stopped the run.</summary>
        public bool Stopped { get; private set; }

        private void Add(BatchItem<TRow> item)
        {
            if (!item.HasValue)
            {
                _entries.Add(Entry.Failed(item.Row, default!, false, item.Error!, item.Target, _entries.Count));
                return;
            }
            IReadOnlyList<TRow> rows;
            try
            {
                rows = _operation.Expand(item.Value);
            }
            catch (Exception ex) when (IsRowFailure(ex))
            {
                _entries.Add(Entry.Failed(item.Row, item.Value, true, ex, null, _entries.Count));
                return;
            }
            foreach (var row in rows)
            {
                try
                {
                    _operation.Validate(row);
                    _entries.Add(new Entry(item.Row, row, true, _entries.Count));
                }
                catch (Exception ex) when (IsRowFailure(ex))
                {
                    _entries.Add(Entry.Failed(item.Row, row, true, ex, null, _entries.Count));
                }
            }
        }

        private void Plan()
        {
            var groups = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var entry in _entries.Where(e => e.State == RowState.Pending))
            {
                string key;
                try { key = _operation.KeyOf(entry.Value) ?? string.Empty; }
                catch (Exception ex) when (IsRowFailure(ex)) { entry.Fail(ex, null); continue; }
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = new List<Entry>();
                    order.Add(key);
                }
                list.Add(entry);
            }
            var chunks = new List<(string Key, List<Entry> Entries)>();
            foreach (var key in order)
            {
                var list = groups[key];
                for (var i = 0; i < list.Count; i += ChunkSize) chunks.Add((key, list.GetRange(i, Math.Min(ChunkSize, list.Count - i))));
            }
            // The chunk holding the earliest undecided row goes first: results reach the caller in input order sooner.
            foreach (var chunk in chunks.OrderBy(c => c.Entries[0].Position))
            {
                BatchDescription description;
                try { description = _operation.Describe(chunk.Entries.Select(e => e.Value).ToList()); }
                catch (Exception ex) when (IsRowFailure(ex))
                {
                    foreach (var e in chunk.Entries) e.Fail(ex, null);
                    continue;
                }
                _batches.Add(new Batch<TRow>(_batches.Count + 1, chunk.Key, chunk.Entries, description));
            }
        }

        /// <summary>
        /// Sends one planned chunk (with the resends a refusal naming some of its rows allows) and decides each of its rows.
        /// A failure the caller can act on is recorded on the rows, never thrown; cancellation is thrown (the rows stay undecided).
        /// </summary>
        public async Task SendAsync(Batch<TRow> batch, CancellationToken cancellationToken)
        {
            if (batch is null) throw new ArgumentNullException(nameof(batch));
            var pending = batch.Entries.Where(e => e.State == RowState.Pending).ToList();
            var resends = 0;
            while (pending.Count > 0)
            {
                var request = _nextRequest++;
                IReadOnlyList<BatchReply> replies;
                try
                {
                    Requests++;
                    replies = await _operation.SendAsync(pending.Select(e => e.Value).ToList(), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex) when (IsRowFailure(ex))
                {
                    var notSent = ex is CallTrackingArgumentException || (ex is CallTrackingException ct && ct.NotSent);
                    var blamed = _operation.Repeatable && ex is CallTrackingException refused && refused.Kind == CallTrackingErrorKind.InvalidArgument
                        ? Blamed(pending, refused) : new List<Entry>();
                    if (blamed.Count > 0 && blamed.Count < pending.Count && resends < MaxResends)
                    {
                        foreach (var e in blamed) e.Fail(ex, request);
                        pending = pending.Except(blamed).ToList();
                        resends++;
                        continue;
                    }
                    var unsafeBlame = !_operation.Repeatable && ex is CallTrackingException named && named.Kind == CallTrackingErrorKind.InvalidArgument
                        ? Blamed(pending, named) : new List<Entry>();
                    foreach (var e in pending)
                    {
                        var error = unsafeBlame.Count > 0 && !unsafeBlame.Contains(e) ? RefusedForAnother((CallTrackingException)ex, unsafeBlame, pending.Count) : ex;
                        e.Fail(error, notSent ? (int?)null : request);
                    }
                    return;
                }
                if (replies is null || replies.Count != pending.Count)
                    throw new InvalidOperationException(_operation.Action + ": the provider's batch function gave " + (replies?.Count ?? 0) + " replies for " + pending.Count + " rows.");
                for (var i = 0; i < pending.Count; i++)
                {
                    if (replies[i].Error is Exception rowError) pending[i].Fail(rowError, request);
                    else pending[i].Succeed(replies[i].Value, request);
                }
                return;
            }
        }

        /// <summary>Marks a chunk's rows as not sent (declined at the prompt, or -WhatIf).</summary>
        public void Skip(Batch<TRow> batch, string reason)
        {
            foreach (var e in batch.Entries) e.Skip(reason);
        }

        /// <summary>Marks every row not yet decided as not sent (the command was stopped); the run sends nothing more.</summary>
        public void SkipRemaining(string reason)
        {
            Stopped = true;
            foreach (var e in _entries) e.Skip(reason);
        }

        /// <summary>The results of the rows decided since the last call, in input order, up to the first row still undecided.</summary>
        public IEnumerable<BatchResult> TakeResolved()
        {
            var taken = new List<BatchResult>();
            while (_cursor < _entries.Count && _entries[_cursor].State != RowState.Pending)
                taken.Add(ResultOf(_entries[_cursor++]));
            return taken;
        }

        /// <summary>True when every row is decided.</summary>
        public bool IsComplete => _entries.All(e => e.State != RowState.Pending);

        /// <summary>What happened to the rows so far: requests sent, rows sent and not sent (as row ranges).</summary>
        public BatchSummary Summary()
            => new BatchSummary(_operation.Action, Requests, _batches.Count,
                _entries.Where(e => e.Request.HasValue).Select(e => e.Row),
                _entries.Where(e => e.State == RowState.NotSent || e.State == RowState.Pending).Select(e => e.Row),
                _entries.Where(e => e.State == RowState.Failed && !e.Request.HasValue).Select(e => e.Row),
                Stopped);

        /// <summary>
        /// Runs every chunk: <paramref name="confirm"/> (null: always) decides each one; <paramref name="stop"/> stops the
        /// run between chunks (the chunk in flight finishes: its outcome is known); <paramref name="cancellationToken"/>
        /// cancels the request in flight.
        /// </summary>
        public async Task<IReadOnlyList<BatchResult>> RunAsync(Func<Batch<TRow>, bool>? confirm, CancellationToken stop, CancellationToken cancellationToken = default)
        {
            var results = new List<BatchResult>(TakeResolved());
            foreach (var batch in _batches)
            {
                if (stop.IsCancellationRequested) { SkipRemaining("the command was stopped before this row's request"); break; }
                if (confirm != null && !confirm(batch)) Skip(batch, "declined");
                else await SendAsync(batch, cancellationToken).ConfigureAwait(false);
                results.AddRange(TakeResolved());
            }
            results.AddRange(TakeResolved());
            return results;
        }

        private BatchResult ResultOf(Entry e)
        {
            BatchResult result;
            try { result = e.HasRow ? _operation.NewResult(e.Value) : new BatchResult(_operation.Provider, _operation.Action) { Id = e.Target }; }
            catch (Exception ex) when (IsRowFailure(ex)) { result = new BatchResult(_operation.Provider, _operation.Action) { Id = e.Target }; }
            result.Row = e.Row;
            result.Request = e.Request;
            result.Status = e.State == RowState.Succeeded ? BatchRowStatus.Succeeded : e.State == RowState.Failed ? BatchRowStatus.Failed : BatchRowStatus.NotSent;
            result.Exception = e.Error;
            result.Reason = e.Reason;
            if (e.State == RowState.Succeeded && e.Value2 != null) result.Value = e.Value2;
            return result;
        }

        /// <summary>The rows a refusal names (their identifier appears in the provider's message as a whole word).</summary>
        private List<Entry> Blamed(List<Entry> pending, CallTrackingException refusal)
        {
            var text = (refusal.ProviderMessage ?? string.Empty) + " " + (refusal.ProviderMessage is null ? refusal.Message : string.Empty);
            var blamed = new List<Entry>();
            foreach (var e in pending)
            {
                string? id;
                try { id = _operation.IdentifierOf(e.Value); }
                catch (Exception ex) when (IsRowFailure(ex)) { id = null; }
                if (!string.IsNullOrEmpty(id) && ContainsWord(text, id!)) blamed.Add(e);
            }
            return blamed;
        }

        private static bool ContainsWord(string text, string word)
        {
            var at = 0;
            while ((at = text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
                var end = at + word.Length;
                var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
                if (before && after) return true;
                at = end;
            }
            return false;
        }

        private CallTrackingException RefusedForAnother(CallTrackingException refusal, List<Entry> blamed, int rows)
        {
            var names = string.Join(", ", blamed.Select(b => SafeIdentifier(b)).Where(n => n != null).Distinct().Take(5));
            var message = refusal.Provider + " refused the request for " + rows + " rows because of " + names + " (" + (refusal.ProviderMessage ?? refusal.Message).TrimEnd('.')
                          + "). This row was not sent again: " + _operation.Action + " may not be repeated, so run it again without the row named.";
            return new CallTrackingException(refusal.Provider, refusal.Operation, refusal.Kind, message, refusal.HttpStatus, refusal.ProviderCode, refusal.ProviderMessage, refusal) { Target = refusal.Target };
        }

        private string? SafeIdentifier(Entry e)
        {
            try { return _operation.IdentifierOf(e.Value); }
            catch (Exception ex) when (IsRowFailure(ex)) { return null; }
        }

        /// <summary>The failures a row (or a chunk) is reported with; anything else is a bug and propagates.</summary>
        public static bool IsRowFailure(Exception ex) => ex is CallTrackingException || ex is CallTrackingArgumentException;

        internal enum RowState
        {
            Pending,
            Succeeded,
            Failed,
            NotSent,
        }

        /// <summary>One row after expansion, and how it went.</summary>
        internal sealed class Entry
        {
            public Entry(long row, TRow value, bool hasRow, int position)
            {
                Row = row;
                Value = value;
                HasRow = hasRow;
                Position = position;
            }

            public static Entry Failed(long row, TRow value, bool hasRow, Exception error, string? target, int position)
            {
                var e = new Entry(row, value, hasRow, position) { Target = target };
                e.Fail(error, null);
                return e;
            }

            public long Row { get; }
            /// <summary>Orders entries as they were added (a row expanded into several keeps its rows' order).</summary>
            public int Position { get; }
            public TRow Value { get; }
            public bool HasRow { get; }
            public string? Target { get; private set; }
            public RowState State { get; private set; }
            public Exception? Error { get; private set; }
            public string? Reason { get; private set; }
            public int? Request { get; private set; }
            public object? Value2 { get; private set; }

            public void Fail(Exception error, int? request)
            {
                if (State != RowState.Pending) return;
                State = RowState.Failed;
                Error = error;
                Request = request;
            }

            public void Succeed(object? value, int request)
            {
                if (State != RowState.Pending) return;
                State = RowState.Succeeded;
                Value2 = value;
                Request = request;
            }

            public void Skip(string reason)
            {
                if (State != RowState.Pending) return;
                State = RowState.NotSent;
                Reason = reason;
            }
        }
    }
}
