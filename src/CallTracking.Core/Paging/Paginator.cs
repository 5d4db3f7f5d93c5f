using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Http;
using CallTracking.Core.Model;

namespace CallTracking.Core.Paging
{
    /// <summary>Fetches one page: the token is null for the first page, then what the previous page gave as its next token.</summary>
    public delegate Task<Page<T>> PageFetcher<T>(string? token, CancellationToken cancellationToken);

    /// <summary>
    /// A record stream that can also be read a page at a time: a consumer that must stay on one thread (the pipeline pump)
    /// then pays one async step per page instead of one per record. Covariant, so a stream of a provider's records is also
    /// one of the shared record type.
    /// </summary>
    public interface IPagedAsyncEnumerable<out T> : IAsyncEnumerable<T>
    {
        /// <summary>Each step is the next page's records, already cut to -First; the list stays valid after the step.</summary>
        IAsyncEnumerator<IReadOnlyList<T>> GetPageEnumerator(CancellationToken cancellationToken = default);
    }

    /// <summary>
    /// Streams a paged list: while the consumer works on page k, page k+1 is already on its way (at most two pages held), so
    /// a slow consumer (Export-Csv, a database write) and the network overlap. Each fetch runs on the thread pool, so a
    /// fetcher that materialises its page (reads every record while it validates the reply) does that work off the
    /// consumer's thread. The next page's token comes from the page (a cursor, a page number, the last record's id: the
    /// provider's reader decides). Each fetch is one request with its own retry budget, retried inside it, so a broken page
    /// is fetched again before any of its records is handed out: nothing is lost or repeated. With <see cref="PageRules{T}"/>
    /// a token that repeats or turns back, or a page that repeats the previous one, stops the listing with a
    /// ProviderFailure that says why; records that repeat the previous page's are dropped.
    /// </summary>
    public static class Paginator
    {
        public static IAsyncEnumerable<T> StreamAsync<T>(
            string operation,
            PageFetcher<T> fetchPage,
            long? first,
            Action<PageProgress>? observer,
            CancellationToken cancellationToken)
        {
            if (fetchPage is null) throw new ArgumentNullException(nameof(fetchPage));
            return new PagedStream<T>(new PageGuard<T>(string.Empty, operation, operation, null), fetchPage, first, observer, cancellationToken);
        }

        /// <summary>A provider's list, checked by its <paramref name="rules"/>; failures name the provider and the operation.</summary>
        public static IAsyncEnumerable<T> StreamAsync<T>(
            string provider,
            ApiOperation operation,
            PageFetcher<T> fetchPage,
            long? first,
            PageRules<T>? rules,
            Action<PageProgress>? observer,
            CancellationToken cancellationToken)
        {
            if (operation is null) throw new ArgumentNullException(nameof(operation));
            if (fetchPage is null) throw new ArgumentNullException(nameof(fetchPage));
            return new PagedStream<T>(new PageGuard<T>(provider, operation.Name, operation.Description, rules), fetchPage, first, observer, cancellationToken);
        }

        private sealed class PagedStream<T> : IPagedAsyncEnumerable<T>
        {
            private readonly PageGuard<T> _guardTemplate;
            private readonly string _operation;
            private readonly PageFetcher<T> _fetchPage;
            private readonly long? _first;
            private readonly Action<PageProgress>? _observer;
            private readonly CancellationToken _token;

            public PagedStream(PageGuard<T> guard, PageFetcher<T> fetchPage, long? first, Action<PageProgress>? observer, CancellationToken token)
            {
                _guardTemplate = guard;
                _operation = guard.Operation;
                _fetchPage = fetchPage;
                _first = first;
                _observer = observer;
                _token = token;
            }

            public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
                => Records(cancellationToken).GetAsyncEnumerator(cancellationToken);

            public IAsyncEnumerator<IReadOnlyList<T>> GetPageEnumerator(CancellationToken cancellationToken = default)
                => Pages(cancellationToken).GetAsyncEnumerator(cancellationToken);

            private async IAsyncEnumerable<T> Records([EnumeratorCancellation] CancellationToken cancellationToken)
            {
                await foreach (var page in Pages(cancellationToken).ConfigureAwait(false))
                {
                    for (var i = 0; i < page.Count; i++) yield return page[i];
                }
            }

