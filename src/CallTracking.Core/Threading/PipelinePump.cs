using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Http;
using CallTracking.Core.Paging;

namespace CallTracking.Core.Threading
{
    /// <summary>
    /// Runs async work for a caller that must stay on one thread (a PowerShell pipeline thread: WriteObject, WriteVerbose
    /// and WriteProgress throw from any other). The caller blocks in <see cref="Run{T}"/> or <see cref="Stream{T}"/> while
    /// messages posted from worker threads (request logs, retry notices, progress) are executed on the caller's thread.
    /// </summary>
    public sealed class PipelinePump : IRequestListener
    {
        private readonly ConcurrentQueue<Action> _queue = new ConcurrentQueue<Action>();
        private readonly AutoResetEvent _signal = new AutoResetEvent(false);
        private readonly Action<string> _verbose;
        private readonly Action<PageProgress>? _progress;
        private readonly Action<string>? _warning;
        private readonly int _ownerThread;

        public PipelinePump(Action<string> verbose, Action<PageProgress>? progress = null, Action<string>? warning = null)
        {
            _verbose = verbose ?? throw new ArgumentNullException(nameof(verbose));
            _progress = progress;
            _warning = warning;
            _ownerThread = Environment.CurrentManagedThreadId;
        }

        /// <summary>
        /// Queues an action for the owner thread. Always queued, even from the owner thread: a request may run on it up to its
        /// first wait, and a host that refuses a Write* (a prompt under -NonInteractive) must fail the cmdlet, not the
        /// request that happened to be logging.
        /// </summary>
        public void Post(Action action)
        {
            _queue.Enqueue(action);
            _signal.Set();
        }

        /// <summary>The thread the pump delivers to (the pipeline thread that created it).</summary>
        public int OwnerThread => _ownerThread;

        /// <summary>An observer for pagers: reports arrive on the owner thread.</summary>
        public Action<PageProgress> ProgressObserver => p => { if (_progress != null) Post(() => _progress(p)); };

        void IRequestListener.OnRequest(RequestLogEntry entry) => Post(() => _verbose(entry.ToString()));

        void IRequestListener.OnRetry(string operation, int attempt, TimeSpan delay, string reason)
            => Post(() => _verbose(operation + ": " + reason + "; attempt " + attempt + " in " + Math.Round(delay.TotalSeconds, 1) + " s"));

        void IRequestListener.OnNotice(string message, bool warning) => Post(() => (warning ? _warning ?? _verbose : _verbose)(message));

        public T Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        {
            Task<T> task;
            using (RequestDiagnostics.Listen(this))
            {
                task = Task.Run(() => work(cancellationToken), cancellationToken);
            }
            return Wait(task);
        }

        public void Run(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
            => Run<bool>(async ct => { await work(ct).ConfigureAwait(false); return true; }, cancellationToken);

        /// <summary>
        /// Enumerates an async stream on the owner thread, one record at a time, pumping messages while it waits. A paged
        /// stream (<see cref="IPagedAsyncEnumerable{T}"/>) is read a page at a time: one async step, one listener scope and
        /// one wait per page, and the page's records are handed out from memory while the next page is on its way.
        /// </summary>
        public IEnumerable<T> Stream<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            return source is IPagedAsyncEnumerable<T> paged ? StreamPages(paged, cancellationToken) : StreamRecords(source, cancellationToken);
        }

        private IEnumerable<T> StreamPages<T>(IPagedAsyncEnumerable<T> source, CancellationToken cancellationToken)
        {
            IAsyncEnumerator<IReadOnlyList<T>> pages;
            using (RequestDiagnostics.Listen(this))
            {
                pages = source.GetPageEnumerator(cancellationToken);
            }
            try
            {
                while (MoveNext(pages))
                {
                    var page = pages.Current;
                    for (var i = 0; i < page.Count; i++)
                    {
                        // A retry notice of the page in flight is shown while this page is still being written.
                        if (!_queue.IsEmpty) Drain();
                        yield return page[i];
                    }
                }
            }
            finally
            {
                DisposeOnOwner(pages);
            }
        }

        private IEnumerable<T> StreamRecords<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
        {
            IAsyncEnumerator<T> enumerator;
            using (RequestDiagnostics.Listen(this))
            {
                enumerator = source.GetAsyncEnumerator(cancellationToken);
            }
            try
            {
                while (MoveNext(enumerator)) yield return enumerator.Current;
            }
            finally
            {
                DisposeOnOwner(enumerator);
            }
        }

        /// <summary>One step of an async enumerator, with this pump as the request listener of whatever the step starts.</summary>
        private bool MoveNext<T>(IAsyncEnumerator<T> enumerator)
        {
            bool hasItem;
            using (RequestDiagnostics.Listen(this))
            {
                var move = enumerator.MoveNextAsync();
                hasItem = move.IsCompletedSuccessfully ? move.Result : Wait(move.AsTask());
            }
            Drain();
            return hasItem;
        }

        private void DisposeOnOwner(IAsyncDisposable enumerator)
        {
            var dispose = enumerator.DisposeAsync();
            if (!dispose.IsCompletedSuccessfully)
            {
                try { Wait(WithResult(dispose.AsTask())); } catch (OperationCanceledException) { }
            }
        }

        /// <summary>Runs every queued message; only the owner thread may (Write* throws from any other).</summary>
        public void Drain()
        {
            if (Environment.CurrentManagedThreadId != _ownerThread)
                throw new InvalidOperationException("PipelinePump.Drain runs on the thread that created the pump (the pipeline thread), not on thread " + Environment.CurrentManagedThreadId + ".");
            while (_queue.TryDequeue(out var action)) action();
        }

        private static async Task<bool> WithResult(Task task)
        {
            await task.ConfigureAwait(false);
            return true;
        }

        private T Wait<T>(Task<T> task)
        {
            var handles = new WaitHandle[] { ((IAsyncResult)task).AsyncWaitHandle, _signal };
            while (!task.IsCompleted)
            {
                WaitHandle.WaitAny(handles);
                Drain();
            }
            Drain();
            if (task.IsFaulted)
            {
                var ex = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
                ExceptionDispatchInfo.Capture(ex).Throw();
            }
            if (task.IsCanceled) throw new OperationCanceledException("The operation was stopped.");
            return task.Result;
        }
    }
}
