using System;
using System.Management.Automation;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Base of Get-CallReport and Get-CallStatistic: declares the call filters they share (docs/cmdlets.md), every one
    /// bound from the pipeline by property name, and turns them into the core query (<see cref="FillCallFilter{T}"/>).
    /// -CreatedAfter/-CreatedBefore are abstract: each cmdlet declares them with its own [Parameter] (mandatory for
    /// Get-CallStatistic, optional for Get-CallReport). PowerShell lists inherited parameters after the cmdlet's own, so
    /// -EndedAfter..-Status follow the cmdlet's parameters in its syntax. Get-CallLog keeps its own declarations: its
    /// filters are in the TrackDriveList set and not bound from the pipeline. Derives from <see cref="ListCmdlet"/> (which
    /// declares no parameter) so that Get-CallReport keeps the -OutFile/stream output; Get-CallStatistic does not use it.
    /// </summary>
    public abstract class CallFilterCmdlet : ListCmdlet, ICallFilterParameters
    {
        /// <summary>Calls created at or after this time (created_at_from); each cmdlet declares the parameter.</summary>
        public abstract DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Calls created at or before this time (created_at_to); each cmdlet declares the parameter.</summary>
        public abstract DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Calls ended at or after this time (ended_at_from).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ended_at_from")]
        [DateTimeOffsetTransformation(nameof(EndedAfter))]
        public DateTimeOffset? EndedAfter { get; set; }

        /// <summary>Calls ended at or before this time (ended_at_to).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ended_at_to")]
        [DateTimeOffsetTransformation(nameof(EndedBefore))]
        public DateTimeOffset? EndedBefore { get; set; }

        /// <summary>Present: only calls where offer_repeat_caller is true; -OfferRepeatCaller:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("offer_repeat_caller")]
        [BooleanTransformation(nameof(OfferRepeatCaller))]
        public SwitchParameter OfferRepeatCaller { get; set; }

        /// <summary>Present: only calls where buyer_repeat_caller is true; -BuyerRepeatCaller:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("buyer_repeat_caller")]
        [BooleanTransformation(nameof(BuyerRepeatCaller))]
        public SwitchParameter BuyerRepeatCaller { get; set; }

        /// <summary>Present: only calls where buyer_converted is true; -BuyerConverted:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("buyer_converted")]
        [BooleanTransformation(nameof(BuyerConverted))]
        public SwitchParameter BuyerConverted { get; set; }

        /// <summary>Present: only calls where offer_converted is true; -OfferConverted:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("offer_converted")]
        [BooleanTransformation(nameof(OfferConverted))]
        public SwitchParameter OfferConverted { get; set; }

        /// <summary>Present: only calls where in_progress is true; -InProgress:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("in_progress")]
        [BooleanTransformation(nameof(InProgress))]
        public SwitchParameter InProgress { get; set; }

        /// <summary>Present: only calls where placed_on_hold is true; -PlacedOnHold:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("placed_on_hold")]
        [BooleanTransformation(nameof(PlacedOnHold))]
        public SwitchParameter PlacedOnHold { get; set; }

        /// <summary>Present: only calls where has_recording is true; -HasRecording:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("has_recording")]
        [BooleanTransformation(nameof(HasRecording))]
        public SwitchParameter HasRecording { get; set; }

        /// <summary>Present: only calls where buyer_conversion_duplicated_call is true; -BuyerConversionDuplicatedCall:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("buyer_conversion_duplicated_call")]
        [BooleanTransformation(nameof(BuyerConversionDuplicatedCall))]
        public SwitchParameter BuyerConversionDuplicatedCall { get; set; }

        /// <summary>Present: only calls where offer_conversion_duplicated_call is true; -OfferConversionDuplicatedCall:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("offer_conversion_duplicated_call")]
        [BooleanTransformation(nameof(OfferConversionDuplicatedCall))]
        public SwitchParameter OfferConversionDuplicatedCall { get; set; }

        /// <summary>Present: only calls where no_buyer is true; -NoBuyer:$false: only where it is false; absent: not filtered.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("no_buyer")]
        [BooleanTransformation(nameof(NoBuyer))]
        public SwitchParameter NoBuyer { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("token_key")]
        public string? TokenKey { get; set; }

        /// <summary>A token filter key:value, e.g. buyer_id:12345 (token_value).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("token_value")]
        public string? TokenValue { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("direction", "number_id", "offer_id", "traffic_source_id", "sub_id", "buyer_id", "caller_number", "updated_at", "total_duration", "hold_duration", "ivr_duration", "cost",
            "charge", "answered_duration", "status", "sub_status", "buyer_converted", "revenue", "offer_converted", "payout", "outgoing_webhooks_count", "created_at", "end_time", "lead_id")]
        public string? Order { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("order_dir")]
        [ValidateSet("desc", "asc")]
        public string? OrderDirection { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("number_id")]
        [Int64Transformation(nameof(NumberId))]
        public long? NumberId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("offer_id")]
        [Int64Transformation(nameof(OfferId))]
        public long? OfferId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("traffic_source_id")]
        [Int64Transformation(nameof(TrafficSourceId))]
        public long? TrafficSourceId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("buyer_id")]
        [Int64Transformation(nameof(BuyerId))]
        public long? BuyerId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("buyer_group_ids")]
        [Int64Transformation(nameof(BuyerGroupId))]
        public long? BuyerGroupId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ring_pool_id")]
        [Int64Transformation(nameof(RingPoolId))]
        public long? RingPoolId { get; set; }

        /// <summary>Only the call with this numeric id (TrackDrive filter id).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int64Transformation(nameof(CallId))]
        public long? CallId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("provider_configuration_id")]
        [Int64Transformation(nameof(ProviderConfigurationId))]
        public long? ProviderConfigurationId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("contact_id")]
        [Int64Transformation(nameof(ContactId))]
        public long? ContactId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("forwarded", "finished", "on-hold", "no-answer", "no-buyer", "no-buyer-all-maxed-out", "no-buyer-all-filtered", "no-buyer-prevent-dupes", "not-open", "caller-hung-up", "rejected", "rejected-traffic-source-capped-hang-up",
            "rejected-no-concurrency-cap-available", "rejected-caller-concurrency-exceeded", "rejected-average-hold-time-exceeded", "blocked", "failed", "hold-queue-waited-too-long")]
        public string? Status { get; set; }

        /// <summary>Copies the filters into <paramref name="query"/> (a switch left out is not sent, -X:$false is sent as false).</summary>
        protected T FillCallFilter<T>(T query) where T : TrackDriveCallFilter => CallFilters.Fill(query, this, SwitchFilter);
    }
}
