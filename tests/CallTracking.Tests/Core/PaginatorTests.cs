using System.Collections.Concurrent;
using System.Text;
using CallTracking.Core.Http;
using CallTracking.Core.Json;
using CallTracking.Core.Paging;
using CallTracking.Core.Threading;

namespace CallTracking.Tests.Core;

/// <summary>
/// The paginator's contract: page k+1 is requested while page k is consumed, at most two pages are held, an early stop
/// cancels and releases the page in flight, a failure of page k+1 surfaces only after page k was consumed whole, and
/// paging that continues after the last record's id (AVANSER's last_id) loses and repeats nothing. No timing: waits are
/// on signals, with a generous timeout that only turns a hang into a failure.
/// </summary>
public class PaginatorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A fake source of pages 1..pageCount of pageSize ints each; records what is held and when fetches start.</summary>
    private sealed class FakePages
    {
        private readonly int _pageCount;
        private readonly int _pageSize;
        private int _held;
        private int _maxHeld;

        public FakePages(int pageCount, int pageSize)
        {
            _pageCount = pageCount;
            _pageSize = pageSize;
        }

        public ConcurrentQueue<(int Page, int ConsumedWhenStarted)> Started { get; } = new();
        public ConcurrentDictionary<int, SemaphoreSlim> Requested { get; } = new();
        public int Consumed;
        public int Held => Volatile.Read(ref _held);
        public int MaxHeld => Volatile.Read(ref _maxHeld);
        public Func<int, CancellationToken, Task>? BeforeReply { get; set; }

        public ConcurrentDictionary<int, SemaphoreSlim> Replied { get; } = new();

        public SemaphoreSlim RequestOf(int page) => Requested.GetOrAdd(page, _ => new SemaphoreSlim(0));

        public SemaphoreSlim ReplyOf(int page) => Replied.GetOrAdd(page, _ => new SemaphoreSlim(0));

        public async Task<Page<int>> Fetch(string? token, CancellationToken ct)
        {
            var page = token is null ? 1 : int.Parse(token);
            Started.Enqueue((page, Volatile.Read(ref Consumed)));
            RequestOf(page).Release();
            if (BeforeReply != null) await BeforeReply(page, ct);
            await Task.Yield();
            var items = Enumerable.Range((page - 1) * _pageSize, _pageSize).ToList();
            var held = Interlocked.Increment(ref _held);
            int max;
            while (held > (max = Volatile.Read(ref _maxHeld)) && Interlocked.CompareExchange(ref _maxHeld, held, max) != max) { }
            ReplyOf(page).Release();
            return new Page<int>(items, items.Count, page < _pageCount ? (page + 1).ToString() : null, _pageCount * _pageSize,
                new Release(() => Interlocked.Decrement(ref _held)));
        }
    }

    private sealed class Release : IDisposable
    {
        private Action? _action;
        public Release(Action action) => _action = action;
        public void Dispose() => Interlocked.Exchange(ref _action, null)?.Invoke();
    }

    [Fact]
    public async Task Page_k_plus_1_is_requested_while_page_k_is_still_being_consumed()
    {
        var pages = new FakePages(pageCount: 4, pageSize: 5);
        var seen = new List<int>();
        await foreach (var item in Paginator.StreamAsync<int>("op", pages.Fetch, null, null, CancellationToken.None))
        {
            var page = item / 5 + 1;
            if (item % 5 == 0 && page < 4)
            {
                // Still on the first record of page k: the request for page k+1 must already be on its way.
                Assert.True(await pages.RequestOf(page + 1).WaitAsync(Patience), "page " + (page + 1) + " was not requested while page " + page + " was consumed");
            }
            seen.Add(item);
            Interlocked.Increment(ref pages.Consumed);
        }
        Assert.Equal(Enumerable.Range(0, 20), seen);
        // Every request after the first started before the previous page's last record was consumed.
        foreach (var (page, consumed) in pages.Started.Where(s => s.Page > 1))
            Assert.True(consumed < (page - 1) * 5, "page " + page + " was requested only after " + consumed + " records were consumed");
    }

    [Fact]
    public async Task At_most_two_pages_are_held_even_when_the_consumer_waits_for_the_network()
    {
        var pages = new FakePages(pageCount: 6, pageSize: 3);
        var count = 0;
        await foreach (var item in Paginator.StreamAsync<int>("op", pages.Fetch, null, null, CancellationToken.None))
        {
            // A slow consumer: page k+1 has arrived before page k is done, and the paginator gets every chance to run ahead.
            var page = item / 3 + 1;
            if (item % 3 == 0 && page < 6) Assert.True(await pages.ReplyOf(page + 1).WaitAsync(Patience));
            for (var i = 0; i < 5; i++) await Task.Yield();
            await Task.Delay(1);
            Assert.InRange(pages.Held, 0, 2);
            count++;
        }
        Assert.Equal(18, count);
        Assert.Equal(2, pages.MaxHeld);
        Assert.Equal(0, pages.Held);
    }

    [Fact]
    public async Task An_early_stop_cancels_the_page_in_flight_and_releases_it()
    {
        var pages = new FakePages(pageCount: 10, pageSize: 4);
        var cancelledSeen = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        pages.BeforeReply = async (page, ct) =>
        {
            if (page < 2) return;
            // Page 2 answers only once the paginator gave up on it, and then anyway (a reply racing the cancellation).
            try { await Task.Delay(Patience, ct); }
            catch (OperationCanceledException) { cancelledSeen.TrySetResult(true); }
        };
        var enumerator = Paginator.StreamAsync<int>("op", pages.Fetch, null, null, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(0, enumerator.Current);
        Assert.True(await pages.RequestOf(2).WaitAsync(Patience));
        await enumerator.DisposeAsync(); // the consumer stops after one record (-First, Select-Object -First, Ctrl+C)
        Assert.True(cancelledSeen.Task.IsCompleted, "the request for page 2 was not cancelled");
        Assert.Equal(0, pages.Held); // page 1, and page 2 that arrived after all, were released
        Assert.DoesNotContain(pages.Started, s => s.Page > 2);
    }

    [Fact]
    public async Task An_early_stop_whose_page_in_flight_fails_ends_quietly()
    {
        var pages = new FakePages(pageCount: 10, pageSize: 4);
        pages.BeforeReply = async (page, ct) =>
        {
            if (page < 2) return;
            await Task.Delay(Patience, ct); // throws when cancelled: the failure no longer matters
        };
        var taken = new List<int>();
        await foreach (var item in Paginator.StreamAsync<int>("op", pages.Fetch, null, null, CancellationToken.None))
        {
            taken.Add(item);
            if (taken.Count == 2) break;
        }
        Assert.Equal(new[] { 0, 1 }, taken);
        Assert.Equal(0, pages.Held);
    }

    [Fact]
    public async Task A_failure_of_page_k_plus_1_surfaces_only_after_page_k_was_consumed_whole()
    {
        var pages = new FakePages(pageCount: 5, pageSize: 4);
        pages.BeforeReply = (page, _) => page == 3 ? throw new TransientContentException("page 3 is broken") : Task.CompletedTask;
        var seen = new List<int>();
        var error = await Assert.ThrowsAsync<TransientContentException>(async () =>
        {
            await foreach (var item in Paginator.StreamAsync<int>("op", pages.Fetch, null, null, CancellationToken.None))
            {
                if (item == 4) Assert.True(await pages.RequestOf(3).WaitAsync(Patience)); // page 3 has already failed by now
                seen.Add(item);
            }
        });
        Assert.Equal("page 3 is broken", error.Message);
        Assert.Equal(Enumerable.Range(0, 8), seen); // pages 1 and 2 whole, nothing of page 3
        Assert.Equal(0, pages.Held);
    }

    [Fact]
    public async Task First_stops_inside_a_page_and_asks_for_no_page_beyond()
    {
        var pages = new FakePages(pageCount: 10, pageSize: 4);
        var seen = new List<int>();
        await foreach (var item in Paginator.StreamAsync<int>("op", pages.Fetch, 6, null, CancellationToken.None)) seen.Add(item);
        Assert.Equal(Enumerable.Range(0, 6), seen);
        Assert.Equal(new[] { 1, 2 }, pages.Started.Select(s => s.Page).OrderBy(p => p));
        Assert.Equal(0, pages.Held);
    }

    [Fact]
    public async Task The_page_enumerator_gives_whole_pages_cut_to_First_and_reports_progress_per_page()
    {
        var pages = new FakePages(pageCount: 3, pageSize: 4);
        var progress = new List<PageProgress>();
        var stream = (IPagedAsyncEnumerable<int>)Paginator.StreamAsync<int>("op", pages.Fetch, 10, progress.Add, CancellationToken.None);
        var sizes = new List<int>();
        await using (var e = stream.GetPageEnumerator())
        {
            while (await e.MoveNextAsync()) sizes.Add(e.Current.Count);
        }
        Assert.Equal(new[] { 4, 4, 2 }, sizes);
        Assert.Equal(new long[] { 4, 8, 10 }, progress.Select(p => p.Received));
        Assert.All(progress, p => Assert.Equal(12L, p.TotalCount));
    }

    // ---- Paging on the last record's id (AVANSER's last_id) -----------------------------------------------------------

    private sealed record Row(long Id, string Name);

    private static Row ParseRow(ref System.Text.Json.Utf8JsonReader reader, JsonSource source)
    {
        long id = 0;
        var name = string.Empty;
        while (reader.Read() && reader.TokenType != System.Text.Json.JsonTokenType.EndObject)
        {
            var key = reader.GetString();
            reader.Read();
            if (key == "id") id = reader.GetInt64();
            else if (key == "name") name = reader.GetString()!;
            else reader.Skip();
        }
        return new Row(id, name);
    }

    /// <summary>A last_id server: ids ascending with gaps, `limit` per reply, the next reply starts after last_id.</summary>
    private static string LastIdReply(long[] ids, long? lastId, int limit)
    {
        var rows = ids.Where(i => lastId is null || i > lastId.Value).Take(limit).Select(i => "{\"id\":" + i + ",\"name\":\"n" + i + "\",\"extra\":{\"x\":[1,2]}}");
        return "{\"result\":[" + string.Join(",", rows) + "],\"status\":\"ok\"}";
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Paging_on_the_last_records_id_loses_and_repeats_nothing(bool readWhole)
    {
        var ids = Enumerable.Range(1, 47).Select(i => (long)i * 3 + (i % 4)).ToArray(); // ascending, uneven gaps
        var asked = new List<long?>();
        Task<Page<Row>> Fetch(string? token, CancellationToken ct)
        {
            var lastId = token is null ? (long?)null : long.Parse(token);
            lock (asked) asked.Add(lastId);
            var body = new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(LastIdReply(ids, lastId, 10)));
            if (readWhole)
            {
                var list = JsonPages.ReadList(body, "result", ParseRow, 10);
                // A short page is the last; otherwise continue after the last record's id.
                var next = list.Items.Count < 10 ? null : list.Last!.Id.ToString();
                return Task.FromResult(new Page<Row>(list.Items, next, null));
            }
            var info = JsonPages.Scan(body, "result");
            var last = JsonPages.ReadLast(body, info, ParseRow);
            return Task.FromResult(new Page<Row>(JsonPages.Enumerate(body, info, ParseRow), info.Count, info.Count < 10 ? null : last!.Id.ToString(), null, null));
        }

        var seen = new List<Row>();
        await foreach (var row in Paginator.StreamAsync<Row>("op", Fetch, null, null, CancellationToken.None)) seen.Add(row);
        Assert.Equal(ids, seen.Select(r => r.Id));
        Assert.All(seen, r => Assert.Equal("n" + r.Id, r.Name));
        Assert.Equal(5, asked.Count); // 10 + 10 + 10 + 10 + 7
        Assert.Null(asked[0]);
        Assert.Equal(new long?[] { ids[9], ids[19], ids[29], ids[39] }, asked.Skip(1));
    }

    // ---- Through the pump, as a cmdlet reads it ---------------------------------------------------------------------

    [Fact]
    public void The_pump_reads_a_paged_stream_in_order_on_the_owner_thread_with_progress_there_too()
    {
        var owner = Environment.CurrentManagedThreadId;
        var progressThreads = new ConcurrentQueue<int>();
        var pump = new PipelinePump(_ => { }, _ => progressThreads.Enqueue(Environment.CurrentManagedThreadId));
        var pages = new FakePages(pageCount: 5, pageSize: 7);
        var seen = new List<int>();
        foreach (var item in pump.Stream(Paginator.StreamAsync<int>("op", pages.Fetch, null, pump.ProgressObserver, CancellationToken.None), CancellationToken.None))
        {
            Assert.Equal(owner, Environment.CurrentManagedThreadId);
            seen.Add(item);
        }
        Assert.Equal(Enumerable.Range(0, 35), seen);
        Assert.Equal(5, progressThreads.Count);
        Assert.All(progressThreads, t => Assert.Equal(owner, t));
        Assert.Equal(0, pages.Held);
    }

    [Fact]
    public void Leaving_the_pumped_stream_early_cancels_and_releases_the_page_in_flight()
    {
        var pump = new PipelinePump(_ => { });
        var pages = new FakePages(pageCount: 100, pageSize: 10);
        var cancelled = 0;
        pages.BeforeReply = async (page, ct) =>
        {
            if (page < 2) return;
            try { await Task.Delay(Patience, ct); }
            catch (OperationCanceledException) { Interlocked.Increment(ref cancelled); throw; }
        };
        var taken = pump.Stream(Paginator.StreamAsync<int>("op", pages.Fetch, null, null, CancellationToken.None), CancellationToken.None).Take(3).ToList();
        Assert.Equal(new[] { 0, 1, 2 }, taken);
        // Page 2 was asked for while page 1 was consumed. Either its fetch had started and was cancelled, or the stop
        // came before the thread pool ran it at all; it never completed.
        Assert.Equal(pages.Started.Count(s => s.Page == 2), cancelled);
        Assert.False(pages.ReplyOf(2).CurrentCount > 0, "page 2 was answered after the consumer left");
        Assert.Equal(0, pages.Held);
    }

    [Fact]
    public void A_stop_token_ends_a_pumped_listing_that_waits_on_the_network()
    {
        var pump = new PipelinePump(_ => { });
        var pages = new FakePages(pageCount: 100, pageSize: 10);
        using var stop = new CancellationTokenSource();
        pages.BeforeReply = (page, ct) => page < 3 ? Task.CompletedTask : Task.Delay(Patience, ct);
        var seen = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in pump.Stream(Paginator.StreamAsync<int>("op", pages.Fetch, null, null, stop.Token), stop.Token))
            {
                if (++seen == 15) stop.Cancel(); // Ctrl+C while page 2 is written and page 3 hangs
            }
        });
        Assert.Equal(20, seen); // page 2 was already in memory: written out, then the wait for page 3 ended
        Assert.Equal(0, pages.Held);
    }
}
