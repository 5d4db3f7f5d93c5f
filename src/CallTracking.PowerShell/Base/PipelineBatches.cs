using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Values from the pipeline, grouped by a key (a site id; one group when there is none) in the order the keys first
    /// came, and cut into batches of at most <see cref="Limit"/> values: a cmdlet sends a batch as soon as it is full and
    /// the rest in EndProcessing, one request per batch instead of one per pipeline object. Each value keeps the object it
    /// came from, so a failed batch is reported on each of its items and nothing is dropped.
    /// </summary>
    internal sealed class PipelineBatches
    {
        private readonly List<Batch> _open = new List<Batch>();

        public PipelineBatches(int limit) => Limit = Math.Max(1, limit);

        public int Limit { get; }

        /// <summary>Adds a value; returns the group's batch when it has just become full (take it and send it).</summary>
        public Batch? Add(string key, string value, object? item)
        {
            var batch = _open.FirstOrDefault(b => string.Equals(b.Key, key, StringComparison.OrdinalIgnoreCase));
            if (batch is null) _open.Add(batch = new Batch(key));
            batch.Add(value, item);
            if (batch.Values.Count < Limit) return null;
            _open.Remove(batch);
            return batch;
        }

        /// <summary>Every batch not sent yet, in the order their keys came (the queue is left empty).</summary>
        public IReadOnlyList<Batch> TakeAll()
        {
            var all = _open.ToList();
            _open.Clear();
            return all;
        }

        internal sealed class Batch
        {
            private readonly List<string> _values = new List<string>();
            private readonly List<object?> _items = new List<object?>();

            public Batch(string key) => Key = key;

            public string Key { get; }
            public IReadOnlyList<string> Values => _values;
            /// <summary>The pipeline object (or value) each value came from, for per-item errors and results.</summary>
            public IReadOnlyList<object?> Items => _items;

            public void Add(string value, object? item)
            {
                _values.Add(value);
                _items.Add(item);
            }
        }
    }
}
