using System;
using System.Collections.Generic;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Numbers
{
    /// <summary>
    /// Changes a number's settings (what can change is the provider's: dynamic parameters). Only what is given is sent.
    /// CSV columns bind by property name; a piped number is changed by what the command line gives, never by its own
    /// current values.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TrackingNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(TrackingNumber), typeof(BatchResult), typeof(ProvisioningRequest))]
    public sealed class SetTrackingNumberCommand : CallTrackingCmdlet
    {
        /// <summary>The provider's number id, or the number (+E164 or national).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Alias("Number", "phone_number_id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>
        /// A number from Get-TrackingNumber. Its own properties (OfferId…) are its current state, not changes: only the
        /// changes given on the command line are sent.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public ProviderRecord? InputObject { get; set; }

        /// <summary>Outputs the number as the provider returns it after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Changes without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

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

        private HashSet<string> _commandLine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        protected override void BeginProcessing()
        {
            // Only command-line arguments are bound before the first pipeline object arrives.
            _commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            INumberSettings? settings = null;
            NumberChange? change = null;
            string? what = null;
            if (connection.Supports<INumberProvisioning>())
            {
                // Asynchronous: the update is a provisioning request, emitted at once (or awaited with -Wait).
                SubmitProvisioning(connection, p =>
                {
                    var request = NewChange(connection);
                    p.Validate(request);
                    return new ProvisioningSubmit("number " + request.Id, "Request: " + p.Describe(request), ct => p.RequestChangeAsync(request, ct));
                }, (object?)InputObject ?? Id, Force, Wait);
                return;
            }
            if (connection.Supports<IBatchNumberSettings>())
            {
                // Numbers given the same change share a request (in EndProcessing); each row is still its own result.
                AddBatchRow(_rows, connection, () => NewChange(connection), InputObject?.Id ?? Id);
                return;
            }
            if (!TryProcess(() =>
                {
                    change = NewChange(connection);
                    settings = connection.Capability<INumberSettings>(CommandName);
                    settings.Validate(change);
                    what = settings.Describe(change);
                }, (object?)InputObject ?? Id) || settings is null || change is null) return;
            if (!ShouldChange("number " + change.Id + " (" + connection.Provider + ", connection '" + connection.Name + "')", "Update: " + what, Force)) return;
            TryProcess(() =>
            {
                var updated = RunAsync(ct => settings.UpdateNumberAsync(change, ct));
                if (PassThru) WriteObject(updated);
            }, change.Id);
        }

        private NumberChange NewChange(CallTrackingConnection connection)
        {
            var id = TargetId<TrackingNumber>(connection, Id, InputObject, "number");
            var parameters = BoundProviderParameters();
            // A piped number's properties also bind by name: they are its state, not requested changes.
            if (parameters != null && InputObject != null) parameters.SetBound(_commandLine);
            return new NumberChange(id) { Options = parameters?.ToOptions() };
        }

        private readonly BatchRows<NumberChange> _rows = new BatchRows<NumberChange>();

        protected override void EndProcessing()
        {
            RunBatches(_rows, c => c.Capability<IBatchNumberSettings>(CommandName).UpdateBatch(), BatchCmdlet<NumberChange>.DefaultBatchSize, Force, r => PassThru ? r : null);
            WaitForSubmitted(TimeoutSec);
            base.EndProcessing();
        }
    }
}
