using System.Collections.Generic;

namespace CallTracking.Core.Paging
{
    /// <summary>One page of records and where the next one starts (null = this was the last).</summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string? nextToken, long? totalCount)
        {
            Items = items;
            NextToken = nextToken;
            TotalCount = totalCount;
        }

        public IReadOnlyList<T> Items { get; }
        public string? NextToken { get; }
        public long? TotalCount { get; }
    }
}
