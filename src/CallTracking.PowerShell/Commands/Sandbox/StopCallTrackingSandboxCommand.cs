using System.Management.Automation;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Session;
using CallTracking.Sandbox;

namespace CallTracking.PowerShell.Commands.Sandbox
{
    /// <summary>
    /// Stops the piped (or given) sandboxes, or every sandbox Start-CallTrackingSandbox started when none is given.
    /// ConfirmImpact High (other tools may be using it): -Force or -Confirm:$false in scripts. Derives from the
    /// infrastructure base: it needs no connection.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "CallTrackingSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(CallTrackingSandbox))]
    public sealed class StopCallTrackingSandboxCommand : CallTrackingCmdletBase
    {
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public CallTrackingSandbox[]? Sandbox { get; set; }

        /// <summary>Stops without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Outputs each stopped sandbox.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var targets = IsBound(nameof(Sandbox)) ? (System.Collections.Generic.IReadOnlyList<CallTrackingSandbox>)(Sandbox ?? new CallTrackingSandbox[0]) : SandboxRegistry.All;
            foreach (var sandbox in targets)
            {
                if (sandbox is null) continue;
                var where = sandbox.ListenerUri?.ToString() ?? "in-process";
                if (!ShouldChange("sandbox at " + where, "Stop the sandbox (tools using it lose their connection)", Force)) continue;
                sandbox.Stop();
                SandboxRegistry.Remove(sandbox);
                sandbox.Dispose();
                WriteVerboseLine("Stopped the sandbox at " + where + ".");
                if (PassThru) WriteObject(sandbox);
            }
        }
    }
}
