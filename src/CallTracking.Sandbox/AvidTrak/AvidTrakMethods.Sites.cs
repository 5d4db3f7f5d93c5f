using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CallTracking.Sandbox.AvidTrak
{
    internal sealed partial class AvidTrakMethods
    {
        /// <summary>set_smart_replacement: add puts the site phones on the manifest (one already there stays once); delete
        /// takes them off, and every one must be there.</summary>
        private IReadOnlyList<AvidTrakRow>? SetSmartReplacement(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var given = p.Array("site_phone");
            if (given.All(s => s.Trim().Length == 0)) throw AvidTrakRefusal.Missing("site_phone[]", AvidTrakParameters.PhoneRule);
            var phones = given.Select(s => AvidTrakParameters.Phone("site_phone[]", s)).Distinct().ToList();
            var action = p.Enum("action", AvidTrakCatalog.SmartReplacementActions, required: true)!;
            if (action == "add")
            {
                foreach (var phone in phones) if (!caller.SmartReplacement.Contains(phone)) caller.SmartReplacement.Add(phone);
                return null;
            }
            foreach (var phone in phones)
                if (!caller.SmartReplacement.Contains(phone)) throw new AvidTrakRefusal("Site phone not found: " + phone);
            caller.SmartReplacement.RemoveAll(phones.Contains);
            return null;
        }

        /// <summary>The seed names two methods add_metro_site_number: with sid (or sid[]) and site_id, and no site_number, it
        /// allocates tracking numbers; otherwise it adds a site number.</summary>
        public static bool IsMetroAllocation(AvidTrakParameters p) =>
            !p.Has("site_number") && (p.Has("site_id") || p.Has("sid") || p.HasArray("sid"));

        private IReadOnlyList<AvidTrakRow>? AddMetroSiteNumber(AvidTrakAccount caller, AvidTrakParameters p)
        {
            if (IsMetroAllocation(p)) return AllocateMetroNumber(caller, p);
            if (p.Has("site_id") || p.Has("sid") || p.HasArray("sid"))
                throw new AvidTrakRefusal("Give either site_number, Title and forward_number (add a site number) or sid and site_id (allocate tracking numbers), not both");
            var siteNumber = p.Phone("site_number");
            var title = AvidTrakParameters.Text("Title", p.Required("Title", "a title for the site number"), 100);
            var forward = p.Phone("forward_number");
            if (caller.SiteList.Any(s => s.SiteNumber == siteNumber)) throw new AvidTrakRefusal("Site number already exists: " + siteNumber);
            var site = new AvidTrakMetroSite { Id = _state.NextSiteId(), SiteNumber = siteNumber, Title = title, ForwardNumber = forward };
            caller.SiteList.Add(site);
            return new[] { new AvidTrakRow().Add("site_id", site.Id).Add("site_number", site.SiteNumber).Add("title", site.Title).Add("forward_number", site.ForwardNumber) };
        }

        /// <summary>The allocation: each number leaves any other site, joins this one and forwards to its forward number.</summary>
        private IReadOnlyList<AvidTrakRow>? AllocateMetroNumber(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var numbers = SidOrSids(caller, p);
            var site = Site(caller, p);
            foreach (var n in numbers)
            {
                foreach (var other in caller.SiteList) if (other != site) other.SidList.Remove(n.Sid);
                if (!site.SidList.Contains(n.Sid)) site.SidList.Add(n.Sid);
                n.ForwardNumber = site.ForwardNumber;
                n.Extension = "";
            }
            return null;
        }

        private IReadOnlyList<AvidTrakRow>? ListMetroNumbers(AvidTrakAccount caller, AvidTrakParameters p) =>
            caller.SiteList.Select(s => new AvidTrakRow().Add("site_id", s.Id).Add("site_number", s.SiteNumber).Add("title", s.Title)
                    .Add("forward_number", s.ForwardNumber)
                    .Add("tracking_numbers", string.Join(",", s.SidList.Select(sid => caller.NumberList.First(n => n.Sid == sid).Number))))
                .ToList();

        /// <summary>remove_metro_site_number: the site goes; its numbers forward to the account's default forwarding number
        /// (its contact number) again.</summary>
        private IReadOnlyList<AvidTrakRow>? RemoveMetroSiteNumber(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var site = Site(caller, p);
            foreach (var sid in site.SidList)
            {
                var n = caller.NumberList.First(x => x.Sid == sid);
                n.ForwardNumber = caller.ContactNumber;
                n.Extension = "";
            }
            caller.SiteList.Remove(site);
            return null;
        }

        private static AvidTrakMetroSite Site(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var value = p.Required("site_id", "a site id from list_metro_numbers");
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                throw AvidTrakRefusal.Invalid("site_id", value, "a site id from list_metro_numbers");
            return caller.SiteList.FirstOrDefault(s => s.Id == id) ?? throw new AvidTrakRefusal("Site ID not found: " + value);
        }
    }
}
