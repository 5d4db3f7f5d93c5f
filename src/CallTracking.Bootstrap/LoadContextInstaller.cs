using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace CallTracking.Bootstrap
{
    /// <summary>
    /// PowerShell 7: hands Dependencies/ to the net8.0 CallTracking.Loader (netstandard2.0 cannot name the
    /// AssemblyLoadContext API, hence reflection), then makes the engine's public types reachable by name.
    /// </summary>
    internal static class LoadContextInstaller
    {
        internal const string LoaderFileName = "CallTracking.Loader.dll";
        private const string LoaderTypeName = "CallTracking.Loader.ModuleLoader";
        private const string OwnAssemblyPrefix = "CallTracking.";

        public static void Install(string moduleFolder, string dependencies, string cmdletAssemblyPath)
        {
            var loaderPath = Path.Combine(moduleFolder, LoaderFileName);
            if (!File.Exists(loaderPath))
                throw new FileNotFoundException("The CallTracking module is incomplete: " + loaderPath + " is missing.", loaderPath);
            var install = Assembly.LoadFrom(loaderPath).GetType(LoaderTypeName, throwOnError: true)!
                .GetMethod("Install", BindingFlags.Public | BindingFlags.Static)
                ?? throw new MissingMethodException(LoaderTypeName, "Install");
            var engine = EngineAssemblyNames(cmdletAssemblyPath, dependencies);
            try
            {
                install.Invoke(null, new object[] { dependencies, engine });
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
            ExposeEngineTypes(engine.Where(n => n.StartsWith(OwnAssemblyPrefix, StringComparison.Ordinal)));
        }

        /// <summary>
        /// The Dependencies assemblies that the cmdlet assembly references itself: the only names the loader answers for
        /// in the default context (the cmdlets live there), so it never hands our copies to another module.
        /// </summary>
        internal static string[] EngineAssemblyNames(string cmdletAssemblyPath, string dependencies)
            => Assembly.LoadFrom(cmdletAssemblyPath).GetReferencedAssemblies()
                .Select(n => n.Name)
                .Where(n => !string.IsNullOrEmpty(n) && File.Exists(Path.Combine(dependencies, n + ".dll")))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray();

        /// <summary>
        /// PowerShell resolves type names (<c>[CallTracking.Sandbox.FaultRule]@{…}</c>, <c>-is [CallTracking.Core.Model.CallRecord]</c>)
        /// only in the default load context, so the engine's public types are registered as type accelerators under their
        /// full names, the way about_Classes exports a module's classes. Never removed: the load context and its types
        /// live as long as the process, and another runspace may still use them after this one removes the module. A name
        /// that other code registered first is left as it is.
        /// </summary>
        private static void ExposeEngineTypes(IEnumerable<string> ownEngineAssemblies)
        {
            var accelerators = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators");
            var add = accelerators?.GetMethod("Add", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(Type) }, null);
            var registered = accelerators?.GetProperty("Get", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IDictionary<string, Type>;
            if (add is null || registered is null) return; // no registry in this host: the types stay reachable through the objects
            foreach (var name in ownEngineAssemblies)
            {
                var engine = Assembly.Load(new AssemblyName(name)); // answered by the loader, from the private context
                foreach (var type in engine.GetExportedTypes())
                {
                    if (type.FullName is null || registered.ContainsKey(type.FullName)) continue;
                    add.Invoke(null, new object[] { type.FullName, type });
                }
            }
        }
    }
}
