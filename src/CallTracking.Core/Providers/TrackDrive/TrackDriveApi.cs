using System;
using System.Collections.Generic;
using CallTracking.Core.Http;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>
    /// Every TrackDrive path, parameter name, enum list and field name the module uses, in one place. Sources:
    /// [calls] = ../shared/seeds/trackdrive-calls-api.txt, [numbers] = ../shared/seeds/trackdrive-phone-numbers-api.txt,
    /// [notes] = ../shared/provider-notes.md, [gap] = not documented anywhere: our choice, also written in
    /// docs/wire-trackdrive.md. A user holding the live API corrects a name here and nowhere else.
    /// </summary>
    public static class TrackDriveApi
    {
        // ---- Provider, hosts and auth ------------------------------------------------------------------------------------
        /// <summary>The name users type (Connect-CallTracking -Provider TrackDrive).</summary>
        public const string ProviderName = "TrackDrive";
        /// <summary>[notes] current docs: https://{subdomain}.trackdrive.com/api/v1/ (the seed's examples use .net).</summary>
        public const string BaseUriTemplate = "https://{0}.trackdrive.com/api/v1/";
        /// <summary>[calls][numbers] every path is under /api/v1/; a -BaseUri given without a path gets it.</summary>
        public const string BasePath = "api/v1/";
        /// <summary>Connection setting: the account's subdomain (acme for https://acme.trackdrive.com).</summary>
        public const string SubdomainSetting = "Subdomain";
        /// <summary>[calls][numbers] query parameter carrying the token.</summary>
        public const string AuthTokenParameter = "auth_token";
        /// <summary>A credential whose user name is this uses the auth_token style; any other user name is a public key (Basic). [gap]</summary>
        public const string TokenUserName = "auth_token";
        /// <summary>Also read as the token style. [gap]</summary>
        public const string TokenUserNameShort = "token";

        /// <summary>Names whose values are secrets: the token parameter [calls], a number's own key [numbers].</summary>
        public static readonly IReadOnlyCollection<string> SecretNames = new[] { AuthTokenParameter, NumberFields.ProviderAuthKey };

        // ---- Operations: name, safety, what it does ---------------------------------------------------------------------
        public static class Operations
        {
            public static readonly ApiOperation ListCalls = new ApiOperation("TrackDrive.ListCalls", OperationSafety.Read, "list calls");
            public static readonly ApiOperation ExportCalls = new ApiOperation("TrackDrive.ExportCalls", OperationSafety.Read, "export calls as CSV");
            public static readonly ApiOperation GetCall = new ApiOperation("TrackDrive.GetCall", OperationSafety.Read, "get call");
            /// <summary>[calls] DELETE /calls/:uuid ends a live call: never sent twice.</summary>
            public static readonly ApiOperation HangUpCall = new ApiOperation("TrackDrive.HangUpCall", OperationSafety.Unsafe, "hang up call");
            public static readonly ApiOperation GetCallReport = new ApiOperation("TrackDrive.GetCallReport", OperationSafety.Read, "get the calls report");
            public static readonly ApiOperation ExportCallReport = new ApiOperation("TrackDrive.ExportCallReport", OperationSafety.Read, "export the calls report as CSV");
            public static readonly ApiOperation GetCallStatistics = new ApiOperation("TrackDrive.GetCallStatistics", OperationSafety.Read, "get call statistics");
            public static readonly ApiOperation ListPhoneNumbers = new ApiOperation("TrackDrive.ListPhoneNumbers", OperationSafety.Read, "list phone numbers");
            public static readonly ApiOperation ExportPhoneNumbers = new ApiOperation("TrackDrive.ExportPhoneNumbers", OperationSafety.Read, "export phone numbers as CSV");
            public static readonly ApiOperation GetPhoneNumber = new ApiOperation("TrackDrive.GetPhoneNumber", OperationSafety.Read, "get phone number");
            /// <summary>[numbers] POST /phone_numbers spends money: never sent twice.</summary>
            public static readonly ApiOperation PurchasePhoneNumber = new ApiOperation("TrackDrive.PurchasePhoneNumber", OperationSafety.Unsafe, "buy a phone number");
            /// <summary>[numbers] PUT sets values: the same result when repeated.</summary>
            public static readonly ApiOperation UpdatePhoneNumber = new ApiOperation("TrackDrive.UpdatePhoneNumber", OperationSafety.Idempotent, "update phone number");
            /// <summary>[numbers] DELETE unrents: never sent twice.</summary>
            public static readonly ApiOperation UnrentPhoneNumber = new ApiOperation("TrackDrive.UnrentPhoneNumber", OperationSafety.Unsafe, "release (unrent) phone number");

            public static readonly IReadOnlyList<ApiOperation> All = new[]
            {
                ListCalls, ExportCalls, GetCall, HangUpCall, GetCallReport, ExportCallReport, GetCallStatistics,
                ListPhoneNumbers, ExportPhoneNumbers, GetPhoneNumber, PurchasePhoneNumber, UpdatePhoneNumber, UnrentPhoneNumber,
            };
        }

        // ---- Paths [calls][numbers] ----------------------------------------------------------------------------------
        public const string CallsPath = "calls";
        public const string CallsCsvPath = "calls.csv";
        public const string CallReportsPath = "calls/reports";
        public const string CallReportsCsvPath = "calls/reports.csv";
        public const string CallStatsPath = "calls/stats";
        public const string CallPath = "calls/{0}";              // GET = show, DELETE = hang up; {0} = id or uuid
        public const string PhoneNumbersPath = "phone_numbers";
        public const string PhoneNumbersCsvPath = "phone_numbers.csv";
        public const string PhoneNumberPath = "phone_numbers/{0}"; // {0} = id or +E164

        // ---- Envelopes ------------------------------------------------------------------------------------------------
        public const string CallsRoot = "calls";                // [notes]
        public const string NumbersRoot = "numbers";            // [notes] (code)
        public const string ReportsRoot = "reports";            // [gap]
        public const string StatsRoot = "stats";                // [gap]
        public const string CallRoot = "call";                  // [gap] single call
        public const string SingleNumberRoot = "phone_number";  // [gap] single number
        public const string Metadata = "metadata";              // [calls]
        public const string NextCursor = "next_cursor";         // [calls]
        public const string TotalCount = "total_count";         // [notes] (code)
        public const string TotalPages = "total_pages";         // [gap]
        public const string NextPage = "next_page";             // [gap] stats: a page number to follow, if the reply gives one

        // ---- Paging parameters [calls] ----------------------------------------------------------------------------------
        public const string Cursor = "cursor";
        public const long FirstCursor = -1;
        public const long LastCursor = 0;
        /// <summary>
        /// How next_cursor moves: assumed to grow page by page (the seed only says "move backwards and forwards"; the
        /// sandbox's cursors grow). One that falls back or repeats stops a listing. Set PageTokenOrder.Any if a live
        /// account sends opaque cursors.
        /// </summary>
        public const Paging.PageTokenOrder CursorOrder = Paging.PageTokenOrder.Increasing;
        public const string Page = "page";
        public const string PerPage = "per_page";
        public const int DefaultPerPage = 25;                   // [calls]
        public const int MaxPerPage = 1000;                     // [gap] no limit documented
        public const string Columns = "columns";
        public const string Root = "root";
        public const string Format = "format";

        // ---- Call filters [calls]: parameter name per filter -------------------------------------------------------------
        public const string CreatedAtFrom = "created_at_from";
        public const string CreatedAtTo = "created_at_to";
        public const string EndedAtFrom = "ended_at_from";
        public const string EndedAtTo = "ended_at_to";
        public const string Fulltext = "fulltext";
        public const string TimeZone = "time_zone";
        public const string OfferRepeatCaller = "offer_repeat_caller";
        public const string BuyerRepeatCaller = "buyer_repeat_caller";
        public const string BuyerConverted = "buyer_converted";
        public const string OfferConverted = "offer_converted";
        public const string InProgress = "in_progress";
        public const string PlacedOnHold = "placed_on_hold";
        public const string HasRecording = "has_recording";
        public const string BuyerConversionDuplicatedCall = "buyer_conversion_duplicated_call";
        public const string OfferConversionDuplicatedCall = "offer_conversion_duplicated_call";
        public const string NoBuyer = "no_buyer";
        public const string TokenKey = "token_key";
        public const string TokenValue = "token_value";
        public const string Order = "order";
        public const string OrderDir = "order_dir";
        public const string NumberId = "number_id";
        public const string OfferId = "offer_id";
        public const string TrafficSourceId = "traffic_source_id";
        public const string BuyerId = "buyer_id";
        public const string BuyerGroupIds = "buyer_group_ids";
        public const string RingPoolId = "ring_pool_id";
        public const string Id = "id";
        public const string ProviderConfigurationId = "provider_configuration_id";
        public const string ContactId = "contact_id";
        public const string Status = "status";
        public const string Category = "category";              // reports
        public const string GroupBy = "group_by";               // stats
        public const string Stat = "stat";                      // stats

        // ---- Phone number parameters [numbers] --------------------------------------------------------------------------
        public const string Number = "number";
        public const string LastCallAtFrom = "last_call_at_from";
        public const string LastCallAtTo = "last_call_at_to";
        public const string TollFree = "toll_free";
        public const string Country = "country";
        public const string TokenValues = "token_values";

        // ---- Date format [calls] "2016-01-01 12:25:15 -0500" ------------------------------------------------------------
        public const string DateFormat = "yyyy-MM-dd HH:mm:ss";

        // ---- Enum lists, verbatim from the seeds ---------------------------------------------------------------------------
        /// <summary>[calls] time_zone (the [numbers] seed names the parameter without a list; we use the same). </summary>
        public static readonly IReadOnlyList<string> TimeZones = new[]
        {
            "Etc/UTC", "UTC", "SST", "HST", "AKST", "PST", "MST", "CST", "EST", "COT", "PET", "AST", "VET", "BOT", "CLST", "NST",
            "BRST", "ART", "UYT", "GYT", "WGT", "GST", "AZOT", "CVT", "GMT", "WET", "CET", "EET", "MSK", "IST", "CAT", "SAST",
            "EAT", "IRST", "AZT", "GET", "AMT", "AFT", "YEKT", "PKT", "UZT", "NPT", "BDT", "NOVT", "MMT", "ICT", "WIB", "KRAT",
            "HKT", "XJT", "MYT", "SGT", "AWST", "IRKT", "ULAT", "KST", "JST", "YAKT", "ACST", "ACDT", "AEDT", "AEST", "VLAT",
            "ChST", "PGT", "MAGT", "SBT", "NCT", "FJST", "PETT", "MHT", "NZDT", "TOT", "TKT", "CHADT", "WSDT",
        };

        /// <summary>[calls] columns of a call.</summary>
        public static readonly IReadOnlyList<string> CallColumns = new[]
        {
            "uuid", "recording_url", "number_called", "connected_to", "caller_number", "offer", "traffic_source", "buyer",
            "obfuscated_caller_number", "caller_city", "caller_country", "token_values", "total_duration", "hold_duration",
            "ivr_duration", "answered_duration", "user_offer_id", "user_traffic_source_id", "user_buyer_id", "sub_id",
            "ring_pool_id", "status", "buyer_converted", "buyer_repeat_caller", "buyer_revenue", "traffic_source_converted",
            "traffic_source_repeat_caller", "traffic_source_payout", "trackdrive_cost", "provider_cost", "hangup_reason",
            "call_sid", "provider", "outgoing_webhooks_count", "created_at", "ended_at",
        };

        /// <summary>[calls] order.</summary>
        public static readonly IReadOnlyList<string> CallOrders = new[]
        {
            "direction", "number_id", "offer_id", "traffic_source_id", "sub_id", "buyer_id", "caller_number", "updated_at",
            "total_duration", "hold_duration", "ivr_duration", "cost", "charge", "answered_duration", "status", "sub_status",
            "buyer_converted", "revenue", "offer_converted", "payout", "outgoing_webhooks_count", "created_at", "end_time",
            "lead_id",
        };

        /// <summary>[calls] order_dir.</summary>
        public static readonly IReadOnlyList<string> OrderDirections = new[] { "desc", "asc" };

        /// <summary>[calls] status.</summary>
        public static readonly IReadOnlyList<string> CallStatuses = new[]
        {
            "forwarded", "finished", "on-hold", "no-answer", "no-buyer", "no-buyer-all-maxed-out", "no-buyer-all-filtered",
            "no-buyer-prevent-dupes", "not-open", "caller-hung-up", "rejected", "rejected-traffic-source-capped-hang-up",
            "rejected-no-concurrency-cap-available", "rejected-caller-concurrency-exceeded",
            "rejected-average-hold-time-exceeded", "blocked", "failed", "hold-queue-waited-too-long",
        };

        /// <summary>[calls] GET /calls/reports category.</summary>
        public static readonly IReadOnlyList<string> ReportCategories = new[]
        {
            "buyer_id", "offer_id", "traffic_source_id", "number_id", "status", "direction", "sub_status",
            "provider_configuration_id", "contact_id", "placed_on_hold", "ring_pool_id", "contact_state", "contact_country",
            "buyer_converted", "offer_converted", "in_progress",
        };

        /// <summary>[calls] GET /calls/stats group_by. (Newer docs add created_at_five_minutes/day/week/month: [notes].)</summary>
        public static readonly IReadOnlyList<string> StatGroupBy = new[] { "buyer_converted", "offer_converted", "status" };

        /// <summary>[calls] GET /calls/stats stat.</summary>
        public static readonly IReadOnlyList<string> StatKinds = new[] { "count", "revenue", "profit", "cost" };

        /// <summary>[numbers] columns of a phone number.</summary>
        public static readonly IReadOnlyList<string> NumberColumns = new[]
        {
            "id", "name", "number", "offer_id", "traffic_source_id", "provider_configuration_id", "ring_pool_id",
            "provider_auth_key", "last_call_at", "token_values", "country", "area_code_id", "optimizer_displayed_at",
            "optimizer_tokens_changed_at", "created_at", "plain_number", "extension", "checksum", "human_number",
        };

        /// <summary>[numbers] POST /phone_numbers country.</summary>
        public static readonly IReadOnlyList<string> PurchaseCountries = new[]
        {
            "AR", "AT", "AU", "BE", "BG", "BH", "BR", "CA", "CH", "CL", "CN", "CO", "CY", "CZ", "DE", "DK", "DO", "EE", "ES",
            "FI", "FR", "GB", "GE", "GR", "HK", "HR", "HU", "ID", "IE", "IL", "IT", "JP", "KR", "LT", "LU", "LV", "MT", "MX",
            "MY", "NL", "NO", "NZ", "PA", "PE", "PH", "PK", "PL", "PR", "PT", "RO", "RU", "SE", "SG", "SI", "SK", "SV", "TR",
            "US", "ZA",
        };

        // ---- Field names of a call object [calls] columns (+ id, in_progress [gap]) --------------------------------------
        public static class CallFields
        {
            public const string Id = "id";
            public const string Uuid = "uuid";
            public const string RecordingUrl = "recording_url";
            public const string NumberCalled = "number_called";
            public const string ConnectedTo = "connected_to";
            public const string CallerNumber = "caller_number";
            public const string Offer = "offer";
            public const string TrafficSource = "traffic_source";
            public const string Buyer = "buyer";
            public const string CallerCity = "caller_city";
            public const string CallerCountry = "caller_country";
            public const string TotalDuration = "total_duration";
            public const string HoldDuration = "hold_duration";
            public const string IvrDuration = "ivr_duration";
            public const string AnsweredDuration = "answered_duration";
            public const string Status = "status";
            public const string InProgress = "in_progress";
            public const string BuyerRevenue = "buyer_revenue";
            public const string TrafficSourcePayout = "traffic_source_payout";
            public const string TrackDriveCost = "trackdrive_cost";
            public const string ProviderCost = "provider_cost";
            public const string HangupReason = "hangup_reason";
            public const string CreatedAt = "created_at";
            public const string EndedAt = "ended_at";
            public const string ObfuscatedCallerNumber = "obfuscated_caller_number";
            public const string TokenValues = "token_values";
            public const string UserOfferId = "user_offer_id";
            public const string UserTrafficSourceId = "user_traffic_source_id";
            public const string UserBuyerId = "user_buyer_id";
            public const string SubId = "sub_id";
            public const string RingPoolId = "ring_pool_id";
            public const string BuyerConverted = "buyer_converted";
            public const string BuyerRepeatCaller = "buyer_repeat_caller";
            public const string TrafficSourceConverted = "traffic_source_converted";
            public const string TrafficSourceRepeatCaller = "traffic_source_repeat_caller";
            public const string CallSid = "call_sid";
            public const string Provider = "provider";
            public const string OutgoingWebhooksCount = "outgoing_webhooks_count";
        }

        // ---- Field names of a phone number object [numbers] columns (+ toll_free [gap]) ----------------------------------
        public static class NumberFields
        {
            public const string Id = "id";
            public const string Name = "name";
            public const string Number = "number";
            public const string OfferId = "offer_id";
            public const string TrafficSourceId = "traffic_source_id";
            public const string ProviderConfigurationId = "provider_configuration_id";
            public const string RingPoolId = "ring_pool_id";
            public const string LastCallAt = "last_call_at";
            public const string TokenValues = "token_values";
            public const string Country = "country";
            public const string CreatedAt = "created_at";
            public const string TollFree = "toll_free";
            /// <summary>Provider-side secret of the number; kept out of Raw so it is never displayed or exported.</summary>
            public const string ProviderAuthKey = "provider_auth_key";
        }

        // ---- Report and stat rows [gap] -------------------------------------------------------------------------------
        public static class ReportFields
        {
            public const string Category = "category";
            public const string Value = "value";
            public const string Count = "count";
            public const string TotalDuration = "total_duration";
            public const string Revenue = "revenue";
            public const string Payout = "payout";
            public const string Cost = "cost";
            public const string Profit = "profit";
        }

        public static class StatFields
        {
            public const string Group = "group";
            public const string Value = "value";
        }

        // ---- Error body [gap] ----------------------------------------------------------------------------------------
        public static class ErrorFields
        {
            public const string Error = "error";
            public const string Message = "message";
            public const string Errors = "errors";
        }

        internal static bool IsIn(IReadOnlyList<string> list, string value)
        {
            foreach (var item in list) if (string.Equals(item, value, StringComparison.Ordinal)) return true;
            return false;
        }
    }
}
