using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;
using Ops = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Operations;
using S = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Sites;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// The web site's numbers [seed]: set_smart_replacement (site_phone[] to swap dynamically), and metro pages:
    /// add_metro_site_number with site_number + Title + forward_number (a site number) or with sid + site_id (allocating
    /// tracking numbers: the same method name, told apart by its parameters [notes]), list_metro_numbers and
    /// remove_metro_site_number.
    /// </summary>
    public sealed partial class AvidTrakClient : ISmartReplacement, IMetroNumbers
    {
        private const string SiteIdWhat = "a metro site id (site_id, from Get-MetroSiteNumber or Add-MetroSiteNumber)";

        // ---- set_smart_replacement ------------------------------------------------------------------------------------------

        public int MaxSitePhonesPerRequest => S.MaxSitePhones;

        public void Validate(SmartReplacementChange change) => SmartReplacementQuery(change);

        public string Describe(SmartReplacementChange change)
        {
            var (_, phones) = SmartReplacementQuery(change);
            return (change.Remove ? "Remove " : "Add ") + phones.Count.ToString(CultureInfo.InvariantCulture) + " web site number(s) "
                   + (change.Remove ? "from" : "to") + " smart replacement: " + AvidTrakValues.Few(phones);
        }

        /// <summary>set_smart_replacement, all numbers in one request (action add or delete).</summary>
        public async Task<IReadOnlyList<SmartReplacementNumber>> ChangeSmartReplacementAsync(SmartReplacementChange change, CancellationToken cancellationToken)
        {
            var (query, phones) = SmartReplacementQuery(change);
            await CallAsync(Ops.SetSmartReplacement, query, AvidTrakValues.Few(phones, 3), cancellationToken).ConfigureAwait(false);
            return phones.Select(p => new SmartReplacementNumber(AvidTrakApi.ProviderName, PhoneNumberNormalizer.Normalize(p, DefaultCountry, "SitePhone") ?? p, !change.Remove)).ToList();
        }

        private (QueryBuilder Query, IReadOnlyList<string> Phones) SmartReplacementQuery(SmartReplacementChange change)
        {
            if (change is null) throw new System.ArgumentNullException(nameof(change));
            var phones = AvidTrakValues.Items(change.SitePhone).Select(p => AvidTrakValues.RequiredPhone(p, DefaultCountry, "SitePhone", "a web site phone number")).Distinct().ToList();
            if (phones.Count == 0) throw new CallTrackingArgumentException("SitePhone", null, "one or more phone numbers shown on the web site (any form)");
            if (phones.Count > S.MaxSitePhones)
                throw new CallTrackingArgumentException("SitePhone", phones.Count.ToString(CultureInfo.InvariantCulture) + " numbers", "at most " + S.MaxSitePhones.ToString(CultureInfo.InvariantCulture) + " per request");
            var q = new QueryBuilder();
            foreach (var p in phones) q.Add(AvidTrakApi.ArrayKey(S.SitePhone), p);
            q.Add(S.Action, change.Remove ? S.ActionDelete : S.ActionAdd);
            return (q, phones);
        }

        // ---- add_metro_site_number (site number) ----------------------------------------------------------------------------

        public int MaxNumbersPerAllocation => S.MaxAllocationSids;

        public void Validate(NewMetroSite site) => SiteQuery(site);

        public string Describe(NewMetroSite site)
        {
            SiteQuery(site);
            return "Add the metro site number " + AvidTrakValues.Phone(site.SiteNumber, DefaultCountry, "SiteNumber") + " '" + site.Title!.Trim()
                   + "', its tracking numbers forwarding to " + AvidTrakValues.Phone(site.ForwardNumber, DefaultCountry, "ForwardNumber");
        }

        /// <summary>add_metro_site_number with site_number, Title, forward_number: never re-sent once it may have arrived.</summary>
        public async Task<MetroSiteNumber> AddSiteAsync(NewMetroSite site, CancellationToken cancellationToken)
        {
            var query = SiteQuery(site);
            var siteNumber = PhoneNumberNormalizer.Normalize(site.SiteNumber, DefaultCountry, "SiteNumber");
            var envelope = await CallAsync(Ops.AddMetroSiteNumber, query, siteNumber, cancellationToken).ConfigureAwait(false);
            var result = envelope.Rows.Count > 0 ? ReadSite(envelope.Rows[0]) : new MetroSiteNumber(AvidTrakApi.ProviderName, string.Empty);
            result.SiteNumber ??= siteNumber;
            result.Title ??= site.Title!.Trim();
            result.ForwardNumber ??= PhoneNumberNormalizer.Normalize(site.ForwardNumber, DefaultCountry, "ForwardNumber");
            return result;
        }

        private QueryBuilder SiteQuery(NewMetroSite site)
        {
            if (site is null) throw new System.ArgumentNullException(nameof(site));
            var number = AvidTrakValues.RequiredPhone(site.SiteNumber, DefaultCountry, "SiteNumber", "the phone number shown on the metro page (any form)");
            var title = AvidTrakValues.Required(AvidTrakValues.Optional(site.Title, "Title"), "Title", "a title for the site number (the metro page, say)");
            var forward = AvidTrakValues.RequiredPhone(site.ForwardNumber, DefaultCountry, "ForwardNumber", "the number the allocated tracking numbers forward to (any form)");
            return new QueryBuilder().Add(S.SiteNumber, number).Add(S.Title, title).Add(S.ForwardNumber, forward);
        }

        // ---- add_metro_site_number (allocation) -----------------------------------------------------------------------------

        public void Validate(MetroAllocation allocation) => AllocationQuery(allocation);

        public string Describe(MetroAllocation allocation)
        {
            var (_, sids) = AllocationQuery(allocation);
            return "Allocate " + sids.Count.ToString(CultureInfo.InvariantCulture) + " tracking number(s) to metro site " + allocation.SiteId!.Trim() + ": " + AvidTrakValues.Few(sids);
        }

        /// <summary>add_metro_site_number with sid[] and site_id (AvidTrakApi.Operations.AllocateMetroNumber).</summary>
        public Task AllocateAsync(MetroAllocation allocation, CancellationToken cancellationToken)
        {
            var (query, _) = AllocationQuery(allocation);
            return CallAsync(Ops.AllocateMetroNumber, query, allocation.SiteId!.Trim(), cancellationToken);
        }

        private static (QueryBuilder Query, IReadOnlyList<string> Sids) AllocationQuery(MetroAllocation allocation)
        {
            if (allocation is null) throw new System.ArgumentNullException(nameof(allocation));
            var siteId = AvidTrakValues.Id(allocation.SiteId, "SiteId", SiteIdWhat);
            var sids = AvidTrakValues.Sids(allocation.Sid, "Sid").Distinct().ToList();
            if (sids.Count > S.MaxAllocationSids)
                throw new CallTrackingArgumentException("Sid", sids.Count.ToString(CultureInfo.InvariantCulture) + " SIDs", "at most " + S.MaxAllocationSids.ToString(CultureInfo.InvariantCulture) + " per request");
            var q = new QueryBuilder();
            foreach (var sid in sids) q.Add(AvidTrakApi.ArrayKey(S.Sid), sid);
            q.Add(S.SiteId, siteId);
            return (q, sids);
        }

        // ---- list_metro_numbers ---------------------------------------------------------------------------------------------

        /// <summary>list_metro_numbers: every site number with its allocated tracking numbers.</summary>
        public async Task<IReadOnlyList<MetroSiteNumber>> ListSitesAsync(CancellationToken cancellationToken)
        {
            var envelope = await CallAsync(Ops.ListMetroNumbers, null, null, cancellationToken).ConfigureAwait(false);
            return envelope.Rows.Select(ReadSite).ToList();
        }

        private MetroSiteNumber ReadSite(IReadOnlyDictionary<string, object?> row)
        {
            var r = new AvidTrakRowReader(row, DefaultCountry);
            var site = new MetroSiteNumber(AvidTrakApi.ProviderName, r.Text(S.SiteId) ?? string.Empty)
            {
                SiteNumber = r.Phone(S.SiteNumber),
                Title = r.Text(S.ReplyTitle),
                ForwardNumber = r.Phone(S.ForwardNumber),
                TrackingNumbers = r.Phones(S.TrackingNumbers),
            };
            if (r.Raw is { } raw) site.Raw = raw;
            return site;
        }

        // ---- remove_metro_site_number ---------------------------------------------------------------------------------------

        public void ValidateSiteId(string siteId) => AvidTrakValues.Id(siteId, "SiteId", SiteIdWhat);

        public string DescribeRemoval(string siteId)
            => "Remove metro site number " + AvidTrakValues.Id(siteId, "SiteId", SiteIdWhat) + " and its tracking number allocations (those numbers go back to their default forwarding)";

        /// <summary>remove_metro_site_number: never re-sent once it may have arrived.</summary>
        public Task RemoveSiteAsync(string siteId, CancellationToken cancellationToken)
        {
            var id = AvidTrakValues.Id(siteId, "SiteId", SiteIdWhat);
            return CallAsync(Ops.RemoveMetroSiteNumber, new QueryBuilder().Add(S.SiteId, id), id, cancellationToken);
        }
    }
}
