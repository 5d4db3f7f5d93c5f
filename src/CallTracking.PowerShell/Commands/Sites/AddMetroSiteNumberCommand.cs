using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Sites
{
    /// <summary>
    /// Adds a metro site number: a phone number shown on a web site's city page, which the provider swaps for the tracking
    /// numbers allocated to it (Add-MetroTrackingNumber); those forward to -ForwardNumber. Outputs the new site number with
    /// its SiteId. Sent once (a repeat would be refused as a duplicate, or add it twice).
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "MetroSiteNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MetroSiteNumber))]
    public sealed class AddMetroSiteNumberCommand : CallTrackingCmdlet
    {
        /// <summary>The number shown on the metro page (any form).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("site_number")]
        public string SiteNumber { get; set; } = string.Empty;

        /// <summary>A title for the site number (the metro page, say).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string Title { get; set; } = string.Empty;

        /// <summary>The number the allocated tracking numbers forward to (any form).</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("forward_number")]
        public string ForwardNumber { get; set; } = string.Empty;

        /// <summary>Adds without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var site = new NewMetroSite { SiteNumber = SiteNumber, Title = Title, ForwardNumber = ForwardNumber };
            IMetroNumbers? metro = null;
            string? what = null;
            if (!TryProcess(() =>
                {
                    metro = connection.Capability<IMetroNumbers>(CommandName);
                    metro.Validate(site);
                    what = metro.Describe(site);
                }, SiteNumber) || metro is null) return;
            if (!ShouldChange(TargetOn(connection, "metro site number " + SiteNumber.Trim()), what!, Force)) return;
            TryProcess(() => WriteObject(RunAsync(ct => metro.AddSiteAsync(site, ct))), SiteNumber);
        }
    }
}
