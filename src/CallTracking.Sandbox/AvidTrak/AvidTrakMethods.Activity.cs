using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.Sandbox.AvidTrak
{
    internal sealed partial class AvidTrakMethods
    {
        /// <summary>add_lite_campaign: an offline campaign of a number; forward_number (and extension) also set the number's forwarding.</summary>
        private IReadOnlyList<AvidTrakRow>? AddLiteCampaign(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var title = AvidTrakParameters.Text("title", p.Required("title", "a title for the offline campaign"), 100);
            var number = SingleSid(caller, p);
            var adgroup = AvidTrakParameters.Text("adgroup", (p.Get("adgroup") ?? "").Trim(), 100);
            var forward = p.OptionalPhone("forward_number");
            var extension = p.OptionalExtension("extension");

            var campaign = new AvidTrakLiteCampaign
            {
                Id = _state.NextCampaignId(), Title = title, Sid = number.Sid, Adgroup = adgroup, ForwardNumber = forward ?? "",
                Extension = extension ?? "", Created = Now,
            };
            caller.CampaignList.Add(campaign);
            if (!string.IsNullOrEmpty(forward))
            {
                number.ForwardNumber = forward!;
                number.Extension = extension ?? "";
            }
            return new[]
            {
                new AvidTrakRow().Add("campaign_id", campaign.Id).Add("title", campaign.Title).Add("sid", number.Sid).Add("number", number.Number)
                    .Add("adgroup", campaign.Adgroup).Add("forward_number", campaign.ForwardNumber).Add("extension", campaign.Extension),
            };
        }

        /// <summary>lite_campaign: every campaign of the account's numbers with its calls between the dates (no dates = all calls kept).</summary>
        private IReadOnlyList<AvidTrakRow>? LiteCampaign(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var (from, to) = Range(p, defaultYesterday: false);
            return caller.CampaignList.Select(c =>
            {
                var number = caller.NumberList.FirstOrDefault(n => n.Sid == c.Sid);
                var calls = caller.CallList.Count(call => call.CampaignId == c.Id && call.Date >= from && call.Date <= to);
                return new AvidTrakRow().Add("campaign_id", c.Id).Add("title", c.Title).Add("sid", c.Sid).Add("number", number?.Number ?? "")
                    .Add("adgroup", c.Adgroup).Add("calls", calls);
            }).ToList();
        }

        /// <summary>all_lite_calls: the calls to numbers on the lite channel (default: yesterday).</summary>
        private IReadOnlyList<AvidTrakRow>? AllLiteCalls(AvidTrakAccount caller, AvidTrakParameters p) => Calls(caller, p, liteOnly: true);

        /// <summary>call_logs: every call (default: yesterday, seed).</summary>
        private IReadOnlyList<AvidTrakRow>? CallLogs(AvidTrakAccount caller, AvidTrakParameters p) => Calls(caller, p, liteOnly: false);

        private IReadOnlyList<AvidTrakRow>? Calls(AvidTrakAccount caller, AvidTrakParameters p, bool liteOnly)
        {
            var (from, to) = Range(p, defaultYesterday: true);
            return caller.CallList.Where(c => c.Date >= from && c.Date <= to && (!liteOnly || c.Channel == "lite"))
                .Select(c => new AvidTrakRow().Add("call_id", c.Id).Add("sid", c.Sid).Add("tracking_number", c.TrackingNumber)
                    .Add("caller_number", c.CallerNumber).Add("forward_number", c.ForwardNumber).Add("call_date", AvidTrakRow.Date(c.Date))
                    .Add("duration", c.Duration).Add("status", c.Status).Add("channel", c.Channel).Add("campaign", c.Campaign)
                    .Add("city", c.City).Add("state", c.State).Add("recording_url", c.RecordingUrl))
                .ToList();
        }

        /// <summary>visit_data: visits and calls per keyword of one search-engine channel over the days between the dates
        /// (default: yesterday); most visited first. A lite account has none (offline tracking only).</summary>
        private IReadOnlyList<AvidTrakRow>? VisitData(AvidTrakAccount caller, AvidTrakParameters p)
        {
            var filter = p.Enum("filter", AvidTrakCatalog.VisitFilters, required: true)!;
            var (from, to) = Range(p, defaultYesterday: true);
            var channel = Array.IndexOf(AvidTrakCatalog.VisitFilters, filter);
            var lastDay = _state.Anchor.UtcDateTime.Date;
            var firstDay = lastDay.AddDays(1 - _state.Options.ActivityDays);
            var start = from.UtcDateTime.Date < firstDay ? firstDay : from.UtcDateTime.Date;
            var end = to == DateTimeOffset.MaxValue || to.UtcDateTime.Date > lastDay ? lastDay : to.UtcDateTime.Date;
            var totals = new (int Visits, int Calls)[AvidTrakCatalog.Keywords.Length];
            for (var day = start; day <= end; day = day.AddDays(1))
                for (var k = 0; k < totals.Length; k++)
                {
                    var (visits, calls) = _state.VisitsOn(caller, day, channel, k);
                    totals[k] = (totals[k].Visits + visits, totals[k].Calls + calls);
                }
            return Enumerable.Range(0, totals.Length).Where(k => totals[k].Visits > 0)
                .OrderByDescending(k => totals[k].Visits).ThenBy(k => AvidTrakCatalog.Keywords[k], StringComparer.Ordinal)
                .Select(k => new AvidTrakRow().Add("keyword", AvidTrakCatalog.Keywords[k]).Add("channel", filter)
                    .Add("visits", totals[k].Visits).Add("calls", totals[k].Calls))
                .ToList();
        }
    }
}
