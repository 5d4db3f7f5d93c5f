using System;
using System.Globalization;
using System.Text;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>The filters of GET /calls, /calls/reports and /calls/stats, validated per the seed.</summary>
    internal sealed class CallQuery
    {
        private DateTimeOffset? _createdFrom, _createdTo, _endedFrom, _endedTo;
        private string? _fulltext, _tokenKey, _tokenValueKey, _tokenValueValue;
        private bool? _offerRepeat, _buyerRepeat, _buyerConverted, _offerConverted, _inProgress, _placedOnHold, _hasRecording,
            _buyerDupe, _offerDupe, _noBuyer;
        private long? _numberId, _offerId, _trafficSourceId, _buyerId, _buyerGroupId, _ringPoolId, _id, _providerConfigurationId, _contactId;
        private int _status = -1;

        public DateTimeOffset? CreatedFrom => _createdFrom;
        public DateTimeOffset? CreatedTo => _createdTo;

        /// <summary>order (default created_at) and direction (default desc: newest first).</summary>
        public string Order { get; private set; } = "created_at";
        public bool Ascending { get; private set; }

        /// <summary>True when some filter needs a per-call test (anything but the created_at range).</summary>
        public bool NeedsScan { get; private set; }

        /// <summary>Filters in a stable textual form, the key of the count and order caches.</summary>
        public string Key { get; private set; } = "";

        public static CallQuery Parse(SandboxHttpRequest request, bool datesRequired = false)
        {
            var q = new CallQuery();
            q._createdFrom = TrackDriveParameters.Date(request, "created_at_from", datesRequired);
            q._createdTo = TrackDriveParameters.Date(request, "created_at_to", datesRequired);
            q._endedFrom = TrackDriveParameters.Date(request, "ended_at_from");
            q._endedTo = TrackDriveParameters.Date(request, "ended_at_to");
            // Dates carry their own offset, so time_zone only has to be valid (it applies to offset-less dates, which the contract rejects).
            TrackDriveParameters.Enum(request, "time_zone", TrackDriveSeedLists.TimeZones);
            q._fulltext = Empty(request.Get("fulltext"));
            q._tokenKey = Empty(request.Get("token_key"));
            var tokenValue = Empty(request.Get("token_value"));
            if (tokenValue != null)
            {
                var colon = tokenValue.IndexOf(':');
                if (colon <= 0)
                    throw TrackDriveParameterException.Invalid("token_value", tokenValue, "Must be formatted like key:value, e.g. buyer_id:12345.");
                q._tokenValueKey = tokenValue.Substring(0, colon);
                q._tokenValueValue = tokenValue.Substring(colon + 1);
            }
            q._offerRepeat = TrackDriveParameters.FilterBoolean(request, "offer_repeat_caller");
            q._buyerRepeat = TrackDriveParameters.FilterBoolean(request, "buyer_repeat_caller");
            q._buyerConverted = TrackDriveParameters.FilterBoolean(request, "buyer_converted");
            q._offerConverted = TrackDriveParameters.FilterBoolean(request, "offer_converted");
            q._inProgress = TrackDriveParameters.FilterBoolean(request, "in_progress");
            q._placedOnHold = TrackDriveParameters.FilterBoolean(request, "placed_on_hold");
            q._hasRecording = TrackDriveParameters.FilterBoolean(request, "has_recording");
            q._buyerDupe = TrackDriveParameters.FilterBoolean(request, "buyer_conversion_duplicated_call");
            q._offerDupe = TrackDriveParameters.FilterBoolean(request, "offer_conversion_duplicated_call");
            q._noBuyer = TrackDriveParameters.FilterBoolean(request, "no_buyer");
            q._numberId = TrackDriveParameters.Decimal(request, "number_id");
            q._offerId = TrackDriveParameters.Decimal(request, "offer_id");
            q._trafficSourceId = TrackDriveParameters.Decimal(request, "traffic_source_id");
            q._buyerId = TrackDriveParameters.Decimal(request, "buyer_id");
            q._buyerGroupId = TrackDriveParameters.Decimal(request, "buyer_group_ids");
            q._ringPoolId = TrackDriveParameters.Decimal(request, "ring_pool_id");
            q._id = TrackDriveParameters.Decimal(request, "id");
            q._providerConfigurationId = TrackDriveParameters.Decimal(request, "provider_configuration_id");
            q._contactId = TrackDriveParameters.Decimal(request, "contact_id");
            var status = TrackDriveParameters.Enum(request, "status", TrackDriveSeedLists.CallStatuses);
            if (status != null) q._status = Array.IndexOf(TrackDriveSeedLists.CallStatuses, status);
            q.Order = TrackDriveParameters.Enum(request, "order", TrackDriveSeedLists.CallOrders) ?? "created_at";
            q.Ascending = TrackDriveParameters.Enum(request, "order_dir", TrackDriveSeedLists.OrderDirections) == "asc";

            var key = new StringBuilder();
            foreach (var pair in request.Query)
            {
                if (IsFilter(pair.Key)) key.Append(pair.Key).Append('=').Append(pair.Value).Append('&');
            }
            q.Key = key.ToString();
            q.NeedsScan = q._endedFrom != null || q._endedTo != null || q._fulltext != null || q._tokenKey != null || q._tokenValueKey != null
                          || q._offerRepeat != null || q._buyerRepeat != null || q._buyerConverted != null || q._offerConverted != null
                          || q._inProgress != null || q._placedOnHold != null || q._hasRecording != null || q._buyerDupe != null
                          || q._offerDupe != null || q._noBuyer != null || q._numberId != null || q._offerId != null
                          || q._trafficSourceId != null || q._buyerId != null || q._buyerGroupId != null || q._ringPoolId != null
                          || q._id != null || q._providerConfigurationId != null || q._contactId != null || q._status >= 0;
            return q;
        }

        private static bool IsFilter(string name) =>
            name != "auth_token" && name != "cursor" && name != "page" && name != "per_page" && name != "columns" && name != "root"
            && name != "format" && name != "order" && name != "order_dir" && name != "category" && name != "group_by" && name != "stat";

        private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        /// <summary>Inclusive index range to scan: created_at bounds arithmetically, narrowed by filters that pin indexes.</summary>
        public (long Lo, long Hi) Range(CallGenerator calls)
        {
            var (lo, hi) = calls.CreatedRange(_createdFrom, _createdTo);
            if (_id is { } id)
            {
                var index = calls.IndexOfId(id);
                if (index < 0) return (0, -1);
                lo = Math.Max(lo, index);
                hi = Math.Min(hi, index);
            }
            // Only the newest InProgressCount calls can be in progress.
            if (_inProgress == true) hi = Math.Min(hi, calls.InProgressCount - 1);
            return (lo, hi);
        }

        public bool Matches(in CallData c)
        {
            if (_status >= 0 && c.Status != _status) return false;
            if (_inProgress is { } ip && c.InProgress != ip) return false;
            if (_numberId is { } n && c.NumberId != n) return false;
            if (_offerId is { } o && TrackDriveCatalog.Offers[c.Offer].Id != o) return false;
            if (_trafficSourceId is { } t && TrackDriveCatalog.TrafficSources[c.TrafficSource].Id != t) return false;
            if (_buyerId is { } b && (c.Buyer < 0 || TrackDriveCatalog.Buyers[c.Buyer].Id != b)) return false;
            if (_buyerGroupId is { } g && (c.Buyer < 0 || TrackDriveCatalog.Buyers[c.Buyer].GroupId != g)) return false;
            if (_ringPoolId is { } r && c.RingPoolId != r) return false;
            if (_id is { } id && c.Id != id) return false;
            if (_providerConfigurationId is { } pc && c.ProviderConfigurationId != pc) return false;
            if (_contactId is { } ct && c.ContactId != ct) return false;
            if (_offerRepeat is { } orc && c.TsRepeat != orc) return false;
            if (_buyerRepeat is { } brc && c.BuyerRepeat != brc) return false;
            if (_buyerConverted is { } bc && c.BuyerConverted != bc) return false;
            if (_offerConverted is { } oc && c.TsConverted != oc) return false;
            if (_placedOnHold is { } ph && (c.HoldDuration > 0) != ph) return false;
            if (_hasRecording is { } hr && c.HasRecording != hr) return false;
            if (_buyerDupe is { } bd && c.BuyerDupe != bd) return false;
            if (_offerDupe is { } od && c.OfferDupe != od) return false;
            if (_noBuyer is { } nb && (c.Buyer < 0) != nb) return false;
            if (_endedFrom is { } ef && (c.EndedTicks < 0 || c.EndedTicks < ef.UtcTicks)) return false;
            if (_endedTo is { } et && (c.EndedTicks < 0 || c.EndedTicks > et.UtcTicks)) return false;
            if (_tokenKey != null && TokenValue(c, _tokenKey) is null) return false;
            if (_tokenValueKey != null && !string.Equals(TokenValue(c, _tokenValueKey), _tokenValueValue, StringComparison.Ordinal)) return false;
            if (_fulltext != null && !MatchesText(c, _fulltext)) return false;
            return true;
        }

        /// <summary>The call's extra tokens: interest, zip and (when set) sub_id.</summary>
        public static string? TokenValue(in CallData c, string key) =>
            key switch
            {
                "interest" => TrackDriveCatalog.Interests[c.Interest],
                "zip" => TrackDriveCatalog.Cities[c.City].Postal,
                "sub_id" => c.SubId < 0 ? null : TrackDriveCatalog.SubIds[c.SubId],
                _ => null,
            };

        private static bool MatchesText(in CallData c, string text)
        {
            bool Has(string? s) => s != null && s.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0;
            return Has(CallGenerator.UuidString(c.UuidHi, c.UuidLo))
                   || Has("+" + c.CallerNumber.ToString(CultureInfo.InvariantCulture))
                   || Has(Encoding.ASCII.GetString(c.NumberE164))
                   || Has(TrackDriveCatalog.Offers[c.Offer].Name)
                   || Has(TrackDriveCatalog.TrafficSources[c.TrafficSource].Name)
                   || (c.Buyer >= 0 && Has(TrackDriveCatalog.Buyers[c.Buyer].Name))
                   || Has(TrackDriveCatalog.Cities[c.City].Name)
                   || Has(TrackDriveSeedLists.CallStatuses[c.Status])
                   || (c.SubId >= 0 && Has(TrackDriveCatalog.SubIds[c.SubId]));
        }
    }
}
