using System;
using System.Collections.Generic;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>
    /// Checks a request against the seed's lists before anything is sent. Parameter names in messages are the cmdlets'
    /// (-Status, -Country), since that is what the user typed.
    /// </summary>
    public static class TrackDriveValidation
    {
        public static void Filter(TrackDriveCallFilter f)
        {
            OneOf("Status", f.Status, TrackDriveApi.CallStatuses);
            OneOf("Order", f.Order, TrackDriveApi.CallOrders);
            OneOf("OrderDirection", f.OrderDir, TrackDriveApi.OrderDirections);
            Range("CreatedAfter", "CreatedBefore", f.CreatedAtFrom, f.CreatedAtTo);
            Range("EndedAfter", "EndedBefore", f.EndedAtFrom, f.EndedAtTo);
            if (f.TokenValue != null && f.TokenValue.IndexOf(':') <= 0)
                throw new CallTrackingArgumentException("TokenValue", f.TokenValue, "key:value, e.g. buyer_id:12345");
            NonNegative("NumberId", f.NumberId); NonNegative("OfferId", f.OfferId); NonNegative("TrafficSourceId", f.TrafficSourceId);
            NonNegative("BuyerId", f.BuyerId); NonNegative("BuyerGroupId", f.BuyerGroupIds); NonNegative("RingPoolId", f.RingPoolId);
            NonNegative("CallId", f.Id); NonNegative("ProviderConfigurationId", f.ProviderConfigurationId); NonNegative("ContactId", f.ContactId);
        }

        public static void Calls(TrackDriveCallQuery q)
        {
            Filter(q);
            OneOf("TimeZone", q.TimeZone, TrackDriveApi.TimeZones);
            AllOf("Column", q.Columns, TrackDriveApi.CallColumns);
            PerPage(q.PerPage);
            First(q.First);
        }

        public static void Report(TrackDriveReportQuery q)
        {
            if (string.IsNullOrEmpty(q.Category)) throw CallTrackingArgumentException.NotInSet("Category", q.Category, TrackDriveApi.ReportCategories);
            OneOf("Category", q.Category, TrackDriveApi.ReportCategories);
            Filter(q);
            OneOf("TimeZone", q.TimeZone, TrackDriveApi.TimeZones);
            AllOf("Column", q.Columns, TrackDriveApi.CallColumns);
            PerPage(q.PerPage);
            First(q.First);
        }

        public static void Stats(TrackDriveStatsQuery q)
        {
            if (string.IsNullOrEmpty(q.GroupBy)) throw CallTrackingArgumentException.NotInSet("GroupBy", q.GroupBy, TrackDriveApi.StatGroupBy);
            OneOf("GroupBy", q.GroupBy, TrackDriveApi.StatGroupBy);
            if (string.IsNullOrEmpty(q.Stat)) throw CallTrackingArgumentException.NotInSet("Stat", q.Stat, TrackDriveApi.StatKinds);
            OneOf("Stat", q.Stat, TrackDriveApi.StatKinds);
            if (!q.CreatedAtFrom.HasValue) throw new CallTrackingArgumentException("CreatedAfter", null, "a date: the seed requires created_at_from for statistics");
            if (!q.CreatedAtTo.HasValue) throw new CallTrackingArgumentException("CreatedBefore", null, "a date: the seed requires created_at_to for statistics");
            Filter(q);
        }

        public static void Numbers(TrackDriveNumberQuery q)
        {
            OneOf("TimeZone", q.TimeZone, TrackDriveApi.TimeZones);
            AllOf("Column", q.Columns, TrackDriveApi.NumberColumns);
            Range("CreatedAfter", "CreatedBefore", q.CreatedAtFrom, q.CreatedAtTo);
            Range("LastCallAfter", "LastCallBefore", q.LastCallAtFrom, q.LastCallAtTo);
            NonNegative("OfferId", q.OfferId); NonNegative("TrafficSourceId", q.TrafficSourceId);
            NonNegative("ProviderConfigurationId", q.ProviderConfigurationId); NonNegative("RingPoolId", q.RingPoolId);
            PerPage(q.PerPage);
            First(q.First);
        }

        public static void Purchase(TrackDrivePurchaseRequest r)
        {
            Positive("ProviderConfigurationId", r.ProviderConfigurationId);
            Positive("OfferId", r.OfferId);
            if (string.IsNullOrEmpty(r.Country)) throw CallTrackingArgumentException.NotInSet("Country", r.Country, TrackDriveApi.PurchaseCountries);
            OneOf("Country", r.Country, TrackDriveApi.PurchaseCountries);
            if (r.TrafficSourceId.HasValue) Positive("TrafficSourceId", r.TrafficSourceId.Value);
            if (r.RingPoolId.HasValue) Positive("RingPoolId", r.RingPoolId.Value);
            TokenValues(r.TokenValues);
        }

        public static void Update(TrackDriveNumberUpdate u)
        {
            if (string.IsNullOrWhiteSpace(u.Id)) throw new CallTrackingArgumentException("Id", u.Id, "a TrackDrive number id or a number beginning with '+'");
            if (u.OfferId.HasValue) Positive("OfferId", u.OfferId.Value);
            if (u.TrafficSourceId.HasValue) Positive("TrafficSourceId", u.TrafficSourceId.Value);
            if (u.RingPoolId.HasValue) Positive("RingPoolId", u.RingPoolId.Value);
            TokenValues(u.TokenValues);
            if (!u.HasChanges) throw CallTrackingArgumentException.NothingGiven(new[] { "OfferId", "TrafficSourceId", "RingPoolId", "TokenValue", "ClearTokenValue" }, "nothing to change");
        }

        /// <summary>[numbers] "a valid list of filters": key:value, the value optionally led by an operator.</summary>
        public static void TokenValues(IReadOnlyList<string>? values)
        {
            if (values is null) return;
            foreach (var v in values)
            {
                var colon = v?.IndexOf(':') ?? -1;
                if (v is null || colon <= 0 || colon == v.Length - 1 || v.Trim().Length != v.Length)
                    throw new CallTrackingArgumentException("TokenValue", v, "filters like interest:auto, loan_amount:>=10000 or caller_id:!=anonymous (key:value)");
            }
        }

        private static void OneOf(string parameter, string? value, IReadOnlyList<string> allowed)
        {
            if (value != null && !TrackDriveApi.IsIn(allowed, value)) throw CallTrackingArgumentException.NotInSet(parameter, value, allowed);
        }

        private static void AllOf(string parameter, IReadOnlyList<string>? values, IReadOnlyList<string> allowed)
        {
            if (values is null) return;
            foreach (var v in values) OneOf(parameter, v, allowed);
        }

        private static void Range(string fromName, string toName, DateTimeOffset? from, DateTimeOffset? to)
        {
            if (from.HasValue && to.HasValue && from.Value > to.Value)
                throw new CallTrackingArgumentException(toName, to.Value.ToString("o"), "a date after -" + fromName + " (" + from.Value.ToString("o") + ")");
        }

        private static void PerPage(int? perPage)
        {
            if (perPage.HasValue && (perPage.Value < 1 || perPage.Value > TrackDriveApi.MaxPerPage))
                throw new CallTrackingArgumentException("PageSize", perPage.Value, "a whole number from 1 to " + TrackDriveApi.MaxPerPage);
        }

        private static void First(long? first)
        {
            if (first.HasValue && first.Value < 0) throw new CallTrackingArgumentException("First", first.Value, "0 or more");
        }

        private static void NonNegative(string parameter, decimal? value)
        {
            if (value.HasValue && value.Value < 0) throw new CallTrackingArgumentException(parameter, value.Value, "a number of 0 or more");
        }

        private static void Positive(string parameter, long value)
        {
            if (value <= 0) throw new CallTrackingArgumentException(parameter, value, "a positive whole number");
        }
    }
}
