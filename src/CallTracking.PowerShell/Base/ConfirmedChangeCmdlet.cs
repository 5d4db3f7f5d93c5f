using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Base of the ConfirmImpact High one-shot changes (Stop-Call, Remove-TrackingNumber): declares -Force and -PassThru
    /// (in every set; PowerShell lists them after the cmdlet's own -Id) and runs the change: ShouldChange (WhatIf beats
    /// Force beats Confirm), then one request, a verbose line and, with -PassThru, the object the provider returned.
    /// </summary>
    public abstract class ConfirmedChangeCmdlet : CallTrackingCmdlet
    {
        /// <summary>Hangs up the call (Stop-Call) or releases the number (Remove-TrackingNumber) without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Outputs the call as the provider returns it after the hang-up (Stop-Call), or the released number when the provider returns it (Remove-TrackingNumber).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// Confirms, then sends the change once. <paramref name="target"/> names the object ("call 123"); the
        /// ShouldProcess target adds the connection's provider. A failure is a per-item error for <paramref name="errorTarget"/>.
        /// </summary>
        protected void ProcessChange<T>(string target, string action, string commandName, object? errorTarget,
            Func<CallTrackingConnection, CancellationToken, Task<T?>> change, string doneMessage) where T : class
        {
            var connection = ResolveConnection();
            if (!ShouldChange(target + " (" + connection.Provider + ")", action, Force)) return;
            TryProcess(() =>
            {
                connection.EnsureProvider(ProviderName.TrackDrive, commandName);
                var result = RunAsync(ct => change(connection, ct));
                WriteVerbose(doneMessage);
                if (PassThru && result != null) WriteObject(result);
            }, errorTarget);
        }
    }
}
