using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Calls
{
    /// <summary>
    /// Hangs up a call in progress: `Get-CallLog -InProgress | Stop-Call -Force`. ConfirmImpact High: it prompts unless
    /// -Force or -Confirm:$false. Sent once: a failure that may have reached the server is OutcomeUnknown.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "Call", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(CallRecord))]
    public sealed class StopCallCommand : ConfirmedChangeCmdlet
    {
        /// <summary>The call's id, in the form the provider gives it (a number, a uuid).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Alias("uuid", "call_id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>A call from Get-CallLog (a number or other object is refused).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public ProviderRecord? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            ProcessChange(connection, () =>
            {
                var id = TargetId<CallRecord>(connection, Id, InputObject, "call");
                var control = connection.Capability<ICallControl>(CommandName);
                return new Change("call " + id, "Hang up (ends the call now)", ct => control.HangUpCallAsync(id, ct), "Hung up call " + id + ".");
            }, (object?)InputObject ?? Id);
        }
    }
}
