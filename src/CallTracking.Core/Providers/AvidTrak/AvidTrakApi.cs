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
    }
}
