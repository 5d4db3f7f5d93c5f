using System.Management.Automation;
using CallTracking.Core.Batching;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Sites
{
    /// <summary>
    /// Add- and Remove-SmartReplacementNumber: each number of each row (-SitePhone) is a row of the provider's batch function
    /// (Core.Batching through BatchCmdlet): a bad number fails alone, before anything is sent; the others share as few
    /// requests as the provider's limit and -BatchSize allow. -PassThru writes one result per number, in input order.
    /// </summary>
    public abstract class SmartReplacementCmdlet : BatchCmdlet<SmartReplacementChange>
    {
        /// <summary>The phone numbers shown on the web site (any form): piped strings, or a CSV's site_phone column (a cell may hold several, ';'-separated).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("site_phone")]
        [Transformations.StringListTransformation(nameof(SitePhone))]
        public string[] SitePhone { get; set; } = System.Array.Empty<string>();

        /// <summary>Writes one result per number (SmartReplacementResult); by default nothing is written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>True for Remove-SmartReplacementNumber.</summary>
        protected abstract bool Remove { get; }

        protected override void ProcessRecord()
        {
            var phones = SitePhone ?? System.Array.Empty<string>();
            AddRow(() => new SmartReplacementChange { SitePhone = phones, Remove = Remove }, string.Join(", ", phones));
        }

        protected override IBatchOperation<SmartReplacementChange> Operation(CallTrackingConnection connection)
            => connection.Capability<ISmartReplacement>(CommandName).ChangeSmartReplacement();

        protected override object? Output(BatchResult result) => PassThru ? result : null;
    }
}
