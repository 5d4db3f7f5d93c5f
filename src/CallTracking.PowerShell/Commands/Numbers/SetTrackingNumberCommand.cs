using System;
using System.Collections.Generic;
using System.Management.Automation;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Numbers
{
    /// <summary>
    /// Changes a number's offer, traffic source, ring pool or tokens. Only what is given is sent. CSV columns bind by
    /// property name (id or number, offer_id, traffic_source_id, ring_pool_id, token_values).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TrackingNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.TrackDrive)]
    [OutputType(typeof(TrackingNumber))]
    public sealed class SetTrackingNumberCommand : CallTrackingCmdlet
    {
        /// <summary>The TrackDrive number id, or the number (+E164 or national).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("Number", "phone_number_id")]
        public string Id { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("offer_id")]
        [Int64Transformation(nameof(OfferId))]
        public long? OfferId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("traffic_source_id")]
        [Int64Transformation(nameof(TrafficSourceId))]
        public long? TrafficSourceId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("ring_pool_id")]
        [Int64Transformation(nameof(RingPoolId))]
        public long? RingPoolId { get; set; }

        /// <summary>Replaces the number's tokens (CSV: several separated by ';').</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("token_values")]
        [StringListTransformation(nameof(TokenValue))]
        public string[]? TokenValue { get; set; }

        /// <summary>Removes every token from the number.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("clear_token_values")]
        [BooleanTransformation(nameof(ClearTokenValue))]
        public SwitchParameter ClearTokenValue { get; set; }

        /// <summary>Outputs the number as the provider returns it after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Changes without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// The piped object itself (hidden). When it is a TrackingNumber from Get-TrackingNumber, its OfferId,
        /// TrafficSourceId and RingPoolId are the number's current state, not requested changes: only its Id is used and
        /// the changes come from the command line. CSV rows are not TrackingNumbers, so their columns stay changes.
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = ParameterSets.TrackDrive)]
        public PSObject? InputObject { get; set; }

        private HashSet<string> _commandLine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        protected override void BeginProcessing()
        {
            // Only command-line arguments are bound before the first pipeline object arrives.
            _commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            base.BeginProcessing();
        }

        private bool Requested(string parameter)
            => !(InputObject?.BaseObject is TrackingNumber) || _commandLine.Contains(parameter);

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var update = new TrackDriveNumberUpdate
            {
                Id = Id,
                OfferId = Requested(nameof(OfferId)) ? OfferId : null,
                TrafficSourceId = Requested(nameof(TrafficSourceId)) ? TrafficSourceId : null,
                RingPoolId = Requested(nameof(RingPoolId)) ? RingPoolId : null,
                TokenValues = Requested(nameof(TokenValue)) ? TokenValue : null,
                ClearTokenValues = ClearTokenValue.IsPresent,
            };
            var changes = update.HasChanges ? update.Describe() : "nothing";
            var target = "number " + Id + " (" + connection.Provider + ")";
            if (!ShouldChange(target, "Update: " + changes, Force)) return;
            TryProcess(() =>
            {
                connection.EnsureProvider(ProviderName.TrackDrive, "Set-TrackingNumber");
                var updated = RunAsync(ct => connection.TrackDrive.UpdatePhoneNumberAsync(update, ct));
                if (PassThru) WriteObject(updated);
            }, Id);
        }
    }
}
