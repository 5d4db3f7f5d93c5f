using System;

namespace CallTracking.Core.Paging
{
    /// <summary>
    /// What a provider's list tells the paginator about its paging, so that a server whose paging does not advance, or
    /// shifts while it is read, cannot loop forever, repeat records or skip them.
    /// </summary>
    public sealed class PageRules<T>
    {
        /// <summary>
        /// A record's identity (its id). A record that repeats one of the previous page's is dropped (said in verbose: the
        /// usual sign of page-number paging while new records arrive); a page made only of the previous page's records
        /// stops the listing with a ProviderFailure. Only the previous page's ids are kept: memory stays flat.
        /// </summary>
        public Func<T, string?>? KeyOf { get; set; }

        /// <summary>
        /// How the next-page tokens move: a token against that order stops the listing. A token that repeats an earlier
        /// one stops it whatever the order.
        /// </summary>
        public PageTokenOrder TokenOrder { get; set; }

        /// <summary>
        /// Page-number paging: when records that match the filter are changed or removed while the list is read (a
        /// pipeline that sets or removes what it lists), later pages shift and records are skipped. With
        /// <see cref="ReadAllFirst"/> every page is read before the first record is handed out.
        /// </summary>
        public bool ShiftsWhenRecordsChange { get; set; }

        /// <summary>Set from <c>ListQuery.ReadAllFirst</c>: the caller's records flow into commands that may change them.</summary>
        public bool ReadAllFirst { get; set; }

        /// <summary>Past this many records the list is handed out as it comes, with a warning (memory stays bounded).</summary>
        public int ReadAllLimit { get; set; } = 100_000;
    }
}

namespace CallTracking.Core.Paging
{
    /// <summary>How a list's next-page tokens move, as the provider's definitions declare it.</summary>
    public enum PageTokenOrder
    {
        /// <summary>Opaque tokens: only a repeated token is caught.</summary>
        Any,
        /// <summary>Numbers that only grow (page numbers, an offset cursor).</summary>
        Increasing,
        /// <summary>Numbers that move one way, up or down, as the first step shows.</summary>
        OneWay,
    }
}
