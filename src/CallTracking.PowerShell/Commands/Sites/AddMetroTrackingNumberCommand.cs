using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Sites
{
    /// <summary>
    /// Allocates tracking numbers to a metro site number: each then forwards to the site's forward number (and leaves any
    /// other site). The numbers are -Sid (a CSV's sid column, several ';'-separated) or numbers piped from Get-TrackingNumber;
    /// rows are collected per -SiteId and sent in batches, one request per batch. A failed batch is reported on each of its
    /// numbers. -PassThru outputs each site number as it is afterwards.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "MetroTrackingNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MetroSiteNumber))]
    public sealed class AddMetroTrackingNumberCommand : BatchingCmdlet
    {
        private readonly List<(CallTrackingConnection Connection, string SiteId)> _sent = new List<(CallTrackingConnection, string)>();

        /// <summary>The tracking numbers' SIDs; binds by property name from a CSV's sid column or a number's Id (Get-TrackingNumber).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [Transformations.StringListTransformation(nameof(Sid))]
        public string[] Sid { get; set; } = new string[0];

        /// <summary>The metro site id (from Get-MetroSiteNumber or Add-MetroSiteNumber).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("site_id")]
        public string SiteId { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            IMetroNumbers? metro = null;
            var sids = (Sid ?? new string[0]).ToList();
            if (!TryProcess(() =>
                {
                    metro = connection.Capability<IMetroNumbers>(CommandName);
                    metro.Validate(new MetroAllocation { SiteId = SiteId, Sid = sids });
                }, string.Join(", ", sids)) || metro is null) return;
            Queue(connection, SiteId.Trim(), metro.MaxNumbersPerAllocation, sids, null);
        }

        protected override void SendBatch(CallTrackingConnection connection, string siteId, IReadOnlyList<string> sids, Action<Exception> reportOnEachRow)
        {
            var allocation = new MetroAllocation { SiteId = siteId, Sid = sids };
            IMetroNumbers? metro = null;
            Send(() =>
            {
                metro = connection.Capability<IMetroNumbers>(CommandName);
                return (TargetOn(connection, "metro site " + siteId), metro.Describe(allocation));
            }, () =>
            {
                RunAsync(async ct => { await metro!.AllocateAsync(allocation, ct).ConfigureAwait(false); return true; });
                if (!_sent.Contains((connection, siteId))) _sent.Add((connection, siteId));
            }, reportOnEachRow);
        }

        /// <summary>-PassThru: each site number as it is after the allocation (one list per connection).</summary>
        protected override void AfterBatches()
        {
            if (!PassThru) return;
            foreach (var group in _sent.GroupBy(s => s.Connection))
            {
                var connection = group.Key;
                var ids = group.Select(s => s.SiteId).ToList();
                TryProcess(() =>
                {
                    var metro = connection.Capability<IMetroNumbers>(CommandName);
                    var sites = RunAsync(ct => metro.ListSitesAsync(ct));
                    foreach (var id in ids)
                        foreach (var site in sites.Where(s => s.SiteId == id)) WriteObject(site);
                }, connection.Name);
            }
        }
    }
}
