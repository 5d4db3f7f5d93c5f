using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Core.Paging
{
    /// <summary>Fetches one page: the token is null for the first page, then what the previous page gave as its next token.</summary>
    public delegate Task<Page<T>> PageFetcher<T>(string? token, CancellationToken cancellationToken);

    /// <summary>
    /// Streams a paged list: each record is yielded as its page arrives, and while the consumer works on page k, page k+1 is
    /// already on its way (at most two pages held), so a slow consumer (Export-Csv, a database write) and the network
    /// overlap. The next page's token comes from the page (a cursor, a page number, the last record's id: the provider's
    /// reader decides). Each fetch is one request with its own retry budget, retried inside it, so a broken page is fetched
    /// again before any of its records is handed out: nothing is lost or repeated.
    /// </summary>
    public static class Paginator
    {
        public static async IAsyncEnumerable<T> StreamAsync<T>(
            string operation,
            PageFetcher<T> fetchPage,
            long? first,
            Action<PageProgress>? observer,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (first.HasValue && first.Value <= 0) yield break;
            using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task<Page<T>>? next = fetchPage(null, prefetch.Token);
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
                        var take = page.Count;
                        if (first.HasValue && received + take > first.Value) take = (int)(first.Value - received);
                        received += take;
                        observer?.Invoke(new PageProgress(operation, pageNumber, received, page.TotalCount));
                        var more = page.NextToken != null && page.Count > 0 && !(first.HasValue && received >= first.Value);
                        // Ask for the next page now, before this one is consumed.
                        if (more) next = fetchPage(page.NextToken, prefetch.Token);
                        var given = 0;
                        foreach (var item in page.Items)
                        {
                            if (given++ == take) break;
                            yield return item;
                        }
                    }
                    finally
                    {
                        page.Dispose();
                    }
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
    }
}
