using System.Linq;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Sites
{
    /// <summary>
    /// Lists the metro site numbers with the tracking numbers allocated to each (one request); -SiteId keeps only those.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MetroSiteNumber")]
    [OutputType(typeof(MetroSiteNumber))]
    public sealed class GetMetroSiteNumberCommand : CallTrackingCmdlet
    {
        /// <summary>Only these site ids.</summary>
        [Parameter(Position = 0)]
        [Alias("site_id")]
        public string[]? SiteId { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var wanted = (SiteId ?? new string[0]).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
            TryProcess(() =>
            {
                var metro = connection.Capability<IMetroNumbers>(CommandName);
                foreach (var site in RunAsync(ct => metro.ListSitesAsync(ct)))
                    if (wanted.Count == 0 || wanted.Contains(site.SiteId)) WriteObject(site);
            }, connection.Name);
        }
    }
}
