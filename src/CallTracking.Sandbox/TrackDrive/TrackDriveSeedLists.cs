using System;
using System.Collections.Generic;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>Every enumerated value the TrackDrive seeds allow, copied verbatim so validation matches the documentation.</summary>
    internal static class TrackDriveSeedLists
    {
        // seeds/trackdrive-calls-api.txt: time_zone (calls, reports); the phone-numbers seed gives none, the contract reuses it.
        public static readonly string[] TimeZones =
        {
            "Etc/UTC", "UTC", "SST", "HST", "AKST", "PST", "MST", "CST", "EST", "COT", "PET", "AST", "VET", "BOT", "CLST", "NST",
            "BRST", "ART", "UYT", "GYT", "WGT", "GST", "AZOT", "CVT", "GMT", "WET", "CET", "EET", "MSK", "IST", "CAT", "SAST",
            "EAT", "IRST", "AZT", "GET", "AMT", "AFT", "YEKT", "PKT", "UZT", "NPT", "BDT", "NOVT", "MMT", "ICT", "WIB", "KRAT",
            "HKT", "XJT", "MYT", "SGT", "AWST", "IRKT", "ULAT", "KST", "JST", "YAKT", "ACST", "ACDT", "AEDT", "AEST", "VLAT",
            "ChST", "PGT", "MAGT", "SBT", "NCT", "FJST", "PETT", "MHT", "NZDT", "TOT", "TKT", "CHADT", "WSDT",
        };

        // seeds/trackdrive-calls-api.txt: columns of GET /calls (order = output order after "id").
        public static readonly string[] CallColumns =
        {
            "uuid", "recording_url", "number_called", "connected_to", "caller_number", "offer", "traffic_source", "buyer",
            "obfuscated_caller_number", "caller_city", "caller_country", "token_values", "total_duration", "hold_duration",
            "ivr_duration", "answered_duration", "user_offer_id", "user_traffic_source_id", "user_buyer_id", "sub_id",
            "ring_pool_id", "status", "buyer_converted", "buyer_repeat_caller", "buyer_revenue", "traffic_source_converted",
            "traffic_source_repeat_caller", "traffic_source_payout", "trackdrive_cost", "provider_cost", "hangup_reason",
            "call_sid", "provider", "outgoing_webhooks_count", "created_at", "ended_at",
        };

        // seeds/trackdrive-calls-api.txt: the true/false filters of /calls, /calls/reports and /calls/stats.
        public static readonly string[] CallBooleanFilters =
        {
            "offer_repeat_caller", "buyer_repeat_caller", "buyer_converted", "offer_converted", "in_progress", "placed_on_hold",
            "has_recording", "buyer_conversion_duplicated_call", "offer_conversion_duplicated_call", "no_buyer",
        };

        // seeds/trackdrive-calls-api.txt: "Must be one of: true, false."
        public static readonly string[] FilterBooleans = { "true", "false" };

        // seeds/trackdrive-calls-api.txt: "Must be a decimal number." filters.
        public static readonly string[] CallDecimalFilters =
        {
            "number_id", "offer_id", "traffic_source_id", "buyer_id", "buyer_group_ids", "ring_pool_id", "id",
            "provider_configuration_id", "contact_id",
        };

        // seeds/trackdrive-calls-api.txt: order.
        public static readonly string[] CallOrders =
        {
            "direction", "number_id", "offer_id", "traffic_source_id", "sub_id", "buyer_id", "caller_number", "updated_at",
            "total_duration", "hold_duration", "ivr_duration", "cost", "charge", "answered_duration", "status", "sub_status",
            "buyer_converted", "revenue", "offer_converted", "payout", "outgoing_webhooks_count", "created_at", "end_time", "lead_id",
        };

        // seeds/trackdrive-calls-api.txt: order_dir.
        public static readonly string[] OrderDirections = { "desc", "asc" };

        // seeds/trackdrive-calls-api.txt: status (indexes are used as CallData.Status).
        public static readonly string[] CallStatuses =
        {
            "forwarded", "finished", "on-hold", "no-answer", "no-buyer", "no-buyer-all-maxed-out", "no-buyer-all-filtered",
            "no-buyer-prevent-dupes", "not-open", "caller-hung-up", "rejected", "rejected-traffic-source-capped-hang-up",
            "rejected-no-concurrency-cap-available", "rejected-caller-concurrency-exceeded", "rejected-average-hold-time-exceeded",
            "blocked", "failed", "hold-queue-waited-too-long",
        };

        // seeds/trackdrive-calls-api.txt: category of GET /calls/reports.
        public static readonly string[] ReportCategories =
        {
            "buyer_id", "offer_id", "traffic_source_id", "number_id", "status", "direction", "sub_status",
            "provider_configuration_id", "contact_id", "placed_on_hold", "ring_pool_id", "contact_state", "contact_country",
            "buyer_converted", "offer_converted", "in_progress",
        };

        // seeds/trackdrive-calls-api.txt: group_by and stat of GET /calls/stats.
        public static readonly string[] StatsGroupBy = { "buyer_converted", "offer_converted", "status" };
        public static readonly string[] StatsStats = { "count", "revenue", "profit", "cost" };

        // seeds/trackdrive-phone-numbers-api.txt: columns of GET /phone_numbers.
        public static readonly string[] NumberColumns =
        {
            "id", "name", "number", "offer_id", "traffic_source_id", "provider_configuration_id", "ring_pool_id",
            "provider_auth_key", "last_call_at", "token_values", "country", "area_code_id", "optimizer_displayed_at",
            "optimizer_tokens_changed_at", "created_at", "plain_number", "extension", "checksum", "human_number",
        };

        // seeds/trackdrive-phone-numbers-api.txt: "Must be a boolean value: 1, true, yes, on, 0, false, no, off" (root, toll_free).
        public static readonly string[] BooleanWordsTrue = { "1", "true", "yes", "on" };
        public static readonly string[] BooleanWordsFalse = { "0", "false", "no", "off" };
        public static readonly string[] BooleanWords = { "1", "true", "yes", "on", "0", "false", "no", "off" };

        // seeds/trackdrive-phone-numbers-api.txt: country of POST /phone_numbers.
        public static readonly string[] PurchaseCountries =
        {
            "AR", "AT", "AU", "BE", "BG", "BH", "BR", "CA", "CH", "CL", "CN", "CO", "CY", "CZ", "DE", "DK", "DO", "EE", "ES", "FI",
            "FR", "GB", "GE", "GR", "HK", "HR", "HU", "ID", "IE", "IL", "IT", "JP", "KR", "LT", "LU", "LV", "MT", "MX", "MY", "NL",
            "NO", "NZ", "PA", "PE", "PH", "PK", "PL", "PR", "PT", "RO", "RU", "SE", "SG", "SI", "SK", "SV", "TR", "US", "ZA",
        };

        // Contract: calls/reports support json and csv; stats and single resources json only.
        public static readonly string[] ListFormats = { "json", "csv" };
        public static readonly string[] JsonOnly = { "json" };

        public static int IndexOf(string[] list, string value) => Array.IndexOf(list, value);

        public static string Join(IEnumerable<string> list) => string.Join(", ", list);
    }
}
