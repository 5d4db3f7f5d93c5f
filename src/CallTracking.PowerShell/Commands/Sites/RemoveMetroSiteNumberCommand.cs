using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Sites
{
    /// <summary>
    /// Removes a metro site number and its tracking number allocations (those numbers go back to the default forwarding): by
    /// -SiteId, or piped from Get-MetroSiteNumber. ConfirmImpact High: it prompts unless -Force or -Confirm:$false (a
    /// NonInteractive runbook must pass one). Sent once.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MetroSiteNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(MetroSiteNumber))]
    public sealed class RemoveMetroSiteNumberCommand : ConfirmedChangeCmdlet
    {
        /// <summary>The site id (from Get-MetroSiteNumber or Add-MetroSiteNumber).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Alias("site_id")]
        public string SiteId { get; set; } = string.Empty;

        /// <summary>A site number from Get-MetroSiteNumber.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public ProviderRecord? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            ProcessChange(connection, () =>
            {
                var id = TargetId<MetroSiteNumber>(connection, SiteId, InputObject, "metro site number");
                var metro = connection.Capability<IMetroNumbers>(CommandName);
                metro.ValidateSiteId(id);
                var removed = InputObject as MetroSiteNumber ?? new MetroSiteNumber(connection.Provider, id.Trim());
                return new Change("metro site number " + (removed.SiteNumber ?? removed.SiteId) + " (site id " + removed.SiteId + ")", metro.DescribeRemoval(id),
                    async ct => { await metro.RemoveSiteAsync(id, ct).ConfigureAwait(false); return (object?)removed; },
                    "Removed metro site number " + removed.SiteId + ".");
            }, (object?)InputObject ?? SiteId);
        }
    }
}
