using System;

namespace CallTracking.Sandbox
{
    /// <summary>
    /// The sandbox's notion of now, read by every emulator instead of the system clock. A real-time clock follows the
    /// system clock plus whatever it was advanced by; a virtual clock stands still until advanced, so a test can step
    /// over a provider's delays (e.g. minutes of provisioning) without waiting for them.
    /// </summary>
    public sealed class SandboxClock
    {
        private readonly object _gate = new object();
        private readonly DateTimeOffset? _virtualStart;
        private TimeSpan _advanced;

        /// <summary>A real-time clock.</summary>
        public SandboxClock()
        {
        }

        private SandboxClock(DateTimeOffset start) => _virtualStart = start.ToUniversalTime();

        /// <summary>A virtual clock that reads <paramref name="start"/> until <see cref="Advance"/> moves it.</summary>
        public static SandboxClock StartingAt(DateTimeOffset start)
        {
            if (start == default) throw new ArgumentOutOfRangeException(nameof(start), "A virtual clock needs a start time.");
            return new SandboxClock(start);
        }

        public bool IsVirtual => _virtualStart.HasValue;

        /// <summary>Now, in UTC.</summary>
        public DateTimeOffset Now
        {
            get
            {
                lock (_gate) return (_virtualStart ?? DateTimeOffset.UtcNow) + _advanced;
            }
        }

        /// <summary>Raised after every <see cref="Advance"/>, on the caller's thread, so emulators can act on what fell due.</summary>
        public event EventHandler<SandboxClockAdvancedEventArgs>? Advanced;

        /// <summary>Moves the clock forward; time never runs backwards.</summary>
        public void Advance(TimeSpan by)
        {
            if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "The sandbox clock only moves forward.");
            DateTimeOffset before, after;
            lock (_gate)
            {
                before = (_virtualStart ?? DateTimeOffset.UtcNow) + _advanced;
                _advanced += by;
                after = before + by;
            }
            Advanced?.Invoke(this, new SandboxClockAdvancedEventArgs(before, after));
        }

        public override string ToString() => (IsVirtual ? "virtual " : "real time ") + Now.ToString("u", System.Globalization.CultureInfo.InvariantCulture);
    }
}
