using System;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace CallTracking.Loader
{
    /// <summary>
    /// The module's private load context: its engine (CallTracking.Core, CallTracking.Sandbox) and their dependencies
    /// (Polly.Core, Microsoft.Extensions.*, CsvHelper, …) load here from the Dependencies folder, so another module's
    /// copy of the same library in the default context neither blocks nor replaces ours. What the host itself provides
    /// (the shared framework, System.Management.Automation, PowerShell's own assemblies) comes from the default context.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _folder;
        private readonly HostAssemblies _host;

        public DependencyLoadContext(string folder, HostAssemblies host)
            : base("CallTracking", isCollectible: false)
        {
            _folder = folder;
            _host = host;
        }

        public string Folder => _folder;

        /// <summary>The path this context loads <paramref name="name"/> from, or null when it defers to the default context.</summary>
        internal string? PathFor(AssemblyName name)
        {
            if (string.IsNullOrEmpty(name.Name)) return null;
            // The host's copy is fixed for the life of the process (no module can displace it), and sharing it keeps one
            // identity for types that cross into PowerShell (SMA, System.Text.Json, IAsyncEnumerable, …).
            if (_host.Provides(name)) return null;
            var path = IsSatellite(name)
                ? Path.Combine(_folder, name.CultureName!, name.Name + ".dll")
                : Path.Combine(_folder, name.Name + ".dll");
            if (!File.Exists(path)) return null;
            // An older file than the reference asks for would fail later with a MissingMethodException: let the normal
            // resolution report the real problem instead.
            if (name.Version != null && AssemblyName.GetAssemblyName(path).Version is Version shipped && shipped < name.Version) return null;
            return path;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = PathFor(assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }

        private static bool IsSatellite(AssemblyName name)
            => !string.IsNullOrEmpty(name.CultureName) && !string.Equals(name.CultureName, CultureInfo.InvariantCulture.Name, StringComparison.Ordinal)
               && !string.Equals(name.CultureName, "neutral", StringComparison.OrdinalIgnoreCase);
    }
}
