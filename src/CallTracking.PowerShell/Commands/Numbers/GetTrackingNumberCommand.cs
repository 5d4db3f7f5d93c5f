using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Numbers
{
    /// <summary>
    /// Lists tracking numbers (streamed page by page: everything unless -First), gets one by id or number, or gets the
    /// numbers piped from another cmdlet. The connection's provider adds its own filters (dynamic parameters).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TrackingNumber", DefaultParameterSetName = ParameterSets.List)]
    [OutputType(typeof(TrackingNumber))]
    public sealed class GetTrackingNumberCommand : PagedListCmdlet
    {
        /// <summary>The provider's number id, or the number itself (+E164, or a national number of the default country).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Alias("phone_number_id")]
        public string Id { get; set; } = string.Empty;

        /// <summary>A number from Get-TrackingNumber or New-TrackingNumber (it is fetched again).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public ProviderRecord? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            if (ParameterSetName != ParameterSets.List)
            {
                TryProcess(() =>
                {
                    var id = TargetId<TrackingNumber>(connection, Id, InputObject, "number");
                    var numbers = connection.Capability<ITrackingNumbers>(CommandName);
                    WriteObject(RunAsync(ct => numbers.GetNumberAsync(id, ct)));
                }, (object?)InputObject ?? Id);
                return;
            }

            TryProcess(() =>
            {
                var numbers = connection.Capability<ITrackingNumbers>(CommandName);
                var query = new NumberQuery { First = First, PageSize = PageSize, Options = BoundProviderParameters()?.ToOptions(), ReadAllFirst = OutputFlowsOn };
                numbers.Validate(query);
                var csv = connection.Supports<ITrackingNumbersCsv>() ? connection.Capability<ITrackingNumbersCsv>(CommandName) : null;
                WriteCsvOrRecords(OutFile, "numbers", null,
                    csv is null ? null : (file, progress, ct) => csv.ExportNumbersCsvAsync(query, file, progress, ct),
                    (progress, ct) => numbers.ListNumbersAsync(query, progress, ct));
            }, null);
        }
    }
}
