using System.Management.Automation;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Calls
{
    /// <summary>
    /// Hangs up a call in progress: `Get-CallLog -InProgress | Stop-Call -Force`. ConfirmImpact High: it prompts unless
    /// -Force or -Confirm:$false. Sent once: a failure that may have reached the server is OutcomeUnknown.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "Call", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ParameterSets.TrackDrive)]
    [OutputType(typeof(CallRecord))]
    public sealed class StopCallCommand : CallTrackingCmdlet
    {
        /// <summary>The call's numeric id or uuid.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("uuid", "call_id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>Hangs up without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Outputs the call as the provider returns it after the hang-up.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var target = "call " + Id + " (" + connection.Provider + ")";
            if (!ShouldChange(target, "Hang up (ends the call now)", Force)) return;
            TryProcess(() =>
            {
                connection.EnsureProvider(ProviderName.TrackDrive, "Stop-Call");
                var call = RunAsync(ct => connection.TrackDrive.HangUpCallAsync(Id, ct));
                WriteVerbose("Hung up call " + Id + ".");
                if (PassThru && call != null) WriteObject(call);
            }, Id);
        }
    }
}
