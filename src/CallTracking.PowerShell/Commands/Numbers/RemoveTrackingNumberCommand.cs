using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Numbers
{
    /// <summary>
    /// Releases a number. ConfirmImpact High: it prompts unless -Force or -Confirm:$false (a NonInteractive runbook must
    /// pass one of them). Sent once: a failure that may have reached the server is OutcomeUnknown.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "TrackingNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(TrackingNumber), typeof(BatchResult), typeof(ProvisioningRequest))]
    public sealed class RemoveTrackingNumberCommand : ConfirmedChangeCmdlet
    {
        /// <summary>The provider's number id, or the number (+E164 or national).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Alias("Number", "phone_number_id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>A number from Get-TrackingNumber (a call or other object is refused).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public ProviderRecord? InputObject { get; set; }

        /// <summary>
        /// On a provider that provisions asynchronously (the command returns a ProvisioningRequest): waits for the requests
        /// to finish — all rows are submitted first, then awaited together — and emits each finished request.
        /// </summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait at most, in seconds (default: until they finish).</summary>
        [Parameter]
        [Int32Transformation(nameof(TimeoutSec))]
        [ValidateRange(1, int.MaxValue)]
        public int? TimeoutSec { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            if (connection.Supports<INumberProvisioning>())
            {
                // Asynchronous: the decommission is a provisioning request, emitted at once (or awaited with -Wait).
                SubmitProvisioning(connection, p =>
                {
                    var release = new NumberRelease(TargetId<TrackingNumber>(connection, Id, InputObject, "number")) { Options = BoundProviderParameters()?.ToOptions() };
                    p.Validate(release);
                    return new ProvisioningSubmit("number " + release.Id, p.Describe(release), ct => p.RequestReleaseAsync(release, ct));
                }, (object?)InputObject ?? Id, Force, Wait);
                return;
            }
            if (connection.Supports<IBatchNumberRelease>())
            {
                // Numbers going to one place share a request (in EndProcessing); each row is still its own result.
                AddBatchRow(_rows, connection, () =>
                {
                    var id = TargetId<TrackingNumber>(connection, Id, InputObject, "number");
                    return new NumberRelease(id) { Options = BoundProviderParameters()?.ToOptions() };
                }, InputObject?.Id ?? Id);
                return;
            }
            ProcessChange(connection, () =>
            {
                var id = TargetId<TrackingNumber>(connection, Id, InputObject, "number");
                var release = new NumberRelease(id) { Options = BoundProviderParameters()?.ToOptions() };
                var releaser = connection.Capability<INumberRelease>(CommandName);
                releaser.Validate(release);
                return new Change("number " + id, releaser.Describe(release), ct => releaser.ReleaseNumberAsync(release, ct), "Released number " + id + ".");
            }, (object?)InputObject ?? Id);
        }

        private readonly BatchRows<NumberRelease> _rows = new BatchRows<NumberRelease>();

        protected override void EndProcessing()
        {
            RunBatches(_rows, c => c.Capability<IBatchNumberRelease>(CommandName).ReleaseBatch(), BatchCmdlet<NumberRelease>.DefaultBatchSize, Force, r => PassThru ? r : null);
            WaitForSubmitted(TimeoutSec);
            base.EndProcessing();
        }
    }
}
