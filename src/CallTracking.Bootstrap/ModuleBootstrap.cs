using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Runtime.InteropServices;

namespace CallTracking.Bootstrap
{
    /// <summary>
    /// PowerShell lists every public type of the RootModule (CallTracking.PowerShell.dll) before it calls that assembly's
    /// IModuleAssemblyInitializer, and those types already need CallTracking.Core from Dependencies/ (an enum-typed
    /// parameter is enough). This nested module is imported first and its only type needs nothing, so its initializer
    /// installs the resolution of Dependencies/ in time. Idempotent: re-imports and new runspaces call it again.
    /// </summary>
    public sealed class ModuleBootstrap : IModuleAssemblyInitializer
    {
        internal const string DependencyFolderName = "Dependencies";
        internal const string CmdletAssemblyFileName = "CallTracking.PowerShell.dll";
        private const int MinimumNetMajor = 8;

        private static readonly object Gate = new object();
        private static bool _installed;

        public void OnImport()
        {
            lock (Gate)
            {
                if (_installed) return;
                var moduleFolder = Path.GetDirectoryName(typeof(ModuleBootstrap).Assembly.Location);
                if (string.IsNullOrEmpty(moduleFolder)) return; // loaded from bytes: there is no folder to resolve from
                var dependencies = Path.Combine(moduleFolder, DependencyFolderName);
                if (!Directory.Exists(dependencies))
                    throw new DirectoryNotFoundException("The CallTracking module is incomplete: " + dependencies + " is missing.");
                if (IsNetFramework)
                {
                    ServicePointManager.SecurityProtocol = SecurityProtocols.WithTls12(ServicePointManager.SecurityProtocol);
                    FrameworkResolver.Install(moduleFolder, dependencies);
                }
                else
                {
                    // The loader targets .NET 8: PowerShell 7.0-7.3 (.NET Core 3.1-7) cannot load it.
                    if (Environment.Version.Major < MinimumNetMajor)
                        throw new PlatformNotSupportedException("CallTracking needs PowerShell 7.4 or later (.NET " + MinimumNetMajor + "); this PowerShell runs on .NET " + Environment.Version + ".");
                    LoadContextInstaller.Install(moduleFolder, dependencies, Path.Combine(moduleFolder, CmdletAssemblyFileName));
                }
                _installed = true;
            }
        }

        private static bool IsNetFramework => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);
    }
}
