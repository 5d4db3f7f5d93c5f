using System;
using System.Management.Automation;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Calls
{
    /// <summary>
    /// Streams the call log (every call unless -First; each record is written as it arrives, Write-Progress when the
    /// provider reports a total), writes it as the provider's CSV with -OutFile, or gets one call by id or uuid. The list
    /// filters are not bound from the pipeline, so that a piped CallRecord (whose Status, InProgress… would otherwise
    /// become filters) selects the by-id set.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallLog", DefaultParameterSetName = ParameterSets.TrackDriveList)]
    [OutputType(typeof(CallRecord))]
    public sealed class GetCallLogCommand : TrackDriveListCmdlet, ICallFilterParameters
    {
        /// <summary>The call's numeric id or uuid.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDriveById)]
        [Alias("uuid")]
        public string Id { get; set; } = string.Empty;

        /// <summary>Calls created at or after this time (created_at_from).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("created_at_from")]
        [DateTimeOffsetTransformation(nameof(CreatedAfter))]
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Calls created at or before this time (created_at_to).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("created_at_to")]
        [DateTimeOffsetTransformation(nameof(CreatedBefore))]
        public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Calls ended at or after this time (ended_at_from).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("ended_at_from")]
        [DateTimeOffsetTransformation(nameof(EndedAfter))]
        public DateTimeOffset? EndedAfter { get; set; }

        /// <summary>Calls ended at or before this time (ended_at_to).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("ended_at_to")]
        [DateTimeOffsetTransformation(nameof(EndedBefore))]
        public DateTimeOffset? EndedBefore { get; set; }

        /// <summary>Present: only calls where offer_repeat_caller is true; -OfferRepeatCaller:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("offer_repeat_caller")]
        [BooleanTransformation(nameof(OfferRepeatCaller))]
        public SwitchParameter OfferRepeatCaller { get; set; }

        /// <summary>Present: only calls where buyer_repeat_caller is true; -BuyerRepeatCaller:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("buyer_repeat_caller")]
        [BooleanTransformation(nameof(BuyerRepeatCaller))]
        public SwitchParameter BuyerRepeatCaller { get; set; }

        /// <summary>Present: only calls where buyer_converted is true; -BuyerConverted:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("buyer_converted")]
        [BooleanTransformation(nameof(BuyerConverted))]
        public SwitchParameter BuyerConverted { get; set; }

        /// <summary>Present: only calls where offer_converted is true; -OfferConverted:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("offer_converted")]
        [BooleanTransformation(nameof(OfferConverted))]
        public SwitchParameter OfferConverted { get; set; }

        /// <summary>Present: only calls where in_progress is true; -InProgress:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("in_progress")]
        [BooleanTransformation(nameof(InProgress))]
        public SwitchParameter InProgress { get; set; }

        /// <summary>Present: only calls where placed_on_hold is true; -PlacedOnHold:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("placed_on_hold")]
        [BooleanTransformation(nameof(PlacedOnHold))]
        public SwitchParameter PlacedOnHold { get; set; }

        /// <summary>Present: only calls where has_recording is true; -HasRecording:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("has_recording")]
        [BooleanTransformation(nameof(HasRecording))]
        public SwitchParameter HasRecording { get; set; }

        /// <summary>Present: only calls where buyer_conversion_duplicated_call is true; -BuyerConversionDuplicatedCall:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("buyer_conversion_duplicated_call")]
        [BooleanTransformation(nameof(BuyerConversionDuplicatedCall))]
        public SwitchParameter BuyerConversionDuplicatedCall { get; set; }

        /// <summary>Present: only calls where offer_conversion_duplicated_call is true; -OfferConversionDuplicatedCall:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("offer_conversion_duplicated_call")]
        [BooleanTransformation(nameof(OfferConversionDuplicatedCall))]
        public SwitchParameter OfferConversionDuplicatedCall { get; set; }

        /// <summary>Present: only calls where no_buyer is true; -NoBuyer:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("no_buyer")]
        [BooleanTransformation(nameof(NoBuyer))]
        public SwitchParameter NoBuyer { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("token_key")]
        public string? TokenKey { get; set; }

        /// <summary>A token filter key:value, e.g. buyer_id:12345 (token_value).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("token_value")]
        public string? TokenValue { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [ValidateSet("direction", "number_id", "offer_id", "traffic_source_id", "sub_id", "buyer_id", "caller_number", "updated_at", "total_duration", "hold_duration", "ivr_duration", "cost",
            "charge", "answered_duration", "status", "sub_status", "buyer_converted", "revenue", "offer_converted", "payout", "outgoing_webhooks_count", "created_at", "end_time", "lead_id")]
        public string? Order { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("order_dir")]
        [ValidateSet("desc", "asc")]
        public string? OrderDirection { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("number_id")]
        [Int64Transformation(nameof(NumberId))]
        public long? NumberId { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("offer_id")]
        [Int64Transformation(nameof(OfferId))]
        public long? OfferId { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("traffic_source_id")]
        [Int64Transformation(nameof(TrafficSourceId))]
        public long? TrafficSourceId { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("buyer_id")]
        [Int64Transformation(nameof(BuyerId))]
        public long? BuyerId { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("buyer_group_ids")]
        [Int64Transformation(nameof(BuyerGroupId))]
        public long? BuyerGroupId { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("ring_pool_id")]
        [Int64Transformation(nameof(RingPoolId))]
        public long? RingPoolId { get; set; }

        /// <summary>Only the call with this numeric id (TrackDrive filter id).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Int64Transformation(nameof(CallId))]
        public long? CallId { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("provider_configuration_id")]
        [Int64Transformation(nameof(ProviderConfigurationId))]
        public long? ProviderConfigurationId { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("contact_id")]
        [Int64Transformation(nameof(ContactId))]
        public long? ContactId { get; set; }

        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [ValidateSet("forwarded", "finished", "on-hold", "no-answer", "no-buyer", "no-buyer-all-maxed-out", "no-buyer-all-filtered", "no-buyer-prevent-dupes", "not-open", "caller-hung-up", "rejected", "rejected-traffic-source-capped-hang-up",
            "rejected-no-concurrency-cap-available", "rejected-caller-concurrency-exceeded", "rejected-average-hold-time-exceeded", "blocked", "failed", "hold-queue-waited-too-long")]
        public string? Status { get; set; }

        /// <summary>Full-text search (fulltext).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("fulltext")]
        public string? Search { get; set; }

        /// <summary>The time zone the provider uses for dates (time_zone).</summary>
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
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
        [Parameter(ParameterSetName = ParameterSets.TrackDriveList)]
        [Alias("columns")]
        [StringListTransformation(nameof(Column))]
        [ValidateSet("uuid", "recording_url", "number_called", "connected_to", "caller_number", "offer", "traffic_source", "buyer", "obfuscated_caller_number", "caller_city", "caller_country", "token_values",
            "total_duration", "hold_duration", "ivr_duration", "answered_duration", "user_offer_id", "user_traffic_source_id", "user_buyer_id", "sub_id", "ring_pool_id", "status", "buyer_converted", "buyer_repeat_caller",
            "buyer_revenue", "traffic_source_converted", "traffic_source_repeat_caller", "traffic_source_payout", "trackdrive_cost", "provider_cost", "hangup_reason", "call_sid", "provider", "outgoing_webhooks_count", "created_at", "ended_at")]
        public string[]? Column { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            if (ParameterSetName == ParameterSets.TrackDriveById)
            {
                TryProcess(() =>
                {
                    connection.EnsureProvider(ProviderName.TrackDrive, "Get-CallLog -Id");
                    WriteObject(RunAsync(ct => connection.TrackDrive.GetCallAsync(Id, ct)));
                }, Id);
                return;
            }

            var query = CallFilters.Fill(new TrackDriveCallQuery(), this, SwitchFilter);
            query.Fulltext = Search;
            query.TimeZone = AllowedValues.Canonical(TimeZone, TrackDriveApi.TimeZones);
            query.Columns = AllowedValues.Canonical(Column, TrackDriveApi.CallColumns);
            query.First = First;
            query.PerPage = PageSize;
            WriteCsvOrRecords(connection, OutFile, "Get-CallLog", "calls", null,
                (client, file, progress, ct) => client.ExportCallsCsvAsync(query, file, progress, ct),
                (client, progress, ct) => client.ListCallsAsync(query, progress, ct));
        }
    }
}
