using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace CallTracking.Loader
{
    /// <summary>
    /// Entry point for CallTracking.PowerShell.dll (netstandard2.0, which cannot name the ALC API): called by reflection
    /// from the module's initializer on PowerShell 7, before any cmdlet touches the engine.
    /// </summary>
    public static class ModuleLoader
    {
        private static readonly object Gate = new();
        private static DependencyLoadContext? _context;
        private static HashSet<string> _engine = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Creates the private load context over <paramref name="dependencyFolder"/> (once per process: re-imports and
        /// new runspaces reuse it) and answers the default context's failed look-ups for the engine assemblies — the
        /// Dependencies assemblies that the cmdlet assembly references itself — and for nothing else, so the handler
        /// never hands our copies to another module. Returns the context's name.
        /// </summary>
        public static string Install(string dependencyFolder, string[] engineAssemblyNames)
        {
            if (!Directory.Exists(dependencyFolder))
                throw new DirectoryNotFoundException("The CallTracking module's Dependencies folder is missing: " + dependencyFolder);
            lock (Gate)
            {
                if (_context is null)
                {
                    _context = new DependencyLoadContext(Path.GetFullPath(dependencyFolder), HostAssemblies.FromCurrentProcess());
                    AssemblyLoadContext.Default.Resolving += ResolveEngine;
                }
                // Kept for the life of the process, also after Remove-Module: the cmdlet assembly stays loaded and may
                // still need the engine when PowerShell re-imports it.
                _engine = new HashSet<string>(_engine.Concat(engineAssemblyNames), StringComparer.OrdinalIgnoreCase);
                return _context.Name!;
            }
        }

        private static Assembly? ResolveEngine(AssemblyLoadContext requester, AssemblyName name)
        {
            var context = _context;
            if (context is null || name.Name is null || !_engine.Contains(name.Name)) return null;
            return context.PathFor(name) is null ? null : context.LoadFromAssemblyName(name);
        }
    }
}
