using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Forwarding
{
    /// <summary>
    /// Removes call forwarding from numbers (calls are then answered as the provider does without it). Rows go in as few
    /// requests as the provider allows, -BatchSize rows each; one result per row, in input order. ConfirmImpact High.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "CallForwarding", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ParameterSets.ById)]
    [OutputType(typeof(ForwardingResult))]
    public sealed class RemoveCallForwardingCommand : ForwardingCmdlet
    {
        protected override bool Removes => true;

        protected override string? ForwardTo => null;
    }
}
