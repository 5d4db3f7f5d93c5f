using System;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Calls
{
    /// <summary>
    /// Streams the call log (every call unless -First; each record is written as it arrives, Write-Progress when the
    /// provider reports a total), writes it as the provider's CSV with -OutFile, or gets calls by id or piped from another
    /// cmdlet. The connection's provider adds its own filters (dynamic parameters).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallLog", DefaultParameterSetName = ParameterSets.List)]
    [OutputType(typeof(CallRecord))]
    public sealed class GetCallLogCommand : PagedListCmdlet
    {
        /// <summary>The call's id, in the form the provider gives it (a number, a uuid).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Alias("uuid", "call_id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>A call from Get-CallLog (it is fetched again, as the provider has it now).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public ProviderRecord? InputObject { get; set; }

        /// <summary>Calls created at or after this time.</summary>
        [Parameter(ParameterSetName = ParameterSets.List)]
        [Alias("created_at_from", "Start")]
        [DateTimeOffsetTransformation(nameof(CreatedAfter))]
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Calls created at or before this time.</summary>
        [Parameter(ParameterSetName = ParameterSets.List)]
        [Alias("created_at_to", "End")]
        [DateTimeOffsetTransformation(nameof(CreatedBefore))]
        public DateTimeOffset? CreatedBefore { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            if (ParameterSetName != ParameterSets.List)
            {
                TryProcess(() =>
                {
                    var id = TargetId<CallRecord>(connection, Id, InputObject, "call");
                    var log = connection.Capability<ICallLog>(CommandName);
                    WriteObject(RunAsync(ct => log.GetCallAsync(id, ct)));
                }, (object?)InputObject ?? Id);
                return;
            }

            TryProcess(() =>
            {
                var log = connection.Capability<ICallLog>(CommandName);
                var query = new CallLogQuery { CreatedAfter = CreatedAfter, CreatedBefore = CreatedBefore, First = First, PageSize = PageSize, Options = BoundProviderParameters()?.ToOptions(), ReadAllFirst = OutputFlowsOn };
                log.Validate(query);
                var csv = connection.Supports<ICallLogCsv>() ? connection.Capability<ICallLogCsv>(CommandName) : null;
                WriteCsvOrRecords(OutFile, "calls", null,
                    csv is null ? null : (file, progress, ct) => csv.ExportCallsCsvAsync(query, file, progress, ct),
                    (progress, ct) => log.ListCallsAsync(query, progress, ct));
            }, null);
        }
    }
}
