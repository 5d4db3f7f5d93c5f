using System.Management.Automation;

namespace CallTracking.PowerShell.Session
{
    /// <summary>
    /// Remove-Module: disposes every connection (and the in-process sandboxes they own) and stops the loopback sandboxes,
    /// so no socket or listener outlives the module. Loading (the Dependencies folder, TLS 1.2 on .NET Framework) is
    /// CallTracking.Bootstrap's: it has to run before PowerShell reads this assembly's types.
    /// </summary>
    public sealed class ModuleLifetime : IModuleAssemblyCleanup
    {
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            ConnectionRegistry.Clear();
            SandboxRegistry.StopAll();
        }
    }
}
