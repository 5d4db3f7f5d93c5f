using System;
using System.Collections.Generic;

namespace CallTracking.Sandbox.AvidTrak
{
    /// <summary>The seed's 26 method names and the module's operation names ("AvidTrak." + method), so a fault rule reads
    /// the same on both sides. add_metro_site_number has two uses, told apart by their parameters: with sid + site_id it
    /// is <see cref="AllocateMetroNumber"/>.</summary>
    public static class AvidTrakOperations
    {
        public const string Prefix = "AvidTrak.";

        public const string CreateAccount = Prefix + "create_account";
        public const string UpdateUserDetails = Prefix + "update_user_details";
        public const string SearchNumber = Prefix + "search_number";
        public const string PurchaseNumber = Prefix + "purchase_number";
        public const string TransferNumber = Prefix + "transfer_number";
        public const string AssignNumber = Prefix + "assign_number";
        public const string ListNumbers = Prefix + "list_numbers";
        public const string SetForwarding = Prefix + "set_forwarding";
        public const string RemoveForwarding = Prefix + "remove_forwarding";
        public const string InsertRoundRobin = Prefix + "insert_round_robin";
        public const string ListRoundRobin = Prefix + "list_round_robin";
        public const string EditRoundRobin = Prefix + "edit_round_robin";
        public const string DeleteRoundRobin = Prefix + "delete_round_robin";
        public const string UpdateNumberSetting = Prefix + "update_number_setting";
        public const string AddLiteCampaign = Prefix + "add_lite_campaign";
        public const string LiteCampaign = Prefix + "lite_campaign";
        public const string AllLiteCalls = Prefix + "all_lite_calls";
        public const string CallLogs = Prefix + "call_logs";
        public const string ClientList = Prefix + "client_list";
        public const string GetRemainingBalance = Prefix + "get_remaining_balance";
        public const string ReturnNumber = Prefix + "return_number";
        public const string VisitData = Prefix + "visit_data";
        public const string SetSmartReplacement = Prefix + "set_smart_replacement";
        public const string AddMetroSiteNumber = Prefix + "add_metro_site_number";
        public const string AllocateMetroNumber = Prefix + "add_metro_site_number(sid)";
        public const string ListMetroNumbers = Prefix + "list_metro_numbers";
        public const string RemoveMetroSiteNumber = Prefix + "remove_metro_site_number";

        /// <summary>Every operation, in the seed's order (27: add_metro_site_number counts twice).</summary>
        public static readonly IReadOnlyList<string> All = new[]
        {
            CreateAccount, UpdateUserDetails, SearchNumber, PurchaseNumber, TransferNumber, AssignNumber, ListNumbers, SetForwarding,
            RemoveForwarding, InsertRoundRobin, ListRoundRobin, EditRoundRobin, DeleteRoundRobin, UpdateNumberSetting, AddLiteCampaign,
            LiteCampaign, AllLiteCalls, CallLogs, ClientList, GetRemainingBalance, ReturnNumber, VisitData, SetSmartReplacement,
            AddMetroSiteNumber, AllocateMetroNumber, ListMetroNumbers, RemoveMetroSiteNumber,
        };

        /// <summary>The seed's method name of an operation ("AvidTrak.add_metro_site_number(sid)" → add_metro_site_number).</summary>
        public static string MethodOf(string operation)
        {
            if (operation is null) throw new ArgumentNullException(nameof(operation));
            var name = operation.StartsWith(Prefix, StringComparison.Ordinal) ? operation.Substring(Prefix.Length) : operation;
            var paren = name.IndexOf('(');
            return paren < 0 ? name : name.Substring(0, paren);
        }
    }
}
