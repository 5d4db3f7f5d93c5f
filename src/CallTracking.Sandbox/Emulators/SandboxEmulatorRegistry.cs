using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace CallTracking.Sandbox
{
    /// <summary>
    /// The one place that lists the built-in emulators: one line per provider, the only line of the shared sandbox code
    /// that names a provider. A new provider adds its folder and a line here; nothing else in the shared code changes.
    /// </summary>
    public static class SandboxEmulatorRegistry
    {
        private static readonly ReadOnlyCollection<SandboxEmulatorFactory> Factories = new ReadOnlyCollection<SandboxEmulatorFactory>(new SandboxEmulatorFactory[]
        {
            context => new TrackDrive.TrackDriveEmulator(context),
            context => new AvidTrak.AvidTrakEmulator(context),
            context => new Avanser.AvanserEmulator(context),
        });

        /// <summary>The factories a sandbox uses unless it is given its own.</summary>
        public static IReadOnlyList<SandboxEmulatorFactory> BuiltIn => Factories;
    }
}
