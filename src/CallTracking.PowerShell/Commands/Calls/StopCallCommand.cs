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
    public sealed class StopCallCommand : ConfirmedChangeCmdlet
    {
        /// <summary>The call's numeric id or uuid.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("uuid", "call_id")]
        public string Id { get; set; } = string.Empty;

        protected override void ProcessRecord()
            => ProcessChange("call " + Id, "Hang up (ends the call now)", "Stop-Call", Id,
                (connection, ct) => connection.TrackDrive.HangUpCallAsync(Id, ct), "Hung up call " + Id + ".");
    }
}
