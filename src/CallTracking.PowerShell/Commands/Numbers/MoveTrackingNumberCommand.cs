using System.Management.Automation;
using CallTracking.Core.Batching;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Numbers
{
    /// <summary>
    /// Moves numbers to another account (where to is the provider's: a client and its pin, say). The numbers going to one
    /// account share as few requests as the provider allows; sent once; one result per number, in input order.
    /// </summary>
    [Cmdlet(VerbsCommon.Move, "TrackingNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.ById)]
    [OutputType(typeof(BatchResult))]
    public sealed class MoveTrackingNumberCommand : BatchCmdlet<NumberTransfer>
    {
        /// <summary>The numbers: the provider's ids or the numbers (+E164); several per row allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Alias("Sid", "phone_number_id")]
        [StringListTransformation(nameof(Id))]
        public string[] Id { get; set; } = System.Array.Empty<string>();

        protected override void ProcessRecord()
        {
            // The provider's options are read inside each row: a bad one (a -Client without a credential) is that row's failure.
            foreach (var id in Id ?? System.Array.Empty<string>())
            {
                var each = id;
                AddRow(() => new NumberTransfer(each) { Options = BoundProviderParameters()?.ToOptions() }, each);
            }
        }

        protected override IBatchOperation<NumberTransfer> Operation(CallTrackingConnection connection)
            => connection.Capability<INumberTransfer>(CommandName).TransferBatch();
    }
}
