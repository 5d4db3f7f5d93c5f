using System;
using System.Net.Http;
using CallTracking.Sandbox.Http;
using CallTracking.Sandbox.TrackDrive;

namespace CallTracking.Sandbox
{
    /// <summary>Stateful emulator of the providers' APIs (TrackDrive API v1 under /api/v1/), usable in-process through
    /// <see cref="CreateHandler"/> or over loopback through <see cref="Start"/>; both share one router and one state.</summary>
    public sealed class CallTrackingSandbox : IDisposable
    {
        private static readonly Uri InProcessBase = new Uri("https://sandbox.trackdrive.invalid/api/v1/");

        private readonly object _gate = new object();
        private readonly SandboxRouter _router;
        private SandboxHttpListener? _listener;
        private bool _disposed;

        public CallTrackingSandbox(SandboxOptions? options = null)
        {
            Options = options ?? new SandboxOptions();
            if (Options.CallCount < 0) throw new ArgumentOutOfRangeException(nameof(options), "CallCount must not be negative.");
            if (Options.NumberCount < 0) throw new ArgumentOutOfRangeException(nameof(options), "NumberCount must not be negative.");
            if (Options.InProgressCount < 0) throw new ArgumentOutOfRangeException(nameof(options), "InProgressCount must not be negative.");
            if (Options.CallSpan <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "CallSpan must be positive.");
            if (Options.Anchor == default)
            {
                var now = DateTimeOffset.UtcNow;
                Options.Anchor = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
            }
            Faults = new SandboxFaults();
            Requests = new SandboxRequestLog();
            TrackDrive = new TrackDriveSandboxState(Options);
            _router = new SandboxRouter(new IProviderEmulator[] { new TrackDriveEmulator(TrackDrive, Options) }, Faults, Requests);
        }

        public SandboxOptions Options { get; }
        public SandboxFaults Faults { get; }
        public SandboxRequestLog Requests { get; }

        /// <summary>TrackDrive's numbers and calls, for assertions.</summary>
        public TrackDriveSandboxState TrackDrive { get; }

        /// <summary>A new in-process handler bound to this sandbox's state.</summary>
        public HttpMessageHandler CreateHandler()
        {
            ThrowIfDisposed();
            return new SandboxHttpHandler(_router);
        }

        /// <summary>Starts an HttpListener on 127.0.0.1 (port 0 = a free port); returns e.g. http://127.0.0.1:PORT/.</summary>
        public Uri Start(int port = 0)
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                if (_listener != null) throw new InvalidOperationException("The sandbox is already listening on " + _listener.Uri + ".");
                _listener = SandboxHttpListener.Start(_router, port);
                return _listener.Uri;
            }
        }

        public Uri? ListenerUri
        {
            get { lock (_gate) return _listener?.Uri; }
        }

        public bool IsRunning
        {
            get { lock (_gate) return _listener != null; }
        }

        /// <summary>http://127.0.0.1:PORT/api/v1/ when started, else https://sandbox.trackdrive.invalid/api/v1/ for in-process use.</summary>
        public Uri TrackDriveBaseUri
        {
            get
            {
                var listening = ListenerUri;
                return listening is null ? InProcessBase : new Uri(listening, TrackDriveEmulator.PathPrefix);
            }
        }

        /// <summary>Stops listening and releases the port; in-process handlers keep working.</summary>
        public void Stop()
        {
            SandboxHttpListener? listener;
            lock (_gate)
            {
                listener = _listener;
                _listener = null;
            }
            listener?.Dispose();
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed) return;
                _disposed = true;
            }
            Stop();
        }

        private void ThrowIfDisposed()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(CallTrackingSandbox));
        }
    }
}
