using System;
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
    public sealed class GetTrackingNumberCommand : TrackDriveListCmdlet
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
            WriteCsvOrRecords(connection, OutFile, "Get-TrackingNumber", "numbers", query,
                (client, file, progress, ct) => client.ExportPhoneNumbersCsvAsync(query, file, progress, ct),
                (client, progress, ct) => client.ListPhoneNumbersAsync(query, progress, ct));
        }
    }
}
