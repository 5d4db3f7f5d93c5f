using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using C = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Campaigns;
using Ops = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Operations;
using V = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.VisitData;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// Offline marketing [seed]: add_lite_campaign and lite_campaign (static-number campaigns with their calls), and
    /// visit_data (visits and calls by keyword for one search engine channel).
    /// </summary>
    public sealed partial class AvidTrakClient : ICampaigns, IVisitData
    {
        // ---- add_lite_campaign ----------------------------------------------------------------------------------------------

        public void Validate(NewCampaign campaign) => CampaignAdditionQuery(campaign);

        public string Describe(NewCampaign campaign)
        {
            CampaignAdditionQuery(campaign);
            var forward = AvidTrakValues.Phone(campaign.ForwardNumber, DefaultCountry, "ForwardNumber");
            return "Add the lite campaign '" + campaign.Title!.Trim() + "'" + (forward is null ? string.Empty : ", its calls forwarded to " + forward);
        }

        /// <summary>add_lite_campaign: never re-sent once it may have arrived (a repeat would add a second campaign).</summary>
        public async Task<Campaign> AddCampaignAsync(NewCampaign campaign, CancellationToken cancellationToken)
        {
            var query = CampaignAdditionQuery(campaign);
            var sid = campaign.Sid!.Trim();
            var envelope = await CallAsync(Ops.AddLiteCampaign, query, sid, cancellationToken).ConfigureAwait(false);
            var result = envelope.Rows.Count > 0 ? ReadCampaign(envelope.Rows[0]) : new Campaign(AvidTrakApi.ProviderName, string.Empty);
            result.Title ??= campaign.Title!.Trim();
            result.Sid ??= sid;
            result.AdGroup ??= AvidTrakValues.Optional(campaign.AdGroup);
            if (result.ForwardNumber is null && AvidTrakValues.Optional(campaign.ForwardNumber) is { } forward)
                result.ForwardNumber = Validation.PhoneNumberNormalizer.Normalize(forward, DefaultCountry, "ForwardNumber");
            result.Extension ??= AvidTrakValues.Optional(campaign.Extension);
            return result;
        }

        private QueryBuilder CampaignAdditionQuery(NewCampaign campaign)
        {
            if (campaign is null) throw new System.ArgumentNullException(nameof(campaign));
            var title = AvidTrakValues.Required(AvidTrakValues.Optional(campaign.Title, "Title"), "Title", "the campaign's title (Print, TV, Radio…)");
            var sid = AvidTrakValues.Id(campaign.Sid, "Sid", SidWhat);
            return new QueryBuilder().Add(C.Title, title).Add(C.Sid, sid)
                .Add(C.AdGroup, AvidTrakValues.Optional(campaign.AdGroup, "AdGroup"))
                .Add(C.ForwardNumber, AvidTrakValues.Phone(campaign.ForwardNumber, DefaultCountry, "ForwardNumber"))
                .Add(C.Extension, AvidTrakValues.Extension(campaign.Extension, "Extension"));
        }

        // ---- lite_campaign --------------------------------------------------------------------------------------------------

        public void Validate(CampaignQuery query) => PeriodQuery(query?.Start, query?.End);

        /// <summary>lite_campaign: the active offline campaigns with their calls in the period.</summary>
        public async Task<IReadOnlyList<Campaign>> ListCampaignsAsync(CampaignQuery query, CancellationToken cancellationToken)
        {
            var envelope = await CallAsync(Ops.LiteCampaign, PeriodQuery(query?.Start, query?.End), null, cancellationToken).ConfigureAwait(false);
            return envelope.Rows.Select(ReadCampaign).ToList();
        }

        private Campaign ReadCampaign(IReadOnlyDictionary<string, object?> row)
        {
            var r = new AvidTrakRowReader(row, DefaultCountry);
            var campaign = new Campaign(AvidTrakApi.ProviderName, r.Text(C.CampaignId) ?? string.Empty)
            {
                Title = r.Text(C.Title),
                Sid = r.Text(C.Sid),
                Number = r.Phone(C.Number),
                AdGroup = r.Text(C.AdGroup),
                ForwardNumber = r.Phone(C.ForwardNumber),
                Extension = r.Text(C.Extension),
                Calls = r.Whole(C.Calls),
            };
            if (r.Raw is { } raw) campaign.Raw = raw;
            return campaign;
        }

        private static QueryBuilder PeriodQuery(System.DateTimeOffset? start, System.DateTimeOffset? end)
        {
            AvidTrakValues.Period(start, end, "Start", "End");
            return new QueryBuilder().Add(AvidTrakApi.StartDate, AvidTrakValues.Date(start)).Add(AvidTrakApi.EndDate, AvidTrakValues.Date(end));
        }

        // ---- visit_data -----------------------------------------------------------------------------------------------------

        public IReadOnlyList<string> VisitChannels => V.Filters;

        public void Validate(VisitDataQuery query) => VisitQuery(query);

        /// <summary>visit_data: visits and calls by keyword for the channel (filter) in the period.</summary>
        public async Task<IReadOnlyList<VisitDataRow>> GetVisitDataAsync(VisitDataQuery query, CancellationToken cancellationToken)
        {
            var (q, channel) = VisitQuery(query);
            var envelope = await CallAsync(Ops.VisitData, q, channel, cancellationToken).ConfigureAwait(false);
            return envelope.Rows.Select(row =>
            {
                var r = new AvidTrakRowReader(row, DefaultCountry);
                var visit = new VisitDataRow(AvidTrakApi.ProviderName, r.Text(V.Channel) ?? channel, r.Text(V.Keyword) ?? string.Empty)
                {
                    Visits = r.Whole(V.Visits),
                    Calls = r.Whole(V.Calls),
                };
                if (r.Raw is { } raw) visit.Raw = raw;
                return visit;
            }).ToList();
        }

        private static (QueryBuilder Query, string Channel) VisitQuery(VisitDataQuery query)
        {
            if (query is null) throw new System.ArgumentNullException(nameof(query));
            var channel = AvidTrakValues.OneOf(query.Channel, V.Filters, "Filter", required: true);
            var q = new QueryBuilder().Add(V.Filter, channel);
            foreach (var p in PeriodQuery(query.Start, query.End).Pairs) q.Add(p.Key, p.Value);
            return (q, channel);
        }
    }
}
