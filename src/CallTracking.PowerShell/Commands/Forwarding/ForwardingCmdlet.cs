using System.Management.Automation;
using CallTracking.Core.Batching;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Forwarding
{
    /// <summary>
    /// What Set-CallForwarding and Remove-CallForwarding share: the numbers (-Id, or a CSV's sid/Id column), or a group the
    /// provider's own set names (then no -Id), sent in batches.
    /// </summary>
    public abstract class ForwardingCmdlet : BatchCmdlet<ForwardingChange>
    {
        /// <summary>The numbers: the provider's ids (a SID) or the numbers (+E164); several per row allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Alias("Sid", "phone_number_id")]
        [StringListTransformation(nameof(Id))]
        public string[] Id { get; set; } = System.Array.Empty<string>();

        /// <summary>True for Remove-CallForwarding.</summary>
        protected abstract bool Removes { get; }

        /// <summary>The forward number of the current row (null when removing).</summary>
        protected abstract string? ForwardTo { get; }

        protected override void ProcessRecord()
        {
            // The provider's options are read inside each row: a bad one is that row's failure.
            if (ParameterSetName != ParameterSets.ById)
            {
                AddRow(() => new ForwardingChange(null) { ForwardNumber = ForwardTo, Options = BoundProviderParameters()?.ToOptions() }, ParameterSetName);
                return;
            }
            foreach (var id in Id ?? System.Array.Empty<string>())
            {
                var each = id;
                AddRow(() => new ForwardingChange(each) { ForwardNumber = ForwardTo, Options = BoundProviderParameters()?.ToOptions() }, each);
            }
        }

        protected override IBatchOperation<ForwardingChange> Operation(CallTrackingConnection connection)
        {
            var forwarding = connection.Capability<ICallForwarding>(CommandName);
            return Removes ? forwarding.RemoveForwarding() : forwarding.SetForwarding();
        }
    }
}
