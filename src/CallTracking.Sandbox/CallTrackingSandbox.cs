using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Net.Http;
using CallTracking.Core.Http;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox
{
    /// <summary>Stateful emulators of the providers' APIs (one per registered provider), usable in-process through
    /// <see cref="CreateHandler"/> or over loopback through <see cref="Start"/>; both share one router and one state.</summary>
    public sealed class CallTrackingSandbox : IDisposable
    {
        private readonly object _gate = new object();
        private readonly SandboxRouter _router;
        private readonly ReadOnlyCollection<ISandboxEmulator> _emulators;
        private SandboxHttpListener? _listener;
        private bool _disposed;

        /// <summary>A sandbox with every built-in emulator (<see cref="SandboxEmulatorRegistry.BuiltIn"/>).</summary>
        public CallTrackingSandbox(SandboxOptions? options = null)
            : this(options, SandboxEmulatorRegistry.BuiltIn)
        {
        }

        /// <summary>A sandbox with the emulators the given factories build, in that order.</summary>
        public CallTrackingSandbox(SandboxOptions? options, IEnumerable<SandboxEmulatorFactory> emulators)
        {
            if (emulators is null) throw new ArgumentNullException(nameof(emulators));
            Options = options ?? new SandboxOptions();
            Clock = Options.Clock ??= new SandboxClock();
            if (Options.Anchor == default)
            {
                var now = Clock.Now;
                Options.Anchor = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
            }
            Faults = new SandboxFaults();
            Requests = new SandboxRequestLog();
            Callbacks = new SandboxCallbacks(Clock);
            var context = new SandboxContext(Options, Clock, Callbacks);
            var built = new List<ISandboxEmulator>();
            foreach (var factory in emulators)
            {
                if (factory is null) throw new ArgumentException("An emulator factory is null.", nameof(emulators));
                var emulator = factory(context) ?? throw new ArgumentException("An emulator factory returned null.", nameof(emulators));
                Check(emulator, built);
                // Before the first request: the log must never show a value the emulator treats as secret.
                SecretNames.Register(emulator.SecretNames ?? Array.Empty<string>());
                built.Add(emulator);
            }
            _emulators = built.AsReadOnly();
            _router = new SandboxRouter(_emulators, Faults, Requests, Clock);
        }

        public SandboxOptions Options { get; }
        public SandboxFaults Faults { get; }
        public SandboxRequestLog Requests { get; }

        /// <summary>The sandbox's notion of now (<see cref="SandboxOptions.Clock"/>, or a real-time clock).</summary>
        public SandboxClock Clock { get; }

        /// <summary>The emulators' outbound callbacks: where they go and which were sent.</summary>
        public SandboxCallbacks Callbacks { get; }

        public IReadOnlyList<ISandboxEmulator> Emulators => _emulators;

        /// <summary>The providers emulated, in registration order.</summary>
        public IReadOnlyList<string> Providers => _emulators.Select(e => e.Provider).ToList();

        /// <summary>The emulator of <paramref name="provider"/> (case-insensitive).</summary>
        public ISandboxEmulator Emulator(string provider)
        {
            if (provider is null) throw new ArgumentNullException(nameof(provider));
            foreach (var e in _emulators)
                if (string.Equals(e.Provider, provider.Trim(), StringComparison.OrdinalIgnoreCase)) return e;
            throw new ArgumentException("The sandbox emulates no provider \"" + provider + "\"; it emulates "
                + string.Join(", ", _emulators.Select(e => e.Provider)) + ".", nameof(provider));
        }

        /// <summary>The emulator of type <typeparamref name="T"/>, for its typed state.</summary>
        public T Emulator<T>() where T : class, ISandboxEmulator
        {
            foreach (var e in _emulators)
                if (e is T typed) return typed;
            throw new InvalidOperationException("The sandbox has no " + typeof(T).Name + "; it emulates "
                + string.Join(", ", _emulators.Select(e => e.Provider)) + ".");
        }

        /// <summary>The base URI of a provider's API: http://127.0.0.1:PORT/&lt;path&gt; while listening, else
        /// https://sandbox.&lt;provider lowercase&gt;.invalid/&lt;path&gt; for in-process use.</summary>
        /// <param name="provider">A provider of <see cref="Providers"/> (case-insensitive).</param>
        /// <param name="endpoint">One of the emulator's endpoint names; null = its first.</param>
        public Uri BaseUriFor(string provider, string? endpoint = null)
        {
            var emulator = Emulator(provider);
            var chosen = endpoint is null ? emulator.Endpoints[0] : emulator.Endpoints.FirstOrDefault(p => string.Equals(p.Name, endpoint, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException(emulator.Provider + " has no endpoint \"" + endpoint + "\"; it has "
                    + string.Join(", ", emulator.Endpoints.Select(p => p.Name)) + ".", nameof(endpoint));
            var listening = ListenerUri;
            return listening is null
                ? new Uri("https://sandbox." + emulator.Provider.ToLowerInvariant() + ".invalid/" + chosen.BaseUriPath)
                : new Uri(listening, chosen.BaseUriPath);
        }

        /// <summary>A new in-process handler bound to this sandbox's state.</summary>
        public HttpMessageHandler CreateHandler()
        {
            ThrowIfDisposed();
            return new SandboxHttpHandler(_router);
        }

        /// <summary>Starts an HttpListener on 127.0.0.1 (port 0 = a free port); returns e.g. http://127.0.0.1:PORT/.</summary>
        public Uri Start(int port = 0)
        {
            if (port < 0 || port > 65535) throw new ArgumentOutOfRangeException(nameof(port), port, "A port is 0 (any free one) to 65535.");
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

        /// <summary>Requests the listener is serving, their replies included; 0 when not listening (for tests).</summary>
        internal int ListenerInFlight
        {
            get { lock (_gate) return _listener?.InFlight ?? 0; }
        }

        public bool IsRunning
        {
            get { lock (_gate) return _listener != null; }
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
            _router.Close();
            Callbacks.Dispose();
            foreach (var e in _emulators) (e as IDisposable)?.Dispose();
        }

        private void ThrowIfDisposed()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(CallTrackingSandbox));
        }

        /// <summary>A provider name becomes a host name label, and two emulators must never claim the same path.</summary>
        private static void Check(ISandboxEmulator emulator, List<ISandboxEmulator> earlier)
        {
            var name = emulator.Provider;
            if (string.IsNullOrEmpty(name) || !char.IsLetter(name[0]) || !name.All(c => c < 128 && char.IsLetterOrDigit(c)))
                throw new ArgumentException("An emulator's provider name must be letters and digits, starting with a letter (got \"" + name + "\").", "emulators");
            if (earlier.Any(e => string.Equals(e.Provider, name, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException("Two emulators claim the provider \"" + name + "\".", "emulators");
            if (emulator.Endpoints is null || emulator.Endpoints.Count == 0)
                throw new ArgumentException(name + " declares no endpoint.", "emulators");
            if (emulator.TestCredential is null)
                throw new ArgumentException(name + " declares no test credential.", "emulators");
            var mine = emulator.Endpoints;
            if (mine.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != mine.Count)
                throw new ArgumentException(name + " declares two endpoints of the same name.", "emulators");
            var all = earlier.SelectMany(e => e.Endpoints.Select(p => (e.Provider, p))).ToList();
            for (var i = 0; i < mine.Count; i++)
            {
                foreach (var (provider, other) in all.Concat(mine.Take(i).Select(p => (name, p))))
                {
                    if (other.PathPrefix.StartsWith(mine[i].PathPrefix, StringComparison.Ordinal) || mine[i].PathPrefix.StartsWith(other.PathPrefix, StringComparison.Ordinal))
                        throw new ArgumentException(name + "'s endpoint " + mine[i].PathPrefix + " overlaps " + provider + "'s " + other.PathPrefix + ".", "emulators");
                }
            }
        }
    }
}
