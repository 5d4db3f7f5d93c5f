using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>GET /calls, /calls/reports, /calls/stats, GET|DELETE /calls/:uuid.</summary>
    internal sealed class CallsEndpoints
    {
        private static readonly JsonEncodedText CallsName = JsonEncodedText.Encode("calls");
        // Flush the writer to the wire every ~32 KB: memory stays flat however many calls a page holds.
        private const int FlushThreshold = 32 * 1024;

        private readonly TrackDriveSandboxState _state;
        private readonly CallSelection _selection;
        private readonly SandboxClock _clock;

        public CallsEndpoints(TrackDriveSandboxState state, SandboxClock clock)
        {
            _state = state;
            _clock = clock;
            _selection = new CallSelection(state.Calls);
        }

        private CallGenerator Calls => _state.Calls;

        public SandboxHttpResponse List(SandboxHttpRequest request, string? suffixFormat)
        {
            var csv = TrackDriveParameters.IsCsv(request, suffixFormat, TrackDriveSeedLists.ListFormats);
            var cursor = TrackDriveParameters.Number(request, "cursor", -1, long.MaxValue, "Must be a number: -1 for the first page, then metadata.next_cursor.");
            var page = TrackDriveParameters.Page(request);
            var perPage = TrackDriveParameters.PerPage(request);
            var columns = TrackDriveParameters.Columns(request, TrackDriveSeedLists.CallColumns);
            var root = TrackDriveParameters.BooleanWord("root", request.Get("root")) ?? true;
            var query = CallQuery.Parse(request);
            var selected = _selection.Select(query, cursor, page, perPage);

            if (csv)
            {
                var sb = new StringBuilder();
                Csv.AppendRow(sb, CallFormat.Header(columns));
                foreach (var index in selected.Indexes)
                {
                    Calls.Get(index, out var c);
                    CallFormat.AppendCsvRow(sb, c, columns);
                }
                return new SandboxHttpResponse(200, SandboxHttpResponse.CsvContentType, Encoding.UTF8.GetBytes(sb.ToString()));
            }
            return new SandboxHttpResponse(200, SandboxHttpResponse.JsonContentType,
                (stream, ct) => WriteListAsync(stream, selected, columns, root, ct));
        }

        private async Task WriteListAsync(Stream stream, CallPage page, bool[]? columns, bool root, CancellationToken cancellationToken)
        {
            using var w = new Utf8JsonWriter(stream, SandboxHttpResponse.WriterOptions);
            if (root)
            {
                w.WriteStartObject();
                w.WriteStartArray(CallsName);
            }
            else w.WriteStartArray();
            foreach (var index in page.Indexes)
            {
                WriteOne(w, index, columns);
                if (w.BytesPending > FlushThreshold) await w.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            w.WriteEndArray();
            if (root)
            {
                w.WriteStartObject("metadata");
                w.WriteNumber("next_cursor", page.NextCursor);
                w.WriteNumber("total_count", page.TotalCount);
                w.WriteNumber("per_page", page.PerPage);
                if (page.Page is { } p) w.WriteNumber("page", p);
                else w.WriteNull("page");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            await w.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        // Separate sync method: CallData is computed on the stack, which an async method cannot hold across awaits.
        private void WriteOne(Utf8JsonWriter w, long index, bool[]? columns)
        {
            Calls.Get(index, out var c);
            CallFormat.WriteJson(w, c, columns);
        }

        public SandboxHttpResponse Get(SandboxHttpRequest request, string key)
        {
            TrackDriveParameters.IsCsv(request, null, TrackDriveSeedLists.JsonOnly);
            var index = Find(key);
            if (index < 0) return NotFound(key);
            return Single(200, index);
        }

        public SandboxHttpResponse HangUp(SandboxHttpRequest request, string key)
        {
            var index = Find(key);
            if (index < 0) return NotFound(key);
            if (!Calls.HangUp(index, _clock.Now))
                return SandboxHttpResponse.Error(422, "not_in_progress", "Call " + key + " is not in progress.");
            return Single(200, index);
        }

        private SandboxHttpResponse Single(int status, long index)
        {
            Calls.Get(index, out var c);
            var call = c;
            return SandboxHttpResponse.Json(status, w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("call");
                CallFormat.WriteJson(w, call, null);
                w.WriteEndObject();
            });
        }

        private static SandboxHttpResponse NotFound(string key) =>
            SandboxHttpResponse.Error(404, "not_found", "Call " + key + " was not found.");

        /// <summary>:uuid is the integer id or the uuid; returns the call index or -1.</summary>
        private long Find(string key)
        {
            if (key.Length > 0 && key.Length <= 18 && key.All(ch => ch >= '0' && ch <= '9'))
                return Calls.IndexOfId(long.Parse(key, CultureInfo.InvariantCulture));
            if (key.Length != 36 || !Guid.TryParse(key, out _)) return -1;
            var tail = ulong.Parse(key.Substring(24), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            var index = Calls.IndexOfId(Calls.IdFromUuidTail(tail));
            if (index < 0) return -1;
            Calls.Get(index, out var c);
            return string.Equals(CallGenerator.UuidString(c.UuidHi, c.UuidLo), key, StringComparison.OrdinalIgnoreCase) ? index : -1;
        }

        public SandboxHttpResponse Reports(SandboxHttpRequest request, string? suffixFormat)
        {
            var csv = TrackDriveParameters.IsCsv(request, suffixFormat, TrackDriveSeedLists.ListFormats);
            var category = TrackDriveParameters.Enum(request, "category", TrackDriveSeedLists.ReportCategories, required: true)!;
            var page = TrackDriveParameters.Page(request) ?? 1;
            var perPage = TrackDriveParameters.PerPage(request);
            TrackDriveParameters.Columns(request, TrackDriveSeedLists.CallColumns);
            var query = CallQuery.Parse(request);

            var groups = new Dictionary<string, ReportRow>(StringComparer.Ordinal);
            var (lo, hi) = query.Range(Calls);
            for (var i = lo; i <= hi; i++)
            {
                Calls.Get(i, out var c);
                if (query.NeedsScan && !query.Matches(c)) continue;
                var value = CategoryValue(category, c);
                if (!groups.TryGetValue(value, out var row)) groups[value] = row = new ReportRow(value);
                row.Count++;
                row.TotalDuration += c.TotalDuration;
                row.Revenue += c.RevenueUnits;
                row.Payout += c.PayoutUnits;
                row.Cost += c.CostUnits;
            }
            var rows = groups.Values.OrderByDescending(r => r.Count).ThenBy(r => r.Value, StringComparer.Ordinal)
                .Skip((int)Math.Min(int.MaxValue, (page - 1) * perPage)).Take(perPage).ToList();

            if (csv)
            {
                var sb = new StringBuilder();
                Csv.AppendRow(sb, "category", "value", "count", "total_duration", "revenue", "payout", "cost", "profit");
                var inv = CultureInfo.InvariantCulture;
                foreach (var r in rows)
                    Csv.AppendRow(sb, category, r.Value, r.Count.ToString(inv), r.TotalDuration.ToString(inv),
                        CallFormat.Money(r.Revenue, 4).ToString(inv), CallFormat.Money(r.Payout, 4).ToString(inv),
                        CallFormat.Money(r.Cost, 4).ToString(inv), CallFormat.Money(r.Profit, 4).ToString(inv));
                return new SandboxHttpResponse(200, SandboxHttpResponse.CsvContentType, Encoding.UTF8.GetBytes(sb.ToString()));
            }
            return SandboxHttpResponse.Json(200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("reports");
                foreach (var r in rows)
                {
                    w.WriteStartObject();
                    w.WriteString("category", category);
                    w.WriteString("value", r.Value);
                    w.WriteNumber("count", r.Count);
                    w.WriteNumber("total_duration", r.TotalDuration);
                    w.WriteNumber("revenue", CallFormat.Money(r.Revenue, 4));
                    w.WriteNumber("payout", CallFormat.Money(r.Payout, 4));
                    w.WriteNumber("cost", CallFormat.Money(r.Cost, 4));
                    w.WriteNumber("profit", CallFormat.Money(r.Profit, 4));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartObject("metadata");
                w.WriteNumber("total_count", groups.Count);
                w.WriteNumber("page", page);
                w.WriteNumber("per_page", perPage);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        public SandboxHttpResponse Stats(SandboxHttpRequest request, string? suffixFormat)
        {
            TrackDriveParameters.IsCsv(request, suffixFormat, TrackDriveSeedLists.JsonOnly);
            var groupBy = TrackDriveParameters.Enum(request, "group_by", TrackDriveSeedLists.StatsGroupBy, required: true)!;
            var stat = TrackDriveParameters.Enum(request, "stat", TrackDriveSeedLists.StatsStats, required: true)!;
            TrackDriveParameters.Page(request);
            var query = CallQuery.Parse(request, datesRequired: true);

            var groups = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var (lo, hi) = query.Range(Calls);
            for (var i = lo; i <= hi; i++)
            {
                Calls.Get(i, out var c);
                if (query.NeedsScan && !query.Matches(c)) continue;
                var group = groupBy switch
                {
                    "buyer_converted" => c.BuyerConverted ? "true" : "false",
                    "offer_converted" => c.TsConverted ? "true" : "false",
                    _ => TrackDriveSeedLists.CallStatuses[c.Status],
                };
                var value = stat switch
                {
                    "revenue" => c.RevenueUnits,
                    "profit" => c.ProfitUnits,
                    "cost" => c.CostUnits,
                    _ => 1L,
                };
                groups[group] = groups.TryGetValue(group, out var sum) ? sum + value : value;
            }
            return SandboxHttpResponse.Json(200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("stats");
                foreach (var pair in groups)
                {
                    w.WriteStartObject();
                    w.WriteString("group", pair.Key);
                    if (stat == "count") w.WriteNumber("value", pair.Value);
                    else w.WriteNumber("value", CallFormat.Money(pair.Value, 4));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartObject("metadata");
                w.WriteString("group_by", groupBy);
                w.WriteString("stat", stat);
                w.WriteString("created_at_from", request.Get("created_at_from"));
                w.WriteString("created_at_to", request.Get("created_at_to"));
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        private static string CategoryValue(string category, in CallData c)
        {
            var inv = CultureInfo.InvariantCulture;
            return category switch
            {
                "buyer_id" => c.Buyer < 0 ? "" : TrackDriveCatalog.Buyers[c.Buyer].Id.ToString(inv),
                "offer_id" => TrackDriveCatalog.Offers[c.Offer].Id.ToString(inv),
                "traffic_source_id" => TrackDriveCatalog.TrafficSources[c.TrafficSource].Id.ToString(inv),
                "number_id" => c.NumberId.ToString(inv),
                "status" => TrackDriveSeedLists.CallStatuses[c.Status],
                "direction" => "inbound",
                "sub_status" => TrackDriveCatalog.SubStatuses[c.SubStatus],
                "provider_configuration_id" => c.ProviderConfigurationId.ToString(inv),
                "contact_id" => c.ContactId.ToString(inv),
                "placed_on_hold" => c.HoldDuration > 0 ? "true" : "false",
                "ring_pool_id" => c.RingPoolId == 0 ? "" : c.RingPoolId.ToString(inv),
                "contact_state" => TrackDriveCatalog.Cities[c.City].State,
                "contact_country" => TrackDriveCatalog.Cities[c.City].Country,
                "buyer_converted" => c.BuyerConverted ? "true" : "false",
                "offer_converted" => c.TsConverted ? "true" : "false",
                _ => c.InProgress ? "true" : "false",
            };
        }

        private sealed class ReportRow
        {
            public ReportRow(string value) => Value = value;
            public string Value { get; }
            public long Count;
            public long TotalDuration;
            public long Revenue, Payout, Cost; // 1e-4
            public long Profit => Revenue - Payout - Cost;
        }
    }
}
