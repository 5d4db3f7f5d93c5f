using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace CallTracking.Loader
{
    /// <summary>
    /// The assemblies the host process binds by itself: the trusted platform assemblies (the .NET shared framework and the
    /// application's own, i.e. PowerShell's, System.Management.Automation and what $PSHOME ships). They are fixed when the
    /// process starts, so deferring to them can never pick up another module's copy.
    /// </summary>
    internal sealed class HostAssemblies
    {
        private readonly Dictionary<string, string> _paths;
        private readonly ConcurrentDictionary<string, Version?> _versions = new(StringComparer.OrdinalIgnoreCase);

        public HostAssemblies(IEnumerable<string> paths)
        {
            _paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var path in paths)
            {
                if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) continue;
                _paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        /// <summary>The trusted platform assemblies of this process, as the runtime host listed them at start.</summary>
        public static HostAssemblies FromCurrentProcess()
        {
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            return new HostAssemblies(list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }

        /// <summary>True when the host has an assembly of this name at the requested version or above.</summary>
        public bool Provides(AssemblyName name)
        {
            if (string.IsNullOrEmpty(name.Name) || !_paths.TryGetValue(name.Name, out var path)) return false;
            if (name.Version is null) return true;
            var version = _versions.GetOrAdd(name.Name, _ => ReadVersion(path));
            return version != null && version >= name.Version;
        }

        private static Version? ReadVersion(string path)
        {
            try { return AssemblyName.GetAssemblyName(path).Version; }
            catch (IOException) { return null; }
            catch (BadImageFormatException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
        }
    }
}
