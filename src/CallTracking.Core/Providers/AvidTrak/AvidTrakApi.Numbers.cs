using System.Collections.Generic;

namespace CallTracking.Core.Providers.AvidTrak
{
    // The names of the number, forwarding and call-log methods (search_number, purchase_number, transfer_number,
    // assign_number, update_number_setting, list_numbers, return_number, set_forwarding, remove_forwarding,
    // all_lite_calls, call_logs). Sources as in AvidTrakApi.cs: [seed], [notes], [assumed] (docs/wire-avidtrak.md).
    public static partial class AvidTrakApi
    {
        // ---- Parameters [seed] --------------------------------------------------------------------------------------------
        public const string Sid = "sid";                         // update_number_setting (one number)
        public const string SidArray = "sid[]";                  // transfer_number, assign_number, set/remove_forwarding, return_number
        public const string NumberType = "number_type";          // search_number, purchase_number, list_numbers
        public const string AssignmentType = "assignment_type";  // list_numbers
        public const string AreaCode = "area_code";              // search_number, list_numbers
        public const string Quantity = "quantity";               // search_number
        public const string Country = "country";                 // search_number, purchase_number (ISO; default US)
        public const string NumberArray = "number[]";            // purchase_number
        public const string Type = "type";                       // assign_number (the channel), set/remove_forwarding (the scope)
        public const string ForwardNumber = "forward_number";    // set_forwarding
        public const string Extension = "extension";             // set_forwarding
        public const string Recording = "recording";             // update_number_setting, 0/1
        public const string GreetCaller = "greet_caller";        // update_number_setting
        public const string WhisperMessage = "whisper_message";  // update_number_setting
        public const string EnableEmail = "enable_email";        // update_number_setting, 0/1
        public const string EmailAlerts = "email_alerts";        // update_number_setting, comma separated
        public const string Location = "location";               // return_number
        // startdate/enddate of call_logs and all_lite_calls: AvidTrakApi.StartDate/EndDate (the seed writes "Startdate" for
        // all_lite_calls; [assumed] the lower-case name, as lite_campaign's).

        // ---- Values [seed] ----------------------------------------------------------------------------------------------
        /// <summary>[seed] "Maximum quantity is 30".</summary>
        public const int MaxSearchQuantity = 30;
        /// <summary>[seed] search_number and purchase_number: "Default is US".</summary>
        public const string DefaultCountry = "US";
        public const string TollNumber = "toll";
        public const string LocalNumber = "local";
        /// <summary>[seed] number_type: toll (toll free numbers), local (local numbers).</summary>
        public static readonly IReadOnlyList<string> NumberTypes = new[] { TollNumber, LocalNumber };
        /// <summary>[seed] list_numbers assignment_type.</summary>
        public static readonly IReadOnlyList<string> AssignmentTypes = new[] { "assigned", "unassigned", "all" };
        /// <summary>[seed] assign_number type: the marketing channel (lite = an offline number).</summary>
        public static readonly IReadOnlyList<string> Channels = new[] { "gppc", "gseo", "yppc", "yseo", "bppc", "bseo", "direct", "universal", "lite", "linksource" };
        /// <summary>[seed] set_forwarding / remove_forwarding type: every online number, every offline number, or the sid[] given.</summary>
        public const string ScopePro = "pro";
        public const string ScopeLite = "lite";
        public const string ScopeSid = "sid";
        /// <summary>[seed] return_number location: telco deletes the number for good; agency gives it back to the agency.</summary>
        public const string Telco = "telco";
        public const string Agency = "agency";
        public static readonly IReadOnlyList<string> Locations = new[] { Telco, Agency };
        /// <summary>[seed] recording and enable_email: 0 off, 1 on.</summary>
        public const string On = "1";
        public const string Off = "0";
        /// <summary>
        /// [assumed] The seed sets no limit on sid[] or number[]; every call is a GET, so the array travels in the URL. At
        /// most this many per request keeps the URL near 8 KB (a SID is 34 characters), within what web servers accept.
        /// </summary>
        public const int MaxArrayPerRequest = 200;
        // Dates sent: AvidTrakApi.DayFormat / TimeFormat.

        // ---- Reply rows [assumed] (docs/wire-avidtrak.md) ---------------------------------------------------------------------

        /// <summary>list_numbers and purchase_number rows.</summary>
        public static class NumberFields
        {
            public const string Sid = "sid";
            public const string Number = "number";
            public const string NumberType = "number_type";
            public const string AreaCode = "area_code";
            public const string Country = "country";
            /// <summary>The channel of assign_number; empty when unassigned.</summary>
            public const string Type = "type";
            public const string ForwardNumber = "forward_number";
            public const string Extension = "extension";
            public const string Recording = "recording";
            public const string GreetCaller = "greet_caller";
            public const string WhisperMessage = "whisper_message";
            public const string EnableEmail = "enable_email";
            public const string EmailAlerts = "email_alerts";
            public const string DateAdded = "date_added";
        }

        /// <summary>search_number rows.</summary>
        public static class SearchFields
        {
            public const string Number = "number";
            public const string NumberType = "number_type";
            public const string AreaCode = "area_code";
            public const string Country = "country";
            public const string Region = "region";
            public const string MonthlyFee = "monthly_fee";
        }

        /// <summary>call_logs and all_lite_calls rows.</summary>
        public static class CallFields
        {
            public const string CallId = "call_id";
            public const string Sid = "sid";
            public const string TrackingNumber = "tracking_number";
            public const string CallerNumber = "caller_number";
            public const string ForwardNumber = "forward_number";
            public const string CallDate = "call_date";
            public const string Duration = "duration";
            public const string Status = "status";
            public const string Channel = "channel";
            public const string Campaign = "campaign";
            public const string City = "city";
            public const string State = "state";
            public const string RecordingUrl = "recording_url";
        }
    }
}
