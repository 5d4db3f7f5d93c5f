using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Http;
using Polly;
using Polly.Retry;

namespace CallTracking.Core.Paging
{
    /// <summary>
    /// Streams a paged list: yields each record as its page arrives, holds one page at a time, and never stops early unless
    /// told to (-First). A page whose body cannot be parsed (cut off, malformed) is fetched again from the same position,
    /// so a flaky network neither loses nor repeats records.
    /// </summary>
    public static class Paginator
    {
        public static async IAsyncEnumerable<T> StreamAsync<T>(
            string operation,
            Func<string?, CancellationToken, Task<Page<T>>> fetchPage,
            long? first,
            ResiliencePipeline pageRetry,
            Action<PageProgress>? observer,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (first.HasValue && first.Value <= 0) yield break;
            string? token = null;
            long received = 0;
            var pageNumber = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = token;
                var page = await pageRetry.ExecuteAsync(
                    async ct => await fetchPage(current, ct).ConfigureAwait(false),
                    cancellationToken).ConfigureAwait(false);
                pageNumber++;
                try
                {
                    var take = page.Count;
                    if (first.HasValue && received + take > first.Value) take = (int)(first.Value - received);
                    received += take;
                    observer?.Invoke(new PageProgress(operation, pageNumber, received, page.TotalCount));
                    var given = 0;
                    foreach (var item in page.Items)
                    {
                        if (given++ == take) break;
                        yield return item;
                    }
                    if (first.HasValue && received >= first.Value) yield break;
                    if (page.NextToken is null || page.Count == 0) yield break;
                }
                finally
                {
                    page.Dispose();
                }
                token = page.NextToken;
            }
        }

        /// <summary>Retries a page read whose body arrived broken (reads only), within the connection's MaxRetry.</summary>
        public static ResiliencePipeline PageRetry(RetrySettings settings)
        {
            if (settings.MaxRetry <= 0) return ResiliencePipeline.Empty;
            return new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<TransientContentException>(),
                    MaxRetryAttempts = settings.MaxRetry,
                    Delay = settings.BaseDelay,
                    MaxDelay = settings.MaxDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    OnRetry = args =>
                    {
                        RequestDiagnostics.Current?.OnRetry("page", args.AttemptNumber + 2, args.RetryDelay, "unreadable reply body");
                        return default;
                    },
                })
                .Build();
        }
    }
}
