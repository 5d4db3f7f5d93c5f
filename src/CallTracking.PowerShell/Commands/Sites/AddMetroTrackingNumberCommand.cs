using System.Management.Automation;
using CallTracking.Core.Batching;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Sites
{
    /// <summary>
    /// Allocates tracking numbers to a metro site number: each then forwards to the site's forward number (and leaves any
    /// other site). The numbers are -Sid (a CSV's sid column, several ';'-separated) or numbers piped from Get-TrackingNumber;
    /// each SID is a row of the provider's batch function (Core.Batching through BatchCmdlet): the rows for one -SiteId share
    /// as few requests as the provider's limit and -BatchSize allow. -PassThru writes one result per SID, in input order.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "MetroTrackingNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MetroAllocationResult))]
    public sealed class AddMetroTrackingNumberCommand : BatchCmdlet<MetroAllocation>
    {
        /// <summary>The tracking numbers' SIDs; binds by property name from a CSV's sid column or a number's Id (Get-TrackingNumber).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [Transformations.StringListTransformation(nameof(Sid))]
        public string[] Sid { get; set; } = System.Array.Empty<string>();

        /// <summary>The metro site id (from Get-MetroSiteNumber or Add-MetroSiteNumber).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("site_id")]
        public string SiteId { get; set; } = string.Empty;

        /// <summary>Writes one result per SID (MetroAllocationResult); by default nothing is written.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var sids = Sid ?? System.Array.Empty<string>();
            var siteId = SiteId;
            AddRow(() => new MetroAllocation { SiteId = siteId, Sid = sids }, string.Join(", ", sids));
        }

        protected override IBatchOperation<MetroAllocation> Operation(CallTrackingConnection connection)
            => connection.Capability<IMetroNumbers>(CommandName).Allocate();

        protected override object? Output(BatchResult result) => PassThru ? result : null;
    }
}
