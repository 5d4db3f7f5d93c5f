using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Batching;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;
using Ops = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Operations;
using S = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Sites;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// The web site's numbers [seed]: set_smart_replacement (site_phone[] to swap dynamically, batched), and metro pages:
    /// add_metro_site_number with site_number + Title + forward_number (a site number) or with sid + site_id (allocating
    /// tracking numbers: the same method name, told apart by its parameters [notes]), list_metro_numbers and
    /// remove_metro_site_number.
    /// </summary>
    public sealed partial class AvidTrakClient : ISmartReplacement, IMetroNumbers
    {
        private const string SiteIdWhat = "a metro site id (site_id, from Get-MetroSiteNumber or Add-MetroSiteNumber)";

        // ---- set_smart_replacement ------------------------------------------------------------------------------------------

        private const string SmartReplacementAction = "change smart replacement numbers";

        /// <summary>
        /// set_smart_replacement (site_phone[], action add or delete): one row per number, the rows of one action share a
        /// request of up to MaxSitePhones numbers. Sent once: a refusal fails the request's rows (the one it names, when it
        /// names one, with the provider's message; the others as refused for it).
        /// </summary>
        public IBatchOperation<SmartReplacementChange> ChangeSmartReplacement()
            => new BatchOperation<SmartReplacementChange>(AvidTrakApi.ProviderName, Ops.SetSmartReplacement, SmartReplacementAction, S.MaxSitePhones)
            {
                ExpandRow = row => OnePerItem(row.SitePhone, row, p => new SmartReplacementChange { SitePhone = new[] { p }, Remove = row.Remove }),
                ValidateRow = row => SitePhoneOf(row),
                Key = row => SmartReplacementVerb(row),
                // The provider names a number as national digits ("Site phone not found: 3035559999"), as it is sent.
                Identifier = row => SitePhoneOf(row),
                Result = row => new SmartReplacementResult(AvidTrakApi.ProviderName, SmartReplacementAction, row.Remove)
                {
                    SitePhone = ShownSitePhone(row),
                    Number = ShownSitePhone(row) is string e164 && e164.StartsWith("+", System.StringComparison.Ordinal) ? e164 : null,
                    Change = S.Action + "=" + SmartReplacementVerb(row),
                },
                Description = rows =>
                {
                    var phones = rows.Select(SitePhoneOf).Distinct().ToList();
                    var remove = rows[0].Remove;
                    return new BatchDescription(Count(phones.Count, "web site number") + ": " + AvidTrakValues.Few(phones),
                        (remove ? "Remove them from" : "Add them to") + " smart replacement (set_smart_replacement action=" + SmartReplacementVerb(rows[0]) + ")");
                },
                Send = async (rows, ct) =>
                {
                    var phones = rows.Select(SitePhoneOf).Distinct().ToList();
                    var q = new QueryBuilder();
                    foreach (var p in phones) q.Add(AvidTrakApi.ArrayKey(S.SitePhone), p);
                    q.Add(S.Action, SmartReplacementVerb(rows[0]));
                    await CallAsync(Ops.SetSmartReplacement, q, AvidTrakValues.Few(phones, 3), ct).ConfigureAwait(false);
                    return rows.Select(r => BatchReply.Done(new SmartReplacementNumber(AvidTrakApi.ProviderName, ShownSitePhone(r) ?? SitePhoneOf(r), !r.Remove))).ToList();
                },
            };

        private static string SmartReplacementVerb(SmartReplacementChange row) => row.Remove ? S.ActionDelete : S.ActionAdd;

        /// <summary>The row's one number as sent (national digits); a row without exactly one number is refused.</summary>
        private string SitePhoneOf(SmartReplacementChange row)
        {
            var phones = AvidTrakValues.Items(row.SitePhone);
            if (phones.Count != 1) throw new CallTrackingArgumentException("SitePhone", phones.Count == 0 ? null : string.Join(", ", phones), "one or more phone numbers shown on the web site (any form)");
            return AvidTrakValues.RequiredPhone(phones[0], DefaultCountry, "SitePhone", "a web site phone number");
        }

        /// <summary>The row's number for its result: E.164 when it is one, else as given.</summary>
        private string? ShownSitePhone(SmartReplacementChange row)
        {
            var given = AvidTrakValues.Items(row.SitePhone).FirstOrDefault();
            try { return given is null ? null : PhoneNumberNormalizer.Normalize(given, DefaultCountry, "SitePhone") ?? given; }
            catch (CallTrackingArgumentException) { return given; }
        }

        /// <summary>One row per item of a list (blank items left out); a row with none stays one row (its check then fails).</summary>
        private static IReadOnlyList<TRow> OnePerItem<TRow>(IReadOnlyList<string>? items, TRow row, System.Func<string, TRow> make)
        {
            var given = AvidTrakValues.Items(items);
            return given.Count <= 1 ? new[] { row } : given.Select(make).ToList();
        }

        // ---- add_metro_site_number (site number) ----------------------------------------------------------------------------

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

        private const string AllocationAction = "allocate numbers to a metro site number";

        /// <summary>
        /// add_metro_site_number with sid[] and site_id (AvidTrakApi.Operations.AllocateMetroNumber): one row per SID, the rows
        /// for one site id share a request of up to MaxAllocationSids numbers. Sent once.
        /// </summary>
        public IBatchOperation<MetroAllocation> Allocate()
            => new BatchOperation<MetroAllocation>(AvidTrakApi.ProviderName, Ops.AllocateMetroNumber, AllocationAction, S.MaxAllocationSids)
            {
                ExpandRow = row => OnePerItem(row.Sid, row, sid => new MetroAllocation { SiteId = row.SiteId, Sid = new[] { sid } }),
                ValidateRow = row => AllocationOf(row),
                Key = row => AllocationOf(row).SiteId,
                // The provider names a SID as given ("Invalid SID: PNzz").
                Identifier = row => AllocationOf(row).Sid,
                Result = row => new MetroAllocationResult(AvidTrakApi.ProviderName, AllocationAction)
                {
                    Id = AvidTrakValues.Items(row.Sid).FirstOrDefault(),
                    SiteId = row.SiteId?.Trim(),
                    Change = S.SiteId + "=" + row.SiteId?.Trim(),
                },
                Description = rows =>
                {
                    var siteId = AllocationOf(rows[0]).SiteId;
                    var sids = rows.Select(r => AllocationOf(r).Sid).Distinct().ToList();
                    return new BatchDescription(NumbersText(sids), "Allocate to metro site " + siteId + " (add_metro_site_number sid[], site_id)");
                },
                Send = async (rows, ct) =>
                {
                    var siteId = AllocationOf(rows[0]).SiteId;
                    var q = new QueryBuilder();
                    foreach (var sid in rows.Select(r => AllocationOf(r).Sid).Distinct()) q.Add(AvidTrakApi.ArrayKey(S.Sid), sid);
                    q.Add(S.SiteId, siteId);
                    await CallAsync(Ops.AllocateMetroNumber, q, siteId, ct).ConfigureAwait(false);
                    return BatchReply.AllDone(rows.Count);
                },
            };

        /// <summary>The row's site id and its one SID, checked.</summary>
        private static (string SiteId, string Sid) AllocationOf(MetroAllocation row)
        {
            var siteId = AvidTrakValues.Id(row.SiteId, "SiteId", SiteIdWhat);
            var sids = AvidTrakValues.Sids(row.Sid, "Sid");
            if (sids.Count != 1) throw new CallTrackingArgumentException("Sid", string.Join(", ", sids), "one tracking number SID per row");
            return (siteId, sids[0]);
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
