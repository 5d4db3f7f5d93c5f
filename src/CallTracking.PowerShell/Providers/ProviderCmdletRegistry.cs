using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.PowerShell.Providers
{
    /// <summary>The PowerShell side of each provider. Adding a provider adds its folder and one entry here.</summary>
    public static class ProviderCmdletRegistry
    {
        // The registration line: one support class per provider folder.
        private static readonly IReadOnlyList<ProviderCmdletSupport> Registered = new ProviderCmdletSupport[]
        {
            new TrackDrive.TrackDriveCmdletSupport(), new AvidTrak.AvidTrakCmdletSupport(), new Avanser.AvanserCmdletSupport(),
        };

        public static IReadOnlyList<ProviderCmdletSupport> All => Registered;

        /// <summary>The support of that provider (any letter case), or null.</summary>
        public static ProviderCmdletSupport? Find(string? provider)
            => string.IsNullOrWhiteSpace(provider) ? null : Registered.FirstOrDefault(p => string.Equals(p.Provider, provider!.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
