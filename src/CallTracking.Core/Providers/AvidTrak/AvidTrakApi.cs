using System.Collections.Generic;
using CallTracking.Core.Http;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// Every AvidTrak name the module uses, in one place. Sources: [seed] = ../shared/seeds/avidtrak-rest-api.txt,
    /// [notes] = ../shared/provider-notes.md, [assumed] = not documented: our choice, easy to correct here.
    /// </summary>
    public static partial class AvidTrakApi
    {
        public const string ProviderName = "AvidTrak";

        /// <summary>[seed] the one REST endpoint; every call is a GET to it with pincode, method and format.</summary>
        public const string BaseUri = "https://avidtrak.com/webservice/api.php";
        public const string Pincode = "pincode";         // [seed]
        public const string Method = "method";           // [seed]
        public const string Format = "format";           // [seed] json or xml
        public const string ClientPin = "client_pin";    // [seed] transfer_number

        /// <summary>Connection setting: the reply format (json or xml, default json).</summary>
        public const string FormatSetting = "Format";
        public static readonly IReadOnlyList<string> Formats = new[] { "json", "xml" }; // [seed]

        /// <summary>[seed] the pincode authenticates; a client's pin moves numbers; passwords change accounts.</summary>
        public static readonly IReadOnlyCollection<string> SecretNames = new[] { Pincode, ClientPin, "password" };

        // ---- Envelope [seed]: {"code":…,"status":"…","data":[…]|null}; <response><code/><status/><data><row/>…</data></response>
        public const string Code = "code";
        public const string Status = "status";
        public const string Data = "data";
        public const string XmlRoot = "response";
        public const string XmlRow = "row";

        /// <summary>[seed] the table says 1 = Success, its JSON example says 200: both succeed ([notes]).</summary>
        public static readonly IReadOnlyList<string> SuccessCodes = new[] { "1", "200" };
        public const string UnknownError = "0";          // [seed] invalid or missing parameters, or data not found
        public const string AuthenticationRequired = "3"; // [seed] no pincode
        public const string AuthenticationFailed = "4";   // [seed] invalid pincode
        public const string InvalidFormat = "6";          // [seed] format other than xml or json
        public const string InvalidMethod = "404";        // [seed] unknown method name
        public const string AuthenticationFailedHttp = "401"; // [seed] the JSON example's authentication failure

        /// <summary>
        /// Every method of the seed, with its safety. All are GETs: safety is the function's, so a purchase, a transfer, a
        /// return to telco, a new account are never re-sent once they may have reached the server.
        /// </summary>
        public static class Operations
        {
            private static ApiOperation Op(string method, OperationSafety safety, string description) => new ApiOperation(ProviderName + "." + method, safety, description);

            public static readonly ApiOperation CreateAccount = Op("create_account", OperationSafety.Unsafe, "create a client account");
            public static readonly ApiOperation UpdateUserDetails = Op("update_user_details", OperationSafety.Idempotent, "update the user details");
            public static readonly ApiOperation SearchNumber = Op("search_number", OperationSafety.Read, "search numbers");
            public static readonly ApiOperation PurchaseNumber = Op("purchase_number", OperationSafety.Unsafe, "buy numbers");
            public static readonly ApiOperation TransferNumber = Op("transfer_number", OperationSafety.Unsafe, "transfer numbers");
            public static readonly ApiOperation AssignNumber = Op("assign_number", OperationSafety.Idempotent, "assign numbers to a channel");
            public static readonly ApiOperation ListNumbers = Op("list_numbers", OperationSafety.Read, "list numbers");
            public static readonly ApiOperation SetForwarding = Op("set_forwarding", OperationSafety.Idempotent, "set call forwarding");
            public static readonly ApiOperation RemoveForwarding = Op("remove_forwarding", OperationSafety.Idempotent, "remove call forwarding");
            public static readonly ApiOperation InsertRoundRobin = Op("insert_round_robin", OperationSafety.Unsafe, "add round-robin targets");
            public static readonly ApiOperation ListRoundRobin = Op("list_round_robin", OperationSafety.Read, "list round-robin targets");
            public static readonly ApiOperation EditRoundRobin = Op("edit_round_robin", OperationSafety.Idempotent, "change a round-robin target");
            public static readonly ApiOperation DeleteRoundRobin = Op("delete_round_robin", OperationSafety.Unsafe, "delete a round-robin target");
            public static readonly ApiOperation UpdateNumberSetting = Op("update_number_setting", OperationSafety.Idempotent, "update number settings");
            public static readonly ApiOperation AddLiteCampaign = Op("add_lite_campaign", OperationSafety.Unsafe, "add a lite campaign");
            public static readonly ApiOperation LiteCampaign = Op("lite_campaign", OperationSafety.Read, "list lite campaigns");
            public static readonly ApiOperation AllLiteCalls = Op("all_lite_calls", OperationSafety.Read, "list lite campaign calls");
            public static readonly ApiOperation CallLogs = Op("call_logs", OperationSafety.Read, "list calls");
            public static readonly ApiOperation ClientList = Op("client_list", OperationSafety.Read, "list clients");
            public static readonly ApiOperation GetRemainingBalance = Op("get_remaining_balance", OperationSafety.Read, "get the remaining balance");
            public static readonly ApiOperation ReturnNumber = Op("return_number", OperationSafety.Unsafe, "return numbers");
            public static readonly ApiOperation VisitData = Op("visit_data", OperationSafety.Read, "get visit data");
            public static readonly ApiOperation SetSmartReplacement = Op("set_smart_replacement", OperationSafety.Unsafe, "change smart replacement numbers");
            /// <summary>[seed] add_metro_site_number with site_number, Title, forward_number.</summary>
            public static readonly ApiOperation AddMetroSiteNumber = Op("add_metro_site_number", OperationSafety.Unsafe, "add a metro site number");
            /// <summary>[seed][notes] the same method name with sid + site_id allocates tracking numbers (a doc slip: told apart by parameters).</summary>
            public static readonly ApiOperation AllocateMetroNumber = new ApiOperation(ProviderName + ".add_metro_site_number(sid)", OperationSafety.Unsafe, "allocate numbers to a metro site number");
            public static readonly ApiOperation ListMetroNumbers = Op("list_metro_numbers", OperationSafety.Read, "list metro numbers");
            public static readonly ApiOperation RemoveMetroSiteNumber = Op("remove_metro_site_number", OperationSafety.Unsafe, "remove a metro site number");

            public static readonly IReadOnlyList<ApiOperation> All = new[]
            {
                CreateAccount, UpdateUserDetails, SearchNumber, PurchaseNumber, TransferNumber, AssignNumber, ListNumbers, SetForwarding,
                RemoveForwarding, InsertRoundRobin, ListRoundRobin, EditRoundRobin, DeleteRoundRobin, UpdateNumberSetting, AddLiteCampaign,
                LiteCampaign, AllLiteCalls, CallLogs, ClientList, GetRemainingBalance, ReturnNumber, VisitData, SetSmartReplacement,
                AddMetroSiteNumber, AllocateMetroNumber, ListMetroNumbers, RemoveMetroSiteNumber,
            };

            /// <summary>The seed's method name of an operation (the part after "AvidTrak.", without a qualifier).</summary>
            public static string MethodOf(ApiOperation operation)
            {
                var name = operation.Name.Substring(ProviderName.Length + 1);
                var paren = name.IndexOf('(');
                return paren < 0 ? name : name.Substring(0, paren);
            }
        }

        // ---- Parameter and reply names per method group. Parameter names are [seed] (each method's table); reply fields
        // are [assumed] (the seed shows no reply rows: docs/wire-avidtrak.md fixes them for client and sandbox alike).

        /// <summary>The name of an array parameter as sent: "sid" → "sid[]" [seed].</summary>
        public static string ArrayKey(string name) => name + "[]";

        /// <summary>[seed] yes/no parameters (use_default_first).</summary>
        public const string Yes = "yes";
        public const string No = "no";

        /// <summary>[seed] startdate/enddate of lite_campaign, visit_data (and call_logs, all_lite_calls).</summary>
        public const string StartDate = "startdate";
        public const string EndDate = "enddate";
        /// <summary>[seed] a whole day, or a time (sent in UTC: the account's zone is taken as UTC, [assumed]).</summary>
        public const string DayFormat = "yyyy-MM-dd";
        public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

        /// <summary>create_account, update_user_details, client_list, get_remaining_balance.</summary>
        public static class Accounts
        {
            public const string UserId = "userid";                 // [seed] create_account; [assumed] client_list and create_account reply
            public const string Password = "password";             // [seed] create_account ("Alphanumeric"), update_user_details
            public const string AccountType = "account_type";      // [seed] create_account; [assumed] in replies
            public const string Email = "email";                   // [seed]
            public const string ContactName = "contact_name";      // [seed] create_account; [assumed] client_list reply
            public const string ContactNumber = "contact_number";  // [seed] create_account
            public const string Domain = "domain";                 // [seed] create_account
            public const string UserName = "username";             // [seed] update_user_details: changes the user id
            public const string FullName = "fullname";             // [seed] update_user_details: the contact name
            /// <summary>[assumed] the new account's (create_account) and each client's (client_list) pincode in the reply.</summary>
            public const string ReplyPincode = "pincode";
            public const string Balance = "balance";               // [assumed] get_remaining_balance's one row
            public const string Currency = "currency";             // [assumed] read when a reply has it
            /// <summary>[assumed] balances are US dollars unless the reply says otherwise.</summary>
            public const string DefaultCurrency = "USD";

            /// <summary>[seed] create_account's account_type: pro (online/offline tracking), lite (offline tracking).</summary>
            public static readonly IReadOnlyList<string> AccountTypes = new[] { "pro", "lite" };
        }

        /// <summary>insert_round_robin, list_round_robin, edit_round_robin, delete_round_robin.</summary>
        public static class RoundRobin
        {
            public const string Sid = "sid";                               // [seed] one SID (the seed also shows sid[])
            public const string ForwardingNumber = "forwarding_number";    // [seed] an array in insert, one value in edit
            public const string Extension = "extension";                   // [seed] extension[] in insert and edit
            public const string Label = "label";                           // [seed] an array in insert, one value in edit
            public const string UseDefaultFirst = "use_default_first";     // [seed] yes/no, default yes
            public const string ListId = "round_robin_list_id";            // [seed] edit, delete; [assumed] in reply rows
        }

        /// <summary>add_lite_campaign, lite_campaign.</summary>
        public static class Campaigns
        {
            public const string Title = "title";                 // [seed]
            public const string Sid = "sid";                     // [seed]
            public const string AdGroup = "adgroup";             // [seed]
            public const string ForwardNumber = "forward_number"; // [seed]
            public const string Extension = "extension";         // [seed]
            public const string CampaignId = "campaign_id";      // [assumed] reply rows
            public const string Number = "number";               // [assumed] reply rows: the tracking number
            public const string Calls = "calls";                 // [assumed] lite_campaign rows
        }

        /// <summary>visit_data.</summary>
        public static class VisitData
        {
            public const string Filter = "filter";               // [seed]
            public const string Keyword = "keyword";             // [assumed] reply rows
            public const string Channel = "channel";             // [assumed] reply rows (the seed's sample rows have one)
            public const string Visits = "visits";               // [assumed]
            public const string Calls = "calls";                 // [assumed]

            /// <summary>[seed] visit_data's filter: Google, Yahoo and Bing, paid (ppc) and organic (seo).</summary>
            public static readonly IReadOnlyList<string> Filters = new[] { "gppc", "gseo", "yppc", "yseo", "bppc", "bseo" };
        }

        /// <summary>set_smart_replacement, add_metro_site_number (both uses), list_metro_numbers, remove_metro_site_number.</summary>
        public static class Sites
        {
            public const string SitePhone = "site_phone";        // [seed] site_phone[]
            public const string Action = "action";               // [seed]
            public const string ActionAdd = "add";               // [seed]
            public const string ActionDelete = "delete";         // [seed]
            /// <summary>[assumed] site phones per set_smart_replacement request (the seed sets no limit; URLs have one).</summary>
            public const int MaxSitePhones = 100;

            public const string SiteNumber = "site_number";      // [seed] add_metro_site_number; [assumed] in reply rows
            /// <summary>[seed] add_metro_site_number spells it with a capital T.</summary>
            public const string Title = "Title";
            /// <summary>[assumed] reply rows spell it in lower case.</summary>
            public const string ReplyTitle = "title";
            public const string ForwardNumber = "forward_number"; // [seed]
            public const string Sid = "sid";                     // [seed] the allocation: sid or sid[] (sent as sid[])
            public const string SiteId = "site_id";              // [seed]
            public const string TrackingNumbers = "tracking_numbers"; // [assumed] list_metro_numbers: comma-separated
            /// <summary>[assumed] SIDs per allocation request.</summary>
            public const int MaxAllocationSids = 100;
        }
    }
}
