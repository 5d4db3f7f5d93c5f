using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Sites
{
    /// <summary>
    /// Add- and Remove-SmartReplacementNumber: each row's -SitePhone is checked on its own (a bad row is an error, the others
    /// go on); the checked numbers are collected across the pipeline and sent in batches of the provider's limit, one
    /// request per batch. A failed batch is reported on each of its numbers; -WhatIf lists what each batch would do.
    /// </summary>
    public abstract class SmartReplacementCmdlet : CallTrackingCmdlet
    {
        private PipelineBatches? _batches;
        private readonly Dictionary<string, CallTrackingConnection> _connections = new Dictionary<string, CallTrackingConnection>(System.StringComparer.OrdinalIgnoreCase);

        /// <summary>The phone numbers shown on the web site (any form); a CSV cell may hold several, ';'-separated.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("site_phone")]
        [Transformations.StringListTransformation(nameof(SitePhone))]
        public string[] SitePhone { get; set; } = new string[0];

        /// <summary>Outputs each number as sent, with Listed true (added) or false (removed).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Sends without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>True for Remove-SmartReplacementNumber.</summary>
        protected abstract bool Remove { get; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            ISmartReplacement? replacement = null;
            var phones = (SitePhone ?? new string[0]).ToList();
            if (!TryProcess(() =>
                {
                    replacement = connection.Capability<ISmartReplacement>(CommandName);
                    replacement.Validate(new SmartReplacementChange { SitePhone = phones, Remove = Remove });
                }, string.Join(", ", phones)) || replacement is null) return;
            _batches ??= new PipelineBatches(replacement.MaxSitePhonesPerRequest);
            _connections[connection.Name] = connection;
            foreach (var phone in phones.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                var full = _batches.Add(connection.Name, phone.Trim(), phone);
                if (full != null) Send(full);
            }
        }

        protected override void EndProcessing()
        {
            if (_batches != null)
                foreach (var batch in _batches.TakeAll()) Send(batch);
            base.EndProcessing();
        }

        private void Send(PipelineBatches.Batch batch)
        {
            var connection = _connections[batch.Key];
            var change = new SmartReplacementChange { SitePhone = batch.Values, Remove = Remove };
            ISmartReplacement? replacement = null;
            string? what = null;
            if (!TryProcessReporting(() =>
                {
                    replacement = connection.Capability<ISmartReplacement>(CommandName);
                    what = replacement.Describe(change);
                }, ex => ReportOnEach(ex, batch)) || replacement is null) return;
            if (!ShouldChange(TargetOn(connection, batch.Values.Count + " web site number(s)"), what!, Force)) return;
            TryProcessReporting(() =>
            {
                var done = RunAsync(ct => replacement.ChangeSmartReplacementAsync(change, ct));
                WriteVerboseLine(what + ": done.");
                if (PassThru) WriteObject(done, true);
            }, ex => ReportOnEach(ex, batch));
        }

        private void ReportOnEach(System.Exception ex, PipelineBatches.Batch batch)
        {
            foreach (var item in batch.Items) WriteItemError(ex, item);
        }
    }
}
