using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.RoundRobin
{
    /// <summary>
    /// Lists a tracking number's round-robin targets in ring order (Position 1, 2, …): by -Sid (a CSV's sid column) or for
    /// each number piped from Get-TrackingNumber.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RoundRobinTarget", DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(RoundRobinTarget))]
    public sealed class GetRoundRobinTargetCommand : CallTrackingCmdlet
    {
        /// <summary>The tracking number's SID.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        public string Sid { get; set; } = string.Empty;

        /// <summary>A tracking number from Get-TrackingNumber.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public ProviderRecord? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            TryProcess(() =>
            {
                var sid = TargetId<TrackingNumber>(connection, Sid, InputObject, "number");
                var roundRobin = connection.Capability<IRoundRobin>(CommandName);
                WriteObject(RunAsync(ct => roundRobin.ListTargetsAsync(sid, ct)), true);
            }, (object?)InputObject ?? Sid);
        }
    }
}
