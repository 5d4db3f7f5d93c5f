using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CallTracking.PowerShell.Session
{
    /// <summary>
    /// Import: on Windows PowerShell 5.1 (.NET Framework, which has no binding redirects for a module) resolve the
    /// module's own dependencies (System.Text.Json, System.Memory, Microsoft.Extensions.*, …) from the module folder when
    /// a reference asks for a version at or below the one shipped — an allow-list of the DLLs next to this one, nothing else.
    /// PowerShell 7 resolves them itself. Remove-Module: disposes every connection (and the in-process sandboxes they own)
    /// and stops the loopback sandboxes, so no socket or listener outlives the module.
    /// </summary>
    public sealed class ModuleLifetime : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly Dictionary<string, string> Shipped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private static bool _resolverInstalled;

        public void OnImport()
        {
            if (_resolverInstalled || !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase)) return;
            var folder = Path.GetDirectoryName(typeof(ModuleLifetime).Assembly.Location);
            if (string.IsNullOrEmpty(folder)) return;
            foreach (var dll in Directory.GetFiles(folder, "*.dll")) Shipped[Path.GetFileNameWithoutExtension(dll)] = dll;
            AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
            _resolverInstalled = true;
        }

        private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
        {
            var wanted = new AssemblyName(args.Name);
            if (wanted.Name is null || !Shipped.TryGetValue(wanted.Name, out var path)) return null;
            var available = AssemblyName.GetAssemblyName(path);
            if (wanted.Version != null && available.Version != null && wanted.Version > available.Version) return null;
            return Assembly.LoadFrom(path);
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            ConnectionRegistry.Clear();
            SandboxRegistry.StopAll();
        }
    }
}
