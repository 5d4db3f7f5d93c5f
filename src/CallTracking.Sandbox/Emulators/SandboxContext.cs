using System;

namespace CallTracking.Sandbox
{
    /// <summary>What the sandbox hands each emulator factory: the options (with the provider's own option object), the
    /// sandbox's clock, and the outbound-callback hook.</summary>
    public sealed class SandboxContext
    {
        public SandboxContext(SandboxOptions options, SandboxClock clock, SandboxCallbacks callbacks)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            Clock = clock ?? throw new ArgumentNullException(nameof(clock));
            Callbacks = callbacks ?? throw new ArgumentNullException(nameof(callbacks));
        }

        public SandboxOptions Options { get; }

        /// <summary>The sandbox's notion of now: emulators read it instead of the system clock.</summary>
        public SandboxClock Clock { get; }

        public SandboxCallbacks Callbacks { get; }
    }
}
