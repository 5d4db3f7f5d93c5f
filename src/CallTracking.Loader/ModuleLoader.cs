using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace CallTracking.Loader
{
    /// <summary>
    /// Entry point for CallTracking.Bootstrap.dll (netstandard2.0, which cannot name the ALC API): called by reflection
    /// from the bootstrap's initializer on PowerShell 7, before PowerShell reads the cmdlet assembly.
    /// </summary>
    public static class ModuleLoader
    {
        private static readonly object Gate = new();
        private static EngineResolver? _resolver;

        /// <summary>
        /// Creates the private load context over <paramref name="dependencyFolder"/> once per process (re-imports and new
        /// runspaces reuse it) and hooks the default context's failed look-ups for <paramref name="engineAssemblyNames"/>.
        /// The hook stays for the life of the process, also after Remove-Module: the cmdlet assembly stays loaded and may
        /// still need the engine when PowerShell imports the module again.
        /// </summary>
        public static void Install(string dependencyFolder, string[] engineAssemblyNames)
        {
            if (!Directory.Exists(dependencyFolder))
                throw new DirectoryNotFoundException("The CallTracking module's Dependencies folder is missing: " + dependencyFolder);
            lock (Gate)
            {
                if (_resolver is null)
                {
                    var context = new DependencyLoadContext(Path.GetFullPath(dependencyFolder), HostAssemblies.FromCurrentProcess());
                    _resolver = new EngineResolver(context);
                    AssemblyLoadContext.Default.Resolving += _resolver.Resolve;
                }
                _resolver.Add(engineAssemblyNames);
            }
        }
    }

    /// <summary>
    /// Answers the default context's failed look-ups for the engine assemblies only (the Dependencies assemblies that
    /// the cmdlet assembly references itself), from the private context. Every other name is left alone, so the
    /// handler never hands our copies to another module.
    /// </summary>
    internal sealed class EngineResolver
    {
        private readonly DependencyLoadContext _context;
        private volatile HashSet<string> _engine = new(StringComparer.OrdinalIgnoreCase);

        public EngineResolver(DependencyLoadContext context) => _context = context;

        public void Add(IEnumerable<string> names)
        {
            var next = new HashSet<string>(_engine, StringComparer.OrdinalIgnoreCase);
            next.UnionWith(names);
            _engine = next;
        }

        public Assembly? Resolve(AssemblyLoadContext requester, AssemblyName name)
        {
            if (name.Name is null || !_engine.Contains(name.Name)) return null;
            // A newer engine than the file here (another copy of the module) is left to that copy's handler.
            return _context.PathFor(name) is null ? null : _context.LoadFromAssemblyName(name);
        }
    }
}
