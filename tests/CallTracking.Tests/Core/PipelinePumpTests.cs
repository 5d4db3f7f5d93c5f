using CallTracking.Core.Http;
using CallTracking.Core.Threading;

namespace CallTracking.Tests.Core;

public class PipelinePumpTests
{
    [Fact]
    public void Messages_posted_from_workers_are_delivered_only_on_the_owner_thread()
    {
        var owner = Environment.CurrentManagedThreadId;
        var posters = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var delivered = new System.Collections.Concurrent.ConcurrentQueue<int>(); // thread-safe: a wrong delivery is recorded, not lost
        var pump = new PipelinePump(_ => delivered.Enqueue(Environment.CurrentManagedThreadId));
        var result = pump.Run(async ct =>
        {
            await Task.Yield();
            // Several workers at once, each logging requests as a real listing's page fetches do.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                for (var i = 0; i < 5; i++)
                {
                    posters.Enqueue(Environment.CurrentManagedThreadId);
                    RequestDiagnostics.Current!.OnRequest(new RequestLogEntry("op", "GET", "https://x/", 200, TimeSpan.Zero, 1, null));
                    await Task.Yield();
                }
            }, ct)));
            return 42;
        }, CancellationToken.None);
        Assert.Equal(42, result);
        // The messages really came from other threads: delivering where they were posted would show here.
        Assert.Equal(20, posters.Count);
        Assert.All(posters, t => Assert.NotEqual(owner, t));
        Assert.Equal(20, delivered.Count);
        Assert.All(delivered, t => Assert.Equal(owner, t));
    }

    [Fact]
    public void A_message_posted_on_the_owner_thread_waits_for_the_next_drain()
    {
        var delivered = new List<string>();
        var pump = new PipelinePump(delivered.Add);
        ((IRequestListener)pump).OnRetry("op", 2, TimeSpan.FromSeconds(1), "HTTP 503");
        Assert.Empty(delivered); // queued, not run inside the caller (a request logging on the owner thread must not fail)
        pump.Drain();
        Assert.Equal(new[] { "op: HTTP 503; attempt 2 in 1 s" }, delivered);
    }

    [Fact]
    public void Drain_off_the_owner_thread_throws_and_delivers_nothing_there()
    {
        var owner = Environment.CurrentManagedThreadId;
        var delivered = new List<int>();
        var pump = new PipelinePump(_ => delivered.Add(Environment.CurrentManagedThreadId));
        ((IRequestListener)pump).OnRequest(new RequestLogEntry("op", "GET", "https://x/", 200, TimeSpan.Zero, 1, null));
        // A thread of its own (a task waited on could run inline, on this very thread).
        Exception? error = null;
        var other = new Thread(() => error = Record.Exception(pump.Drain));
        other.Start();
        other.Join();
        Assert.IsType<InvalidOperationException>(error);
        Assert.Empty(delivered);
        pump.Drain(); // the message waited for its thread
        Assert.Equal(new[] { owner }, delivered);
    }

    [Fact]
    public void Stream_yields_on_the_owner_thread_and_rethrows_the_original_exception()
    {
        var owner = Environment.CurrentManagedThreadId;
        var pump = new PipelinePump(_ => { });
        var items = new List<int>();
        foreach (var i in pump.Stream(Numbers(3), CancellationToken.None))
        {
            Assert.Equal(owner, Environment.CurrentManagedThreadId);
            items.Add(i);
        }
        Assert.Equal(new[] { 0, 1, 2 }, items);
        Assert.Throws<InvalidOperationException>(() => pump.Run<int>(async _ => { await Task.Yield(); throw new InvalidOperationException("x"); }, CancellationToken.None));
    }

    [Fact]
    public void Cancellation_surfaces_as_OperationCanceledException()
    {
        var pump = new PipelinePump(_ => { });
        using var cts = new CancellationTokenSource(50);
        Assert.ThrowsAny<OperationCanceledException>(() => pump.Run(async ct => { await Task.Delay(Timeout.Infinite, ct); return 1; }, cts.Token));
    }

    private static async IAsyncEnumerable<int> Numbers(int n)
    {
        for (var i = 0; i < n; i++) { await Task.Delay(1); yield return i; }
    }
}
