using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.Sandbox.AvidTrak
{
    /// <summary>One method of the seed: the calling account and the query in, the reply's rows out (null = no data);
    /// a refusal is thrown as <see cref="AvidTrakRefusal"/>. Runs under the state's lock.</summary>
    internal delegate IReadOnlyList<AvidTrakRow>? AvidTrakMethod(AvidTrakAccount caller, AvidTrakParameters p);

    /// <summary>
    /// The seed's methods over the state (one file per area: accounts, numbers, forwarding, activity, sites). Every method
    /// checks all of its input before it changes anything, so a refused call, a batch with one bad SID included, changes
    /// nothing.
    /// </summary>
    internal sealed partial class AvidTrakMethods
    {
        private readonly AvidTrakSandboxState _state;
        private readonly SandboxClock _clock;
        private readonly Dictionary<string, AvidTrakMethod> _methods;

        public AvidTrakMethods(AvidTrakSandboxState state, SandboxClock clock)
        {
            _state = state;
            _clock = clock;
            _methods = new Dictionary<string, AvidTrakMethod>(StringComparer.Ordinal)
            {
                ["create_account"] = CreateAccount,
                ["update_user_details"] = UpdateUserDetails,
                ["client_list"] = ClientList,
                ["get_remaining_balance"] = GetRemainingBalance,
                ["search_number"] = SearchNumber,
                ["purchase_number"] = PurchaseNumber,
                ["transfer_number"] = TransferNumber,
                ["assign_number"] = AssignNumber,
                ["list_numbers"] = ListNumbers,
                ["return_number"] = ReturnNumber,
                ["update_number_setting"] = UpdateNumberSetting,
                ["set_forwarding"] = SetForwarding,
                ["remove_forwarding"] = RemoveForwarding,
                ["insert_round_robin"] = InsertRoundRobin,
                ["list_round_robin"] = ListRoundRobin,
                ["edit_round_robin"] = EditRoundRobin,
                ["delete_round_robin"] = DeleteRoundRobin,
                ["add_lite_campaign"] = AddLiteCampaign,
                ["lite_campaign"] = LiteCampaign,
                ["all_lite_calls"] = AllLiteCalls,
                ["call_logs"] = CallLogs,
                ["visit_data"] = VisitData,
                ["set_smart_replacement"] = SetSmartReplacement,
                ["add_metro_site_number"] = AddMetroSiteNumber,
                ["list_metro_numbers"] = ListMetroNumbers,
                ["remove_metro_site_number"] = RemoveMetroSiteNumber,
            };
        }

        /// <summary>The seed's 26 method names (add_metro_site_number serves two uses).</summary>
        public static readonly HashSet<string> Names = new HashSet<string>(
            AvidTrakOperations.All.Select(AvidTrakOperations.MethodOf), StringComparer.Ordinal);

        /// <summary>The method of that name (exact, as PHP reads it), or null.</summary>
        public AvidTrakMethod? Find(string method) => _methods.TryGetValue(method, out var m) ? m : null;

        private DateTimeOffset Now => _clock.Now;

        // ---- Shared checks.

        private static void RequireAgency(AvidTrakAccount caller, string what)
        {
            if (!caller.IsAgency) throw new AvidTrakRefusal(what + " works only with an agency pincode");
        }

        private static AvidTrakNumber Owned(AvidTrakAccount account, string sid)
        {
            var s = sid.Trim();
            foreach (var n in account.NumberList) if (n.Sid == s) return n;
            throw AvidTrakRefusal.InvalidSid(sid);
        }

        /// <summary>sid[] of a batch: every SID must be the caller's; the first that is not refuses the whole batch.</summary>
        private static List<AvidTrakNumber> BatchSids(AvidTrakAccount account, AvidTrakParameters p) =>
            Sids(p.Array("sid"), account);

        private static List<AvidTrakNumber> Sids(List<string> sids, AvidTrakAccount account)
        {
            if (sids.All(s => s.Trim().Length == 0)) throw AvidTrakRefusal.Missing("sid[]", AvidTrakParameters.SidRule);
            var numbers = new List<AvidTrakNumber>();
            foreach (var sid in sids)
            {
                var n = Owned(account, sid);
                if (!numbers.Contains(n)) numbers.Add(n);
            }
            return numbers;
        }

        /// <summary>A method's single sid.</summary>
        private static AvidTrakNumber SingleSid(AvidTrakAccount account, AvidTrakParameters p) =>
            Owned(account, p.Required("sid", AvidTrakParameters.SidRule));

        /// <summary>sid, or sid[] for a batch (insert_round_robin, the metro allocation).</summary>
        private static List<AvidTrakNumber> SidOrSids(AvidTrakAccount account, AvidTrakParameters p) =>
            p.HasArray("sid") ? BatchSids(account, p) : new List<AvidTrakNumber> { SingleSid(account, p) };

        /// <summary>startdate..enddate (both inclusive; a bare end date includes its day). Neither given = yesterday (UTC)
        /// when <paramref name="defaultYesterday"/>, else everything; one given = open on the other side.</summary>
        private (DateTimeOffset From, DateTimeOffset To) Range(AvidTrakParameters p, bool defaultYesterday)
        {
            var from = p.Date("startdate", endOfDay: false);
            var to = p.Date("enddate", endOfDay: true);
            if (from is null && to is null && defaultYesterday)
            {
                var today = new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero);
                return (today.AddDays(-1), today.AddSeconds(-1));
            }
            if (from.HasValue && to.HasValue && from.Value > to.Value)
                throw new AvidTrakRefusal("Invalid date range: startdate " + p.Get("startdate") + " is after enddate " + p.Get("enddate"));
            return (from ?? DateTimeOffset.MinValue, to ?? DateTimeOffset.MaxValue);
        }

        /// <summary>Takes a number out of its account (to move it or delete it): out of metro allocations too; its lite
        /// campaigns go with it.</summary>
        private static List<AvidTrakLiteCampaign> Detach(AvidTrakAccount account, AvidTrakNumber number)
        {
            account.NumberList.Remove(number);
            foreach (var site in account.SiteList) site.SidList.Remove(number.Sid);
            var campaigns = account.CampaignList.Where(c => c.Sid == number.Sid).ToList();
            account.CampaignList.RemoveAll(c => c.Sid == number.Sid);
            return campaigns;
        }

        private static void Move(AvidTrakAccount from, AvidTrakAccount to, AvidTrakNumber number)
        {
            if (from == to) return;
            var campaigns = Detach(from, number);
            to.NumberList.Add(number);
            to.CampaignList.AddRange(campaigns);
        }

        private static AvidTrakRow NumberRow(AvidTrakNumber n) => new AvidTrakRow()
            .Add("sid", n.Sid).Add("number", n.Number).Add("number_type", n.NumberType).Add("area_code", n.AreaCode).Add("country", n.Country)
            .Add("type", n.Channel).Add("forward_number", n.ForwardNumber).Add("extension", n.Extension).Add("recording", n.Recording)
            .Add("greet_caller", n.GreetCaller).Add("whisper_message", n.WhisperMessage).Add("enable_email", n.EnableEmail)
            .Add("email_alerts", n.EmailAlerts).Add("date_added", AvidTrakRow.Date(n.DateAdded));
    }
}
