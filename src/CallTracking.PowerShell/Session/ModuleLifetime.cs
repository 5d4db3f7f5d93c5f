using System.Management.Automation;

namespace CallTracking.PowerShell.Session
{
    /// <summary>Remove-Module CallTracking: disposes every connection (and the in-process sandboxes they own) and stops the
    /// loopback sandboxes, so no socket or listener outlives the module.</summary>
    public sealed class ModuleLifetime : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            ConnectionRegistry.Clear();
            SandboxRegistry.StopAll();
        }
    }
}
