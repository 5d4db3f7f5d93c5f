using System;
using System.Collections.Generic;
using System.Linq;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Providers
{
    /// <summary>The providers the module speaks to. Adding a provider adds its folder and one entry here.</summary>
    public static class ProviderRegistry
    {
        private static readonly object Gate = new object();
        private static List<ProviderDescriptor> _all = new List<ProviderDescriptor>();

        static ProviderRegistry()
        {
            // The registration line: one descriptor per provider folder.
            foreach (var provider in new ProviderDescriptor[] { new TrackDrive.TrackDriveProvider(), new AvidTrak.AvidTrakProvider(), new Avanser.AvanserProvider() }) Register(provider);
        }

        public static IReadOnlyList<ProviderDescriptor> All
        {
            get { lock (Gate) return _all.ToArray(); }
        }

        /// <summary>The provider of that name (any letter case), or null.</summary>
        public static ProviderDescriptor? Find(string? name)
        {
            if (string.IsNullOrWhiteSpace(name)) return null;
            lock (Gate) return _all.FirstOrDefault(p => string.Equals(p.Name, name!.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The provider of that name, or an argument error listing the known ones.</summary>
        public static ProviderDescriptor Get(string? name, string parameterName = "Provider")
            => Find(name) ?? throw CallTrackingArgumentException.NotInSet(parameterName, name, All.Select(p => p.Name));

        /// <summary>Adds a provider (its secret names join the shared list). A second provider of the same name is refused.</summary>
        public static void Register(ProviderDescriptor provider)
        {
            if (provider is null) throw new ArgumentNullException(nameof(provider));
            lock (Gate)
            {
                if (_all.Any(p => string.Equals(p.Name, provider.Name, StringComparison.OrdinalIgnoreCase)))
                    throw new InvalidOperationException("A provider named '" + provider.Name + "' is already registered.");
                _all = new List<ProviderDescriptor>(_all) { provider };
            }
            Http.SecretNames.Register(provider.SecretNames);
        }

        /// <summary>Makes sure the built-in providers are registered (their secret names known) before a redaction runs.</summary>
        public static void EnsureRegistered()
        {
            lock (Gate) { }
        }
    }
}
