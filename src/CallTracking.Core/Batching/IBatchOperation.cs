using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Model;

namespace CallTracking.Core.Batching
{
    /// <summary>
    /// A provider function that takes many rows in one request (an array of ids, say), as a provider's client offers it to
    /// the batching mechanism. Rows with the same <see cref="KeyOf"/> (a forward number, a channel, a destination) may share
    /// a request; <see cref="BatchRun{TRow}"/> groups them, splits each group into chunks and sends one request per chunk.
    /// </summary>
    public interface IBatchOperation<TRow>
    {
        /// <summary>The provider's name (for the results of rows that never became rows).</summary>
        string Provider { get; }

        /// <summary>What the function does, for messages ("set call forwarding").</summary>
        string Action { get; }

        /// <summary>The most rows one request may carry (the provider's own limit; 1 when the function takes one row).</summary>
        int MaxBatchSize { get; }

        /// <summary>
        /// True when the function gives the same result when repeated (its operation is not unsafe): after a refusal that
        /// names some of a chunk's rows, the others may be sent again without them.
        /// </summary>
        bool Repeatable { get; }

        /// <summary>One row per object the row names (a row of three numbers to buy becomes three rows); most rows stay one.</summary>
        IReadOnlyList<TRow> Expand(TRow row);

        /// <summary>Checks one row before anything is sent; throws a CallTrackingArgumentException for a bad value.</summary>
        void Validate(TRow row);

        /// <summary>Rows with equal keys can go in one request (the key is compared ordinally and never shown).</summary>
        string KeyOf(TRow row);

        /// <summary>How a provider's message would name the row's object (its id or number), to tell which rows a refusal blames; null when none.</summary>
        string? IdentifierOf(TRow row);

        /// <summary>A result object for the row, with the row's own fields set (the batching mechanism sets how it went).</summary>
        BatchResult NewResult(TRow row);

        /// <summary>What the request for these rows (one chunk, all of one key) does: the target and the action, for -WhatIf, the prompt and -Verbose.</summary>
        BatchDescription Describe(IReadOnlyList<TRow> rows);

        /// <summary>
        /// Sends the rows (one chunk, all of one key) as one request. Returns one reply per row, in the rows' order (what the
        /// provider returned for it, or its own failure inside a successful request); throws when the request failed as a whole.
        /// </summary>
        Task<IReadOnlyList<BatchReply>> SendAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken);
    }

    /// <summary>What one request does, in words: ShouldProcess's target and action.</summary>
    public sealed class BatchDescription
    {
        public BatchDescription(string target, string action)
        {
            Target = target;
            Action = action;
        }

        /// <summary>What the request acts on ("3 numbers: PN1, PN2, PN3").</summary>
        public string Target { get; }

        /// <summary>What it does to them ("Set call forwarding to +14105551234").</summary>
        public string Action { get; }

        public override string ToString() => Action + ": " + Target;
    }

    /// <summary>What a successful request gave for one of its rows: a value (the number bought), or that row's own failure.</summary>
    public readonly struct BatchReply
    {
        private BatchReply(object? value, System.Exception? error)
        {
            Value = value;
            Error = error;
        }

        public object? Value { get; }
        public System.Exception? Error { get; }

        public static BatchReply Done(object? value = null) => new BatchReply(value, null);

        public static BatchReply Failed(System.Exception error) => new BatchReply(null, error ?? throw new System.ArgumentNullException(nameof(error)));

        /// <summary>One plain success per row (functions whose reply has nothing per row).</summary>
        public static IReadOnlyList<BatchReply> AllDone(int count)
        {
            var replies = new BatchReply[count];
            for (var i = 0; i < count; i++) replies[i] = Done();
            return replies;
        }
    }
}
