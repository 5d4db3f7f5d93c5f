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
    public sealed class AddMetroTrackingNumberCommand : CallTrackingCmdlet
    {
        private PipelineBatches? _batches;
        private readonly Dictionary<string, CallTrackingConnection> _connections = new Dictionary<string, CallTrackingConnection>(System.StringComparer.OrdinalIgnoreCase);
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

        /// <summary>Outputs each site number as it is after the allocation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Allocates without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            IMetroNumbers? metro = null;
            List<string>? sids = null;
            if (!TryProcess(() =>
                {
                    sids = (Sid ?? new string[0]).ToList();
                    metro = connection.Capability<IMetroNumbers>(CommandName);
                    metro.Validate(new MetroAllocation { SiteId = SiteId, Sid = sids });
                }, string.Join(", ", Sid ?? new string[0])) || metro is null || sids is null) return;
            _batches ??= new PipelineBatches(metro.MaxNumbersPerAllocation);
            _connections[connection.Name] = connection;
            foreach (var sid in sids.Where(s => !string.IsNullOrWhiteSpace(s)))
            {
                var full = _batches.Add(connection.Name + "\n" + SiteId.Trim(), sid.Trim(), sid);
                if (full != null) Send(full);
            }
        }

        protected override void EndProcessing()
        {
            if (_batches != null)
                foreach (var batch in _batches.TakeAll()) Send(batch);
            if (PassThru) WriteSites();
            base.EndProcessing();
        }

        private void Send(PipelineBatches.Batch batch)
        {
            var cut = batch.Key.IndexOf('\n');
            var connection = _connections[batch.Key.Substring(0, cut)];
            var allocation = new MetroAllocation { SiteId = batch.Key.Substring(cut + 1), Sid = batch.Values };
            IMetroNumbers? metro = null;
            string? what = null;
            if (!TryProcessReporting(() =>
                {
                    metro = connection.Capability<IMetroNumbers>(CommandName);
                    what = metro.Describe(allocation);
                }, ex => ReportOnEach(ex, batch)) || metro is null) return;
            if (!ShouldChange(TargetOn(connection, "metro site " + allocation.SiteId), what!, Force)) return;
            TryProcessReporting(() =>
            {
                RunAsync(async ct => { await metro.AllocateAsync(allocation, ct).ConfigureAwait(false); return true; });
                WriteVerboseLine(what + ": done.");
                if (!_sent.Any(s => s.Connection == connection && s.SiteId == allocation.SiteId)) _sent.Add((connection, allocation.SiteId!));
            }, ex => ReportOnEach(ex, batch));
        }

        private void WriteSites()
        {
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

        private void ReportOnEach(System.Exception ex, PipelineBatches.Batch batch)
        {
            foreach (var item in batch.Items) WriteItemError(ex, item);
        }
    }
}
