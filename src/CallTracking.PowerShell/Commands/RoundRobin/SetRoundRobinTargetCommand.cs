using System.Linq;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.RoundRobin
{
    /// <summary>
    /// Changes one round-robin target: by -Sid and -Id (a CSV's sid and round_robin_list_id columns) or piped from
    /// Get-RoundRobinTarget. The provider replaces the whole entry, so a piped target keeps its current receiving number,
    /// extension, label and use-default-first unless the command line gives new ones; by -Sid/-Id, -ForwardNumber is needed.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "RoundRobinTarget", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(RoundRobinTarget))]
    public sealed class SetRoundRobinTargetCommand : CallTrackingCmdlet
    {
        /// <summary>The tracking number's SID.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        public string Sid { get; set; } = string.Empty;

        /// <summary>The round-robin list id of the target (from Get-RoundRobinTarget).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Alias("round_robin_list_id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>A target from Get-RoundRobinTarget (its current values are kept unless given here).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public ProviderRecord? InputObject { get; set; }

        /// <summary>The receiving number (any form).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        [Alias("forward_number", "forwarding_number")]
        public string? ForwardNumber { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        public string? Extension { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        public string? Label { get; set; }

        /// <summary>Ring the number's default receiving number first (-UseDefaultFirst:$false: only the list).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        [Alias("use_default_first")]
        [BooleanTransformation(nameof(UseDefaultFirst))]
        public SwitchParameter UseDefaultFirst { get; set; }

        /// <summary>Outputs the target as the provider lists it after the change (one more request).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Changes without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            IRoundRobin? roundRobin = null;
            RoundRobinChange? change = null;
            string? what = null;
            if (!TryProcess(() =>
                {
                    change = Prepare(connection);
                    roundRobin = connection.Capability<IRoundRobin>(CommandName);
                    roundRobin.Validate(change);
                    what = roundRobin.Describe(change);
                }, (object?)InputObject ?? Id) || roundRobin is null || change is null) return;
            if (!ShouldChange(TargetOn(connection, "round-robin target " + change.Id + " of number " + change.Sid), what!, Force)) return;
            TryProcess(() =>
            {
                RunAsync(async ct => { await roundRobin.UpdateTargetAsync(change, ct).ConfigureAwait(false); return true; });
                WriteVerboseLine("Changed round-robin target " + change.Id + " of number " + change.Sid + ".");
                if (!PassThru) return;
                var listed = RunAsync(ct => roundRobin.ListTargetsAsync(change.Sid!, ct)).FirstOrDefault(t => t.Id == change.Id);
                if (listed != null) WriteObject(listed);
                else WriteWarningLine("Round-robin target " + change.Id + " is not in the list of number " + change.Sid + " after the change.");
            }, change.Id);
        }

        private RoundRobinChange Prepare(Core.Connections.CallTrackingConnection connection)
        {
            if (InputObject is null)
                return new RoundRobinChange
                {
                    Sid = Sid, Id = Id, ForwardNumber = ForwardNumber, Extension = Extension, Label = Label,
                    UseDefaultFirst = IsBound(nameof(UseDefaultFirst)) ? UseDefaultFirst.IsPresent : (bool?)null,
                };
            TargetId<RoundRobinTarget>(connection, null, InputObject, "round-robin target");
            var target = (RoundRobinTarget)InputObject;
            return new RoundRobinChange
            {
                Sid = target.Sid,
                Id = target.Id,
                ForwardNumber = IsBound(nameof(ForwardNumber)) ? ForwardNumber : target.ForwardNumber,
                Extension = IsBound(nameof(Extension)) ? Extension : target.Extension,
                Label = IsBound(nameof(Label)) ? Label : target.Label,
                UseDefaultFirst = IsBound(nameof(UseDefaultFirst)) ? UseDefaultFirst.IsPresent : target.UseDefaultFirst,
            };
        }
    }
}
