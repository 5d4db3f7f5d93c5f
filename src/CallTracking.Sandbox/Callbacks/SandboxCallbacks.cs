using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Sandbox.Logging;

namespace CallTracking.Sandbox
{
    /// <summary>
    /// The outbound-callback hook: emulators send through <see cref="SendAsync"/>, which hands the callback to
    /// <see cref="Sink"/> and records the outcome in <see cref="Sent"/> (the last <see cref="Capacity"/>, oldest first).
    /// Thread-safe.
    /// </summary>
    public sealed class SandboxCallbacks : IDisposable
    {
        public const int Capacity = 10_000;

        private readonly object _gate = new object();
        private readonly SandboxClock _clock;
        private readonly Queue<SandboxCallbackRecord> _sent = new Queue<SandboxCallbackRecord>();
        private ISandboxCallbackSink? _sink;
        private HttpCallbackSink? _ownedSink;
        private bool _disposed;

        public SandboxCallbacks(SandboxClock clock) => _clock = clock ?? throw new ArgumentNullException(nameof(clock));

        /// <summary>Where callbacks go; default a loopback-only <see cref="HttpCallbackSink"/>. Replace it to capture them.</summary>
        public ISandboxCallbackSink Sink
        {
            get
            {
                lock (_gate)
                {
                    if (_disposed) throw new ObjectDisposedException(nameof(SandboxCallbacks));
                    return _sink ??= _ownedSink = new HttpCallbackSink();
                }
            }
            set
            {
                if (value is null) throw new ArgumentNullException(nameof(value), "The callback sink cannot be null; assign a new HttpCallbackSink() to restore the default.");
                lock (_gate) _sink = value;
            }
        }

        /// <summary>Snapshot of the callbacks sent so far, oldest first.</summary>
        public IReadOnlyList<SandboxCallbackRecord> Sent
        {
            get { lock (_gate) return _sent.ToArray(); }
        }

        public void Clear()
        {
            lock (_gate) _sent.Clear();
        }

        /// <summary>Sends one callback and records it. A receiver that fails or cannot be reached is recorded, not thrown;
        /// only cancellation through <paramref name="cancellationToken"/> propagates (after being recorded).</summary>
        public async Task<SandboxCallbackRecord> SendAsync(SandboxCallback callback, CancellationToken cancellationToken = default)
        {
            if (callback is null) throw new ArgumentNullException(nameof(callback));
            var sink = Sink;
            var time = _clock.Now;
            var watch = Stopwatch.StartNew();
            int? status = null;
            string? error = null;
            try
            {
                status = await sink.SendAsync(callback, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Record(callback, time, null, "cancelled", watch.Elapsed);
                throw;
            }
            catch (Exception ex)
            {
                error = ex.GetType().Name + ": " + ex.Message;
            }
            return Record(callback, time, status, error, watch.Elapsed);
        }

        private SandboxCallbackRecord Record(SandboxCallback callback, DateTimeOffset time, int? status, string? error, TimeSpan duration)
        {
            var record = new SandboxCallbackRecord(time, callback.Provider, callback.Method, SecretRedactor.RedactUrl(callback.Url),
                SecretRedactor.RedactBody(callback.Body), status, error is null ? null : SecretRedactor.RedactText(error), duration);
            lock (_gate)
            {
                if (_sent.Count == Capacity) _sent.Dequeue();
                _sent.Enqueue(record);
            }
            return record;
        }

        /// <summary>Releases the default sink's HttpClient (a sink set from outside belongs to whoever made it).</summary>
        public void Dispose()
        {
            HttpCallbackSink? owned;
            lock (_gate)
            {
                _disposed = true;
                owned = _ownedSink;
                _ownedSink = null;
                if (ReferenceEquals(_sink, owned)) _sink = null;
            }
            owned?.Dispose();
        }
    }
}