            private async IAsyncEnumerable<IReadOnlyList<T>> Pages([EnumeratorCancellation] CancellationToken cancellationToken)
            {
                if (_first.HasValue && _first.Value <= 0) yield break;
                var guard = _guardTemplate.Fresh();
                // Every page first, then the records, when what consumes them may change what the next page would hold.
                var held = guard.ReadAllFirst ? new List<IReadOnlyList<T>>() : null;
                long heldCount = 0;
                // Both the stream's token and the enumerator's stop it; cancelling this one also stops the page in flight.
                using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(_token, cancellationToken);
                Task<Page<T>>? next = Fetch(null, prefetch.Token);
                long received = 0;
                var pageNumber = 0;
                try
                {
                    while (next != null)
                    {
                        var page = await next.ConfigureAwait(false);
                        next = null;
                        try
                        {
                            pageNumber++;
                            var fresh = guard.Admit(Materialise(page, page.Count), pageNumber);
                            var take = fresh.Count;
                            if (_first.HasValue && received + take > _first.Value) take = (int)(_first.Value - received);
                            received += take;
                            _observer?.Invoke(new PageProgress(_operation, pageNumber, received, page.TotalCount));
                            var more = page.NextToken != null && page.Count > 0 && !(_first.HasValue && received >= _first.Value);
                            // Ask for the next page now, before this one is consumed.
                            // A token that must not be followed fails the listing after this page's records.
                            var stop = more ? guard.CheckToken(page.NextToken!, pageNumber) : null;
                            if (more && stop is null) next = Fetch(page.NextToken, prefetch.Token);
                            var items = take >= fresh.Count ? fresh : new Prefix(fresh, take);
                            if (held is null)
                            {
                                if (items.Count > 0) yield return items;
                                if (stop != null) throw stop;
                                continue;
                            }
                            if (stop != null)
                            {
                                foreach (var earlier in held) yield return earlier;
                                if (items.Count > 0) yield return items;
                                throw stop;
                            }
                            if (items.Count == 0) continue;
                            held.Add(items);
                            heldCount += items.Count;
                            if (heldCount > guard.ReadAllLimit)
                            {
                                guard.WarnReadAllLimit();
                                foreach (var earlier in held) yield return earlier;
                                held = null;
                            }
                        }
                        finally
                        {
                            page.Dispose();
                        }
                    }
                    if (held != null)
                    {
                        foreach (var items in held) yield return items;
                    }
                }
                finally
                {
                    if (next != null)
                    {
                        // The consumer stopped early: cancel the page in flight and release it if it arrives anyway.
                        prefetch.Cancel();
                        try { (await next.ConfigureAwait(false)).Dispose(); }
                        catch (Exception) { /* its failure no longer matters */ }
                    }
                }
            }

            // On the thread pool: the request, and the fetcher's reading of the reply, never run on the consumer's thread.
            private Task<Page<T>> Fetch(string? token, CancellationToken cancellationToken)
                => Task.Run(() => _fetchPage(token, cancellationToken), cancellationToken);

            /// <summary>The page's first <paramref name="take"/> records as a list (a lazily read page is read here, once).</summary>
            private static IReadOnlyList<T> Materialise(Page<T> page, int take)
            {
                if (page.Items is IReadOnlyList<T> list)
                    return take >= list.Count ? list : new Prefix(list, take);
                var copy = new List<T>(Math.Max(0, take));
                if (take <= 0) return copy;
                foreach (var item in page.Items)
                {
                    copy.Add(item);
                    if (copy.Count == take) break;
                }
                return copy;
            }

            /// <summary>The first records of a page (-First ended the listing inside it).</summary>
            private sealed class Prefix : IReadOnlyList<T>
            {
                private readonly IReadOnlyList<T> _list;

                public Prefix(IReadOnlyList<T> list, int count)
                {
                    _list = list;
                    Count = Math.Max(0, count);
                }

                public int Count { get; }

                public T this[int index] => (uint)index < (uint)Count ? _list[index] : throw new ArgumentOutOfRangeException(nameof(index));

                public IEnumerator<T> GetEnumerator()
                {
                    for (var i = 0; i < Count; i++) yield return _list[i];
                }

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }
        }
    }
}
