using System;
using System.IO;
using System.Management.Automation;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Numbers
{
    /// <summary>
    /// Lists tracking numbers (streamed page by page: everything unless -First) or gets one by id. The list filters are not
    /// bound from the pipeline, so that a piped TrackingNumber selects the by-id set instead of turning its own properties
    /// into filters.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TrackingNumber", DefaultParameterSetName = ParameterSets.TrackDriveList)]
    [OutputType(typeof(TrackingNumber))]
    public sealed class GetTrackingNumberCommand : CallTrackingCmdlet
    {
        /// <summary>The TrackDrive number id, or the number itself (+E164 or a national number of the default country).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDriveById)]
        [Alias("phone_number_id")]
        public string Id { get; set; } = string.Empty;

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        public string? Number { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("offer_id")]
        [Int64Transformation(nameof(OfferId))]
        public long? OfferId { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("traffic_source_id")]
        [Int64Transformation(nameof(TrafficSourceId))]
        public long? TrafficSourceId { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("provider_configuration_id")]
        [Int64Transformation(nameof(ProviderConfigurationId))]
        public long? ProviderConfigurationId { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("ring_pool_id")]
        [Int64Transformation(nameof(RingPoolId))]
        public long? RingPoolId { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("created_at_from")]
        [DateTimeOffsetTransformation(nameof(CreatedAfter))]
        public DateTimeOffset? CreatedAfter { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("created_at_to")]
        [DateTimeOffsetTransformation(nameof(CreatedBefore))]
        public DateTimeOffset? CreatedBefore { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("last_call_at_from")]
        [DateTimeOffsetTransformation(nameof(LastCallAfter))]
        public DateTimeOffset? LastCallAfter { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("last_call_at_to")]
        [DateTimeOffsetTransformation(nameof(LastCallBefore))]
        public DateTimeOffset? LastCallBefore { get; set; }

        /// <summary>Full-text search (TrackDrive fulltext).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("fulltext")]
        public string? Search { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("time_zone")]
        [ValidateSet("Etc/UTC", "UTC", "SST", "HST", "AKST", "PST", "MST", "CST", "EST", "COT", "PET", "AST", "VET", "BOT", "CLST", "NST",
            "BRST", "ART", "UYT", "GYT", "WGT", "GST", "AZOT", "CVT", "GMT", "WET", "CET", "EET", "MSK", "IST", "CAT", "SAST",
            "EAT", "IRST", "AZT", "GET", "AMT", "AFT", "YEKT", "PKT", "UZT", "NPT", "BDT", "NOVT", "MMT", "ICT", "WIB", "KRAT",
            "HKT", "XJT", "MYT", "SGT", "AWST", "IRKT", "ULAT", "KST", "JST", "YAKT", "ACST", "ACDT", "AEDT", "AEST", "VLAT",
            "ChST", "PGT", "MAGT", "SBT", "NCT", "FJST", "PETT", "MHT", "NZDT", "TOT", "TKT", "CHADT", "WSDT")]
        public string? TimeZone { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("columns")]
        [StringListTransformation(nameof(Column))]
        [ValidateSet("id", "name", "number", "offer_id", "traffic_source_id", "provider_configuration_id", "ring_pool_id",
            "provider_auth_key", "last_call_at", "token_values", "country", "area_code_id", "optimizer_displayed_at",
            "optimizer_tokens_changed_at", "created_at", "plain_number", "extension", "checksum", "human_number")]
        public string[]? Column { get; set; }

        /// <summary>Stop after this many numbers (default: all of them).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Int64Transformation(nameof(First))]
        public long? First { get; set; }

        /// <summary>Numbers per request (1..1000, default 100).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("per_page")]
        [Int32Transformation(nameof(PageSize))]
        public int? PageSize { get; set; }

        /// <summary>Writes the provider's CSV to this file instead of emitting objects.</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        public string? OutFile { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            if (ParameterSetName == ParameterSets.TrackDriveById)
            {
                TryProcess(() =>
                {
                    connection.EnsureProvider(ProviderName.TrackDrive, "Get-TrackingNumber -Id");
                    WriteObject(RunAsync(ct => connection.TrackDrive.GetPhoneNumberAsync(Id, ct)));
                }, Id);
                return;
            }

            var query = new TrackDriveNumberQuery
            {
                Number = Number,
                OfferId = OfferId, TrafficSourceId = TrafficSourceId, ProviderConfigurationId = ProviderConfigurationId, RingPoolId = RingPoolId,
                CreatedAtFrom = CreatedAfter, CreatedAtTo = CreatedBefore, LastCallAtFrom = LastCallAfter, LastCallAtTo = LastCallBefore,
                Fulltext = Search, TimeZone = AllowedValues.Canonical(TimeZone, TrackDriveApi.TimeZones), Columns = AllowedValues.Canonical(Column, TrackDriveApi.NumberColumns), First = First, PerPage = PageSize,
            };
            TryProcess(() =>
            {
                connection.EnsureProvider(ProviderName.TrackDrive, "Get-TrackingNumber");
                var client = connection.TrackDrive;
                if (!string.IsNullOrEmpty(OutFile))
                {
                    var path = GetUnresolvedProviderPathFromPSPath(OutFile);
                    var rows = RunAsync(async (progress, ct) =>
                    {
                        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 81920, useAsync: true);
                        return await client.ExportPhoneNumbersCsvAsync(query, file, progress, ct).ConfigureAwait(false);
                    }, "Get-TrackingNumber -OutFile");
                    WriteVerbose("Wrote " + rows + " numbers to " + path + ".");
                    return;
                }
                foreach (var number in StreamAsync((progress, ct) => client.ListPhoneNumbersAsync(query, progress, ct), "Get-TrackingNumber"))
                    WriteObject(number);
            }, query);
        }
    }
}
