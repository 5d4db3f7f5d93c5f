using System;
using System.Collections.Generic;
using CallTracking.Core.Capabilities;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>
    /// Filters shared by GET /calls, /calls/reports and /calls/stats [calls]. Null = not sent. Values are validated against
    /// the seed's lists by <see cref="TrackDriveValidation"/> before any request goes out.
    /// </summary>
    public class TrackDriveCallFilter : ProviderOptions
    {
        public override string Provider => TrackDriveApi.ProviderName;

        /// <summary>A copy, so that a shared query's values can be laid over the caller's options without changing them.</summary>
        internal T Copy<T>() where T : TrackDriveCallFilter => (T)MemberwiseClone();

        public DateTimeOffset? CreatedAtFrom { get; set; }
        public DateTimeOffset? CreatedAtTo { get; set; }
        public DateTimeOffset? EndedAtFrom { get; set; }
        public DateTimeOffset? EndedAtTo { get; set; }
        public bool? OfferRepeatCaller { get; set; }
        public bool? BuyerRepeatCaller { get; set; }
        public bool? BuyerConverted { get; set; }
        public bool? OfferConverted { get; set; }
        public bool? InProgress { get; set; }
        public bool? PlacedOnHold { get; set; }
        public bool? HasRecording { get; set; }
        public bool? BuyerConversionDuplicatedCall { get; set; }
        public bool? OfferConversionDuplicatedCall { get; set; }
        public bool? NoBuyer { get; set; }
        public string? TokenKey { get; set; }
        /// <summary>key:value, e.g. buyer_id:12345.</summary>
        public string? TokenValue { get; set; }
        public string? Order { get; set; }
        public string? OrderDir { get; set; }
        public decimal? NumberId { get; set; }
        public decimal? OfferId { get; set; }
        public decimal? TrafficSourceId { get; set; }
        public decimal? BuyerId { get; set; }
        public decimal? BuyerGroupIds { get; set; }
        public decimal? RingPoolId { get; set; }
        public decimal? Id { get; set; }
        public decimal? ProviderConfigurationId { get; set; }
        public decimal? ContactId { get; set; }
        public string? Status { get; set; }
    }

    /// <summary>GET /calls: filters plus text search, time zone, columns and paging.</summary>
    public sealed class TrackDriveCallQuery : TrackDriveCallFilter
    {
        public string? Fulltext { get; set; }
        public string? TimeZone { get; set; }
        public IReadOnlyList<string>? Columns { get; set; }
        /// <summary>Records per request (1..1000); the cmdlet's -PageSize.</summary>
        public int? PerPage { get; set; }
        /// <summary>Stop after this many records (-First); null = everything.</summary>
        public long? First { get; set; }
    }

    /// <summary>GET /calls/reports: category is required [calls].</summary>
    public sealed class TrackDriveReportQuery : TrackDriveCallFilter
    {
        public string Category { get; set; } = string.Empty;
        public string? Fulltext { get; set; }
        public string? TimeZone { get; set; }
        public IReadOnlyList<string>? Columns { get; set; }
        public int? PerPage { get; set; }
        public long? First { get; set; }
    }

    /// <summary>GET /calls/stats: group_by, stat and the created_at range are required [calls].</summary>
    public sealed class TrackDriveStatsQuery : TrackDriveCallFilter
    {
        public string GroupBy { get; set; } = string.Empty;
        public string Stat { get; set; } = string.Empty;
    }

    /// <summary>GET /phone_numbers filters [numbers].</summary>
    public sealed class TrackDriveNumberQuery : ProviderOptions
    {
        public override string Provider => TrackDriveApi.ProviderName;
        internal TrackDriveNumberQuery Copy() => (TrackDriveNumberQuery)MemberwiseClone();

        public DateTimeOffset? CreatedAtFrom { get; set; }
        public DateTimeOffset? CreatedAtTo { get; set; }
        public DateTimeOffset? LastCallAtFrom { get; set; }
        public DateTimeOffset? LastCallAtTo { get; set; }
        public string? Fulltext { get; set; }
        public string? TimeZone { get; set; }
        public IReadOnlyList<string>? Columns { get; set; }
        /// <summary>The phone number (E.164).</summary>
        public string? Number { get; set; }
        public decimal? OfferId { get; set; }
        public decimal? TrafficSourceId { get; set; }
        public decimal? ProviderConfigurationId { get; set; }
        public decimal? RingPoolId { get; set; }
        public int? PerPage { get; set; }
        public long? First { get; set; }
        /// <summary>Read every page before the first number is handed out (the numbers flow into commands that change them).</summary>
        public bool ReadAllFirst { get; set; }
    }

    /// <summary>POST /phone_numbers [numbers]: buys a number. Spends money: never retried once it may have arrived.</summary>
    public sealed class TrackDrivePurchaseRequest : ProviderOptions
    {
        public override string Provider => TrackDriveApi.ProviderName;

        public long ProviderConfigurationId { get; set; }
        public long OfferId { get; set; }
        public bool TollFree { get; set; }
        public string Country { get; set; } = "US";
        public long? TrafficSourceId { get; set; }
        public long? RingPoolId { get; set; }
        /// <summary>Extra tokens such as "interest:auto", "loan_amount:>=10000"; null = not sent.</summary>
        public IReadOnlyList<string>? TokenValues { get; set; }

        public override string ToString()
            => (TollFree ? "toll-free" : "local") + " number in " + Country + " (provider configuration " + ProviderConfigurationId + ", offer " + OfferId + ")";
    }

    /// <summary>PUT /phone_numbers/:id [numbers]: only what is set is sent.</summary>
    public sealed class TrackDriveNumberUpdate : ProviderOptions
    {
        public override string Provider => TrackDriveApi.ProviderName;
        internal TrackDriveNumberUpdate Copy() => (TrackDriveNumberUpdate)MemberwiseClone();

        /// <summary>The internal id or the full number beginning with '+'.</summary>
        public string Id { get; set; } = string.Empty;
        public long? OfferId { get; set; }
        public long? TrafficSourceId { get; set; }
        public long? RingPoolId { get; set; }
        public IReadOnlyList<string>? TokenValues { get; set; }
        /// <summary>Send token_values: null (the seed allows nil) to clear them.</summary>
        public bool ClearTokenValues { get; set; }

        public bool HasChanges => OfferId.HasValue || TrafficSourceId.HasValue || RingPoolId.HasValue || TokenValues != null || ClearTokenValues;

        public string Describe()
        {
            var parts = new List<string>();
            if (OfferId.HasValue) parts.Add("offer_id=" + OfferId);
            if (TrafficSourceId.HasValue) parts.Add("traffic_source_id=" + TrafficSourceId);
            if (RingPoolId.HasValue) parts.Add("ring_pool_id=" + RingPoolId);
            if (TokenValues != null) parts.Add("token_values=[" + string.Join(", ", TokenValues) + "]");
            if (ClearTokenValues) parts.Add("token_values=(none)");
            return string.Join(", ", parts);
        }
    }
}
