using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.RoundRobin
{
    /// <summary>
    /// Removes a round-robin target: by -Sid and -Id, or piped from Get-RoundRobinTarget. ConfirmImpact High: it prompts
    /// unless -Force or -Confirm:$false (a NonInteractive runbook must pass one). Sent once.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "RoundRobinTarget", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(RoundRobinTarget))]
    public sealed class RemoveRoundRobinTargetCommand : ConfirmedChangeCmdlet
    {
        /// <summary>The tracking number's SID.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        public string Sid { get; set; } = string.Empty;

        /// <summary>The round-robin list id of the target.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Alias("round_robin_list_id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>A target from Get-RoundRobinTarget.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public ProviderRecord? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            ProcessChange(connection, () =>
            {
                var removal = new RoundRobinRemoval { Sid = Sid, Id = Id };
                RoundRobinTarget? piped = null;
                if (InputObject != null)
                {
                    TargetId<RoundRobinTarget>(connection, null, InputObject, "round-robin target");
                    piped = (RoundRobinTarget)InputObject;
                    removal = new RoundRobinRemoval { Sid = piped.Sid, Id = piped.Id };
                }
                var roundRobin = connection.Capability<IRoundRobin>(CommandName);
                roundRobin.Validate(removal);
                var removed = piped ?? new RoundRobinTarget(connection.Provider, removal.Id!.Trim(), removal.Sid!.Trim());
                return new Change("round-robin target " + removed.Id + " of number " + removed.Sid, roundRobin.Describe(removal),
                    async ct => { await roundRobin.RemoveTargetAsync(removal, ct).ConfigureAwait(false); return removed; },
                    "Removed round-robin target " + removed.Id + " of number " + removed.Sid + ".");
            }, (object?)InputObject ?? Id);
        }
    }
}
