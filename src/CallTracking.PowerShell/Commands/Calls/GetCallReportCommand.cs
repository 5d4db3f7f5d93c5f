using System;
using System.Management.Automation;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Calls
{
    /// <summary>
    /// Calls grouped by a category (TrackDrive /calls/reports), streamed row by row, or written as the provider's CSV with
    /// -OutFile. One parameter set: every filter also binds from the pipeline by property name (a CSV of report requests).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallReport")]
    [OutputType(typeof(CallReportRow))]
    public sealed class GetCallReportCommand : CallFilterCmdlet
    {
        /// <summary>What to group the calls by.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("buyer_id", "offer_id", "traffic_source_id", "number_id", "status", "direction", "sub_status", "provider_configuration_id", "contact_id", "placed_on_hold", "ring_pool_id", "contact_state",
            "contact_country", "buyer_converted", "offer_converted", "in_progress")]
        public string Category { get; set; } = string.Empty;

        /// <summary>Calls created at or after this time (created_at_from).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("created_at_from")]
        [DateTimeOffsetTransformation(nameof(CreatedAfter))]
        public override DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Calls created at or before this time (created_at_to).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("created_at_to")]
        [DateTimeOffsetTransformation(nameof(CreatedBefore))]
        public override DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Full-text search (fulltext).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("fulltext")]
        public string? Search { get; set; }

        /// <summary>The time zone the provider uses for dates (time_zone).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("time_zone")]
        [ValidateSet("Etc/UTC", "UTC", "SST", "HST", "AKST", "PST", "MST", "CST", "EST", "COT", "PET", "AST",
            "VET", "BOT", "CLST", "NST", "BRST", "ART", "UYT", "GYT", "WGT", "GST", "AZOT", "CVT",
            "GMT", "WET", "CET", "EET", "MSK", "IST", "CAT", "SAST", "EAT", "IRST", "AZT", "GET",
            "AMT", "AFT", "YEKT", "PKT", "UZT", "NPT", "BDT", "NOVT", "MMT", "ICT", "WIB", "KRAT",
            "HKT", "XJT", "MYT", "SGT", "AWST", "IRKT", "ULAT", "KST", "JST", "YAKT", "ACST", "ACDT",
            "AEDT", "AEST", "VLAT", "ChST", "PGT", "MAGT", "SBT", "NCT", "FJST", "PETT", "MHT", "NZDT",
            "TOT", "TKT", "CHADT", "WSDT")]
        public string? TimeZone { get; set; }

        /// <summary>Only these columns (columns); several may be given as one string separated by ';'.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("columns")]
        [StringListTransformation(nameof(Column))]
        [ValidateSet("uuid", "recording_url", "number_called", "connected_to", "caller_number", "offer", "traffic_source", "buyer", "obfuscated_caller_number", "caller_city", "caller_country", "token_values",
            "total_duration", "hold_duration", "ivr_duration", "answered_duration", "user_offer_id", "user_traffic_source_id", "user_buyer_id", "sub_id", "ring_pool_id", "status", "buyer_converted", "buyer_repeat_caller",
            "buyer_revenue", "traffic_source_converted", "traffic_source_repeat_caller", "traffic_source_payout", "trackdrive_cost", "provider_cost", "hangup_reason", "call_sid", "provider", "outgoing_webhooks_count", "created_at", "ended_at")]
        public string[]? Column { get; set; }


        /// <summary>Stop after this many rows (default: all of them).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int64Transformation(nameof(First))]
        public long? First { get; set; }

        /// <summary>Records per request (1..1000, default 100).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("per_page")]
        [Int32Transformation(nameof(PageSize))]
        public int? PageSize { get; set; }

        /// <summary>Writes the provider's CSV to this file instead of emitting objects.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? OutFile { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var query = FillCallFilter(new TrackDriveReportQuery());
            query.Category = AllowedValues.Canonical(Category, TrackDriveApi.ReportCategories) ?? string.Empty;
            query.Fulltext = Search;
            query.TimeZone = AllowedValues.Canonical(TimeZone, TrackDriveApi.TimeZones);
            query.Columns = AllowedValues.Canonical(Column, TrackDriveApi.CallColumns);
            query.First = First;
            query.PerPage = PageSize;
            WriteCsvOrRecords(connection, OutFile, "Get-CallReport", "report rows", Category,
                (client, file, progress, ct) => client.ExportCallReportCsvAsync(query, file, progress, ct),
                (client, progress, ct) => client.GetCallReportAsync(query, progress, ct));
        }
    }
}
