using System.Management.Automation;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Numbers
{
    /// <summary>
    /// Releases (unrents) a number. ConfirmImpact High: it prompts unless -Force or -Confirm:$false (a NonInteractive
    /// runbook must pass one of them). Sent once: a failure that may have reached the server is OutcomeUnknown.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TrackingNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ParameterSets.TrackDrive)]
    [OutputType(typeof(TrackingNumber))]
    public sealed class RemoveTrackingNumberCommand : ConfirmedChangeCmdlet
    {
        /// <summary>The TrackDrive number id, or the number (+E164 or national).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("Number", "phone_number_id")]
        public string Id { get; set; } = string.Empty;

        protected override void ProcessRecord()
            => ProcessChange("number " + Id, "Release the number (unrent: calls to it stop being tracked)", "Remove-TrackingNumber", Id,
                (connection, ct) => connection.TrackDrive.UnrentPhoneNumberAsync(Id, ct), "Released number " + Id + ".");
    }
}
