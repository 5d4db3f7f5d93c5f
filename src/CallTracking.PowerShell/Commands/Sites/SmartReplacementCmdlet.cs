using System;
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
    /// request per batch (BatchingCmdlet).
    /// </summary>
    public abstract class SmartReplacementCmdlet : BatchingCmdlet
    {
        /// <summary>The phone numbers shown on the web site (any form); a CSV cell may hold several, ';'-separated.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("site_phone")]
        [Transformations.StringListTransformation(nameof(SitePhone))]
        public string[] SitePhone { get; set; } = new string[0];

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
            Queue(connection, string.Empty, replacement.MaxSitePhonesPerRequest, phones, null);
        }

        protected override void SendBatch(CallTrackingConnection connection, string group, IReadOnlyList<string> values, Action<Exception> reportOnEachRow)
        {
            var change = new SmartReplacementChange { SitePhone = values, Remove = Remove };
            ISmartReplacement? replacement = null;
            Send(() =>
            {
                replacement = connection.Capability<ISmartReplacement>(CommandName);
                return (TargetOn(connection, values.Count + " web site number(s)"), replacement.Describe(change));
            }, () =>
            {
                var done = RunAsync(ct => replacement!.ChangeSmartReplacementAsync(change, ct));
                if (PassThru) WriteObject(done, true);
            }, reportOnEachRow);
        }
    }
}
