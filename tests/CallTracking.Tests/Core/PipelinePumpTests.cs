using CallTracking.Core.Http;
using CallTracking.Core.Threading;

namespace CallTracking.Tests.Core;

public class PipelinePumpTests
{
    [Fact]
    public void Messages_from_workers_run_on_the_owner_thread()
    {
        var owner = Environment.CurrentManagedThreadId;
        var seen = new List<int>();
        var pump = new PipelinePump(_ => seen.Add(Environment.CurrentManagedThreadId));
        var result = pump.Run(async ct =>
        {
            await Task.Yield();
            for (var i = 0; i < 5; i++)
            {
                RequestDiagnostics.Current!.OnRequest(new RequestLogEntry("op", "GET", "https://x/", 200, TimeSpan.Zero, 1, null));
                await Task.Delay(1, ct);
            }
            return 42;
        }, CancellationToken.None);
        Assert.Equal(42, result);
        Assert.Equal(5, seen.Count);
        Assert.All(seen, t => Assert.Equal(owner, t));
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
