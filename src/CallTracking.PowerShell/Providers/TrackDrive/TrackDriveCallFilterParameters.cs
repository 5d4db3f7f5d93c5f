using System.Management.Automation;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>
    /// TrackDrive's call filters [calls], declared once for Get-CallLog, Get-CallReport and Get-CallStatistic (each binds
    /// them its own way: see <see cref="TrackDriveCmdletSupport"/>). -CreatedAfter/-CreatedBefore are the cmdlets' own
    /// (every provider filters calls by date).
    /// </summary>
    public abstract class TrackDriveCallFilterParameters : ProviderParameters
    {
        /// <summary>Calls ended at or after this time (ended_at_from).</summary>
        [Parameter]
        [Alias("ended_at_from")]
        [DateTimeOffsetTransformation(nameof(EndedAfter))]
        public System.DateTimeOffset? EndedAfter { get; set; }

        /// <summary>Calls ended at or before this time (ended_at_to).</summary>
        [Parameter]
        [Alias("ended_at_to")]
        [DateTimeOffsetTransformation(nameof(EndedBefore))]
        public System.DateTimeOffset? EndedBefore { get; set; }

        /// <summary>Present: only calls where offer_repeat_caller is true; -OfferRepeatCaller:$false: only where it is false; absent: not filtered.</summary>
        [Parameter]
        [Alias("offer_repeat_caller")]
        [BooleanTransformation(nameof(OfferRepeatCaller))]
        public SwitchParameter OfferRepeatCaller { get; set; }

        /// <summary>Present: only calls where buyer_repeat_caller is true; -BuyerRepeatCaller:$false: only where it is false; absent: not filtered.</summary>
        [Parameter]
        [Alias("buyer_repeat_caller")]
        [BooleanTransformation(nameof(BuyerRepeatCaller))]
        public SwitchParameter BuyerRepeatCaller { get; set; }

        /// <summary>Present: only calls where buyer_converted is true; -BuyerConverted:$false: only where it is false; absent: not filtered.</summary>
        [Parameter]
        [Alias("buyer_converted")]
        [BooleanTransformation(nameof(BuyerConverted))]
        public SwitchParameter BuyerConverted { get; set; }

        /// <summary>Present: only calls where offer_converted is true; -OfferConverted:$false: only where it is false; absent: not filtered.</summary>
        [Parameter]
        [Alias("offer_converted")]
        [BooleanTransformation(nameof(OfferConverted))]
        public SwitchParameter OfferConverted { get; set; }

        /// <summary>Present: only calls where in_progress is true; -InProgress:$false: only where it is false; absent: not filtered.</summary>
        [Parameter]
        [Alias("in_progress")]
        [BooleanTransformation(nameof(InProgress))]
        public SwitchParameter InProgress { get; set; }

        /// <summary>Present: only calls where placed_on_hold is true; -PlacedOnHold:$false: only where it is false; absent: not filtered.</summary>
        [Parameter]
        [Alias("placed_on_hold")]
        [BooleanTransformation(nameof(PlacedOnHold))]
        public SwitchParameter PlacedOnHold { get; set; }

        /// <summary>Present: only calls where has_recording is true; -HasRecording:$false: only where it is false; absent: not filtered.</summary>
        [Parameter]
        [Alias("has_recording")]
        [BooleanTransformation(nameof(HasRecording))]
        public SwitchParameter HasRecording { get; set; }

        /// <summary>Present: only calls where buyer_conversion_duplicated_call is true; -BuyerConversionDuplicatedCall:$false: only where it is false; absent: not filtered.</summary>
        [Parameter]
        [Alias("buyer_conversion_duplicated_call")]
        [BooleanTransformation(nameof(BuyerConversionDuplicatedCall))]
        public SwitchParameter BuyerConversionDuplicatedCall { get; set; }

        /// <summary>Present: only calls where offer_conversion_duplicated_call is true; -OfferConversionDuplicatedCall:$false: only where it is false; absent: not filtered.</summary>
        [Parameter]
        [Alias("offer_conversion_duplicated_call")]
        [BooleanTransformation(nameof(OfferConversionDuplicatedCall))]
        public SwitchParameter OfferConversionDuplicatedCall { get; set; }

        /// <summary>Present: only calls where no_buyer is true; -NoBuyer:$false: only where it is false; absent: not filtered.</summary>
        [Parameter]
        [Alias("no_buyer")]
        [BooleanTransformation(nameof(NoBuyer))]
        public SwitchParameter NoBuyer { get; set; }

        /// <summary>Only calls with this token key (token_key).</summary>
        [Parameter]
        [Alias("token_key")]
        public string? TokenKey { get; set; }

        /// <summary>A token filter key:value, e.g. buyer_id:12345 (token_value).</summary>
        [Parameter]
        [Alias("token_value")]
        public string? TokenValue { get; set; }

        /// <summary>Sort by this column (order).</summary>
        [Parameter]
        [SeedList(typeof(TrackDriveApi), nameof(TrackDriveApi.CallOrders))]
        public string? Order { get; set; }

        /// <summary>desc or asc (order_dir).</summary>
        [Parameter]
        [Alias("order_dir")]
        [SeedList(typeof(TrackDriveApi), nameof(TrackDriveApi.OrderDirections))]
        public string? OrderDirection { get; set; }

        /// <summary>Only calls to the number with this TrackDrive id (number_id).</summary>
        [Parameter]
        [Alias("number_id")]
        [Int64Transformation(nameof(NumberId))]
        public long? NumberId { get; set; }

        /// <summary>Only calls of this offer (offer_id).</summary>
        [Parameter]
        [Alias("offer_id")]
        [Int64Transformation(nameof(OfferId))]
        public long? OfferId { get; set; }

        /// <summary>Only calls of this traffic source (traffic_source_id).</summary>
        [Parameter]
        [Alias("traffic_source_id")]
        [Int64Transformation(nameof(TrafficSourceId))]
        public long? TrafficSourceId { get; set; }

        /// <summary>Only calls sold to this buyer (buyer_id).</summary>
        [Parameter]
        [Alias("buyer_id")]
        [Int64Transformation(nameof(BuyerId))]
        public long? BuyerId { get; set; }

        /// <summary>Only calls of this buyer group (buyer_group_ids).</summary>
        [Parameter]
        [Alias("buyer_group_ids")]
        [Int64Transformation(nameof(BuyerGroupId))]
        public long? BuyerGroupId { get; set; }

        /// <summary>Only calls of this ring pool (ring_pool_id).</summary>
        [Parameter]
        [Alias("ring_pool_id")]
        [Int64Transformation(nameof(RingPoolId))]
        public long? RingPoolId { get; set; }

        /// <summary>Only the call with this numeric id (TrackDrive filter id).</summary>
        [Parameter]
        [Int64Transformation(nameof(CallId))]
        public long? CallId { get; set; }

        /// <summary>Only calls of this provider configuration (provider_configuration_id).</summary>
        [Parameter]
        [Alias("provider_configuration_id")]
        [Int64Transformation(nameof(ProviderConfigurationId))]
        public long? ProviderConfigurationId { get; set; }

        /// <summary>Only calls of this contact (contact_id).</summary>
        [Parameter]
        [Alias("contact_id")]
        [Int64Transformation(nameof(ContactId))]
        public long? ContactId { get; set; }

        /// <summary>Only calls with this status (status).</summary>
        [Parameter]
        [SeedList(typeof(TrackDriveApi), nameof(TrackDriveApi.CallStatuses))]
        public string? Status { get; set; }

        /// <summary>Copies the filters into <paramref name="f"/> (a switch left out is not sent, -X:$false is sent as false).</summary>
        protected T Fill<T>(T f) where T : TrackDriveCallFilter
        {
            f.EndedAtFrom = EndedAfter;
            f.EndedAtTo = EndedBefore;
            f.OfferRepeatCaller = SwitchState(nameof(OfferRepeatCaller), OfferRepeatCaller);
            f.BuyerRepeatCaller = SwitchState(nameof(BuyerRepeatCaller), BuyerRepeatCaller);
            f.BuyerConverted = SwitchState(nameof(BuyerConverted), BuyerConverted);
            f.OfferConverted = SwitchState(nameof(OfferConverted), OfferConverted);
            f.InProgress = SwitchState(nameof(InProgress), InProgress);
            f.PlacedOnHold = SwitchState(nameof(PlacedOnHold), PlacedOnHold);
            f.HasRecording = SwitchState(nameof(HasRecording), HasRecording);
            f.BuyerConversionDuplicatedCall = SwitchState(nameof(BuyerConversionDuplicatedCall), BuyerConversionDuplicatedCall);
            f.OfferConversionDuplicatedCall = SwitchState(nameof(OfferConversionDuplicatedCall), OfferConversionDuplicatedCall);
            f.NoBuyer = SwitchState(nameof(NoBuyer), NoBuyer);
            f.TokenKey = TokenKey;
            f.TokenValue = TokenValue;
            f.Order = Base.AllowedValues.Canonical(Order, TrackDriveApi.CallOrders);
            f.OrderDir = Base.AllowedValues.Canonical(OrderDirection, TrackDriveApi.OrderDirections);
            f.NumberId = NumberId;
            f.OfferId = OfferId;
            f.TrafficSourceId = TrafficSourceId;
            f.BuyerId = BuyerId;
            f.BuyerGroupIds = BuyerGroupId;
            f.RingPoolId = RingPoolId;
            f.Id = CallId;
            f.ProviderConfigurationId = ProviderConfigurationId;
            f.ContactId = ContactId;
            f.Status = Base.AllowedValues.Canonical(Status, TrackDriveApi.CallStatuses);
            return f;
        }
    }
}
