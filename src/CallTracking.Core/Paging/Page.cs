using System;
using System.Collections.Generic;

namespace CallTracking.Core.Paging
{
    /// <summary>
    /// One page of records and where the next one starts (null = this was the last). Items may be materialised lazily from
    /// the page's buffer (already validated whole), so a record lives only as long as its consumer keeps it; the page owns
    /// that buffer until it is disposed.
    /// </summary>
    public sealed class Page<T> : IDisposable
    {
        private IDisposable? _owner;

        public Page(IReadOnlyList<T> items, string? nextToken, long? totalCount)
            : this(items, items.Count, nextToken, totalCount, null)
        {
        }

        public Page(IEnumerable<T> items, int count, string? nextToken, long? totalCount, IDisposable? owner)
        {
            Items = items;
            Count = count;
            NextToken = nextToken;
            TotalCount = totalCount;
            _owner = owner;
        }

        public IEnumerable<T> Items { get; }
        public int Count { get; }
        public string? NextToken { get; }
        public long? TotalCount { get; }

        public void Dispose()
        {
            var owner = _owner;
            _owner = null;
            owner?.Dispose();
        }
    }
}
