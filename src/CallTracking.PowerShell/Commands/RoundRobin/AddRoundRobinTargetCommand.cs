using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.RoundRobin
{
    /// <summary>
    /// Adds receiving numbers to a tracking number's round-robin list: -ForwardNumber, -Extension and -Label are paired by
    /// position (refused when their counts do not pair). The number is -Sid (a CSV's sid column) or a number piped from
    /// Get-TrackingNumber; in a CSV row, the lists are ';'-separated cells. Sent once (a repeat would add the targets twice);
    /// outputs the targets the provider added, with the ids Set- and Remove-RoundRobinTarget take.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "RoundRobinTarget", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(RoundRobinTarget))]
    public sealed class AddRoundRobinTargetCommand : CallTrackingCmdlet
    {
        /// <summary>The tracking number's SID.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        public string Sid { get; set; } = string.Empty;

        /// <summary>A tracking number from Get-TrackingNumber.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public ProviderRecord? InputObject { get; set; }

        /// <summary>The receiving numbers, in ring order (any form).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Parameter(Position = 1, ParameterSetName = ParameterSets.InputObject)]
        [Alias("forward_number", "forwarding_number")]
        [StringListTransformation(nameof(ForwardNumber))]
        public string[] ForwardNumber { get; set; } = new string[0];

        /// <summary>One extension per receiving number ('' for none), or none at all.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        [AllowEmptyString]
        [StringListTransformation(nameof(Extension), KeepEmpty = true)]
        public string[]? Extension { get; set; }

        /// <summary>One label per receiving number, or none at all.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        [AllowEmptyString]
        [StringListTransformation(nameof(Label), KeepEmpty = true)]
        public string[]? Label { get; set; }

        /// <summary>Ring the number's default receiving number first (absent: the provider's default, yes).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        [Alias("use_default_first")]
        [BooleanTransformation(nameof(UseDefaultFirst))]
        public SwitchParameter UseDefaultFirst { get; set; }

        /// <summary>Adds without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            IRoundRobin? roundRobin = null;
            RoundRobinAddition? addition = null;
            string? what = null;
            if (!TryProcess(() =>
                {
                    var sid = TargetId<TrackingNumber>(connection, Sid, InputObject, "number");
                    addition = new RoundRobinAddition
                    {
                        Sid = sid, ForwardNumber = ForwardNumber, Extension = Extension, Label = Label,
                        UseDefaultFirst = IsBound(nameof(UseDefaultFirst)) ? UseDefaultFirst.IsPresent : (bool?)null,
                    };
                    roundRobin = connection.Capability<IRoundRobin>(CommandName);
                    roundRobin.Validate(addition);
                    what = roundRobin.Describe(addition);
                }, (object?)InputObject ?? Sid) || roundRobin is null || addition is null) return;
            if (!ShouldChange(TargetOn(connection, "number " + addition.Sid), what!, Force)) return;
            TryProcess(() => WriteObject(RunAsync(ct => roundRobin.AddTargetsAsync(addition, ct)), true), addition.Sid);
        }
    }
}
