using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace CallTracking.Bootstrap
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework: no load contexts, no binding redirects for a module). Answers a failed
    /// assembly look-up only for a DLL of Dependencies/, only at the requested version or above, and only when the
    /// assembly that asks is one of the module's own (its file lies in the module folder). Another module's request for
    /// the same name is left to that module.
    /// </summary>
    internal sealed class FrameworkResolver
    {
        private readonly Dictionary<string, string> _shipped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly string _moduleFolder;

        public FrameworkResolver(string moduleFolder, string dependencies)
        {
            _moduleFolder = Path.GetFullPath(moduleFolder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            foreach (var dll in Directory.GetFiles(dependencies, "*.dll")) _shipped[Path.GetFileNameWithoutExtension(dll)] = dll;
        }

        public static void Install(string moduleFolder, string dependencies)
        {
            var resolver = new FrameworkResolver(moduleFolder, dependencies);
            AppDomain.CurrentDomain.AssemblyResolve += resolver.Resolve;
        }

        private Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var path = PathFor(args.Name, args.RequestingAssembly);
            return path is null ? null : Assembly.LoadFrom(path);
        }

        /// <summary>The Dependencies file that answers <paramref name="requestedName"/> for <paramref name="requester"/>, or null.</summary>
        internal string? PathFor(string requestedName, Assembly? requester)
        {
            if (!IsModuleAssembly(requester)) return null;
            var wanted = new AssemblyName(requestedName);
            if (wanted.Name is null || !_shipped.TryGetValue(wanted.Name, out var path)) return null;
            var available = AssemblyName.GetAssemblyName(path);
            if (wanted.Version != null && available.Version != null && wanted.Version > available.Version) return null;
            return path;
        }

        internal bool IsModuleAssembly(Assembly? assembly)
        {
            if (assembly is null || assembly.IsDynamic) return false;
            string location;
            try { location = assembly.Location; }
            catch (NotSupportedException) { return false; }
            return !string.IsNullOrEmpty(location)
                   && Path.GetFullPath(location).StartsWith(_moduleFolder, StringComparison.OrdinalIgnoreCase);
        }
    }
}
