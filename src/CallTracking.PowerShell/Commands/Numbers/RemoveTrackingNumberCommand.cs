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
    public sealed class RemoveTrackingNumberCommand : CallTrackingCmdlet
    {
        /// <summary>The TrackDrive number id, or the number (+E164 or national).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("Number", "phone_number_id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>Releases without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Outputs the released number when the provider returns it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var target = "number " + Id + " (" + connection.Provider + ")";
            if (!ShouldChange(target, "Release the number (unrent: calls to it stop being tracked)", Force)) return;
            TryProcess(() =>
            {
                connection.EnsureProvider(ProviderName.TrackDrive, "Remove-TrackingNumber");
                var released = RunAsync(ct => connection.TrackDrive.UnrentPhoneNumberAsync(Id, ct));
                WriteVerbose("Released number " + Id + ".");
                if (PassThru && released != null) WriteObject(released);
            }, Id);
        }
    }
}
