using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Forwarding
{
    /// <summary>
    /// Sets where calls to numbers are forwarded. Rows (piped ids or Import-Csv rows) that share a forward number (and the
    /// provider's options, an extension say) go in as few requests as the provider allows, -BatchSize rows each; one result
    /// per row, in input order. The provider may add sets that change a whole group of numbers at once.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "CallForwarding", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.ById)]
    [OutputType(typeof(ForwardingResult))]
    public sealed class SetCallForwardingCommand : ForwardingCmdlet
    {
        /// <summary>The number calls are sent to (+E164, or a national number of the connection's default country).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("forward_number", "ForwardTo")]
        public string ForwardNumber { get; set; } = string.Empty;

        protected override bool Removes => false;

        protected override string? ForwardTo => ForwardNumber;
    }
}
