using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>GET|POST /phone_numbers, GET|PUT|DELETE /phone_numbers/:id.</summary>
    internal sealed class PhoneNumbersEndpoints
    {
        private const string PositiveIntegerRule = "Must be a positive integer.";
        private const string TokenValuesRule =
            "Must be a valid list of filters, e.g. [\"interest:auto\", \"loan_amount:>=10000\", \"geo:!=800\"], or null.";

        // key:value where the value may start with an operator (seed: "loan_amount:>=10000", "geo:!=800").
        private static readonly Regex TokenFilter = new Regex(@"^[^:\s]+:(?:>=|<=|!=|>|<)?[^\s].*$",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private readonly TrackDriveSandboxState _state;
        private readonly SandboxClock _clock;

        public PhoneNumbersEndpoints(TrackDriveSandboxState state, SandboxClock clock)
        {
            _state = state;
            _clock = clock;
        }

        public SandboxHttpResponse List(SandboxHttpRequest request, string? suffixFormat)
        {
            var csv = TrackDriveParameters.IsCsv(request, suffixFormat, TrackDriveSeedLists.ListFormats);
            var page = TrackDriveParameters.Page(request) ?? 1;
            var perPage = TrackDriveParameters.PerPage(request);
            var columns = TrackDriveParameters.Columns(request, TrackDriveSeedLists.NumberColumns);
            var root = TrackDriveParameters.BooleanWord("root", request.Get("root")) ?? true;
            TrackDriveParameters.Enum(request, "time_zone", TrackDriveSeedLists.TimeZones);
            var createdFrom = TrackDriveParameters.Date(request, "created_at_from");
            var createdTo = TrackDriveParameters.Date(request, "created_at_to");
            var lastFrom = TrackDriveParameters.Date(request, "last_call_at_from");
            var lastTo = TrackDriveParameters.Date(request, "last_call_at_to");
            var offerId = TrackDriveParameters.Decimal(request, "offer_id");
            var trafficSourceId = TrackDriveParameters.Decimal(request, "traffic_source_id");
            var providerConfigurationId = TrackDriveParameters.Decimal(request, "provider_configuration_id");
            var ringPoolId = TrackDriveParameters.Decimal(request, "ring_pool_id");
            var fulltext = request.Get("fulltext");
            var number = request.Get("number");
            // An unencoded '+' in a query arrives as a space; the number filter is the one place where that is unambiguous.
            if (number != null && number.StartsWith(" ", StringComparison.Ordinal)) number = "+" + number.TrimStart();

            var all = _state.SnapshotNumbers().Where(n =>
                (createdFrom is null || n.CreatedAt >= createdFrom) && (createdTo is null || n.CreatedAt <= createdTo)
                && (lastFrom is null || (n.LastCallAt != null && n.LastCallAt >= lastFrom))
                && (lastTo is null || (n.LastCallAt != null && n.LastCallAt <= lastTo))
                && (offerId is null || n.OfferId == offerId) && (trafficSourceId is null || n.TrafficSourceId == trafficSourceId)
                && (providerConfigurationId is null || n.ProviderConfigurationId == providerConfigurationId)
                && (ringPoolId is null || n.RingPoolId == ringPoolId)
                && (string.IsNullOrEmpty(number) || n.Number == number || n.PlainNumber == number)
                && (string.IsNullOrEmpty(fulltext) || Contains(n, fulltext!))).ToList();
            var rows = all.Skip((int)Math.Min(int.MaxValue, (page - 1) * perPage)).Take(perPage).ToList();

            if (csv)
            {
                var sb = new StringBuilder();
                var header = Header(columns);
                Csv.AppendRow(sb, header);
                foreach (var n in rows) Csv.AppendRow(sb, header.Select(h => CsvValue(n, h)).ToArray());
                return new SandboxHttpResponse(200, SandboxHttpResponse.CsvContentType, Encoding.UTF8.GetBytes(sb.ToString()));
            }
            return SandboxHttpResponse.Json(200, w =>
            {
                if (!root)
                {
                    WriteArray(w, rows, columns);
                    return;
                }
                w.WriteStartObject();
                w.WritePropertyName("numbers");
                WriteArray(w, rows, columns);
                w.WriteStartObject("metadata");
                w.WriteNumber("total_count", all.Count);
                w.WriteNumber("total_pages", (all.Count + perPage - 1) / perPage);
                w.WriteNumber("page", page);
                w.WriteNumber("per_page", perPage);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        public SandboxHttpResponse Get(SandboxHttpRequest request, string key)
        {
            TrackDriveParameters.IsCsv(request, null, TrackDriveSeedLists.JsonOnly);
            var number = _state.FindNumber(key);
            return number is null ? NotFound(key) : Single(200, number);
        }

        public SandboxHttpResponse Purchase(SandboxHttpRequest request)
        {
            var body = Body(request);
            var providerConfigurationId = PositiveInteger(body, "provider_configuration_id", required: true)!.Value;
            var offerId = PositiveInteger(body, "offer_id", required: true)!.Value;
            var tollFree = TollFree(body);
            var country = Country(body);
            var trafficSourceId = PositiveInteger(body, "traffic_source_id", required: false);
            var ringPoolId = PositiveInteger(body, "ring_pool_id", required: false);
            var tokens = body.TryGetValue("token_values", out var t) ? TokenValues(t) : null;
            var number = _state.Purchase(country, tollFree, providerConfigurationId, offerId, trafficSourceId, ringPoolId, tokens,
                _clock.Now);
            return Single(201, number);
        }

        public SandboxHttpResponse Update(SandboxHttpRequest request, string key)
        {
            var body = Body(request);
            var offerId = PositiveInteger(body, "offer_id", required: false);
            var trafficSourceId = PositiveInteger(body, "traffic_source_id", required: false);
            var ringPoolId = PositiveInteger(body, "ring_pool_id", required: false);
            var hasTokens = body.TryGetValue("token_values", out var t);
            var tokens = hasTokens ? TokenValues(t) : null;
            var updated = _state.Update(key, n =>
            {
                if (offerId != null) n.OfferId = offerId;
                if (trafficSourceId != null) n.TrafficSourceId = trafficSourceId;
                if (ringPoolId != null) n.RingPoolId = ringPoolId;
                if (hasTokens)
                {
                    n.TokenValues = tokens ?? (IReadOnlyList<string>)Array.Empty<string>();
                    n.OptimizerTokensChangedAt = _clock.Now;
                }
            });
            return updated is null ? NotFound(key) : Single(200, updated);
        }

        public SandboxHttpResponse Unrent(string key)
        {
            var removed = _state.Unrent(key);
            return removed is null ? NotFound(key) : Single(200, removed);
        }

        private static SandboxHttpResponse NotFound(string key) =>
            SandboxHttpResponse.Error(404, "not_found", "Phone number " + key + " was not found.");

        private static SandboxHttpResponse Single(int status, TrackDriveNumber number) =>
            SandboxHttpResponse.Json(status, w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("phone_number");
                WriteNumber(w, number, null);
                w.WriteEndObject();
            });

        private static bool Contains(TrackDriveNumber n, string text) =>
            new[] { n.Name, n.Number, n.HumanNumber, n.Country, n.PlainNumber }
                .Any(s => s.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0);

        private static string[] Header(bool[]? columns)
        {
            var names = TrackDriveSeedLists.NumberColumns.Where((c, i) => columns is null || columns[i] || c == "id").ToList();
            if (columns is null) names.Add("toll_free");
            return names.ToArray();
        }

        private static void WriteArray(Utf8JsonWriter w, List<TrackDriveNumber> rows, bool[]? columns)
        {
            w.WriteStartArray();
            foreach (var n in rows) WriteNumber(w, n, columns);
            w.WriteEndArray();
        }

        private static void WriteNumber(Utf8JsonWriter w, TrackDriveNumber n, bool[]? columns)
        {
            w.WriteStartObject();
            foreach (var column in Header(columns))
            {
                switch (column)
                {
                    case "id": w.WriteNumber(column, n.Id); break;
                    case "name": w.WriteString(column, n.Name); break;
                    case "number": w.WriteString(column, n.Number); break;
                    case "offer_id": NullableNumber(w, column, n.OfferId); break;
                    case "traffic_source_id": NullableNumber(w, column, n.TrafficSourceId); break;
                    case "provider_configuration_id": NullableNumber(w, column, n.ProviderConfigurationId); break;
                    case "ring_pool_id": NullableNumber(w, column, n.RingPoolId); break;
                    case "provider_auth_key": w.WriteString(column, n.ProviderAuthKey); break;
                    case "last_call_at": NullableDate(w, column, n.LastCallAt); break;
                    case "token_values":
                        w.WriteStartArray(column);
                        foreach (var t in n.TokenValues) w.WriteStringValue(t);
                        w.WriteEndArray();
                        break;
                    case "country": w.WriteString(column, n.Country); break;
                    case "area_code_id": NullableNumber(w, column, n.AreaCodeId); break;
                    case "optimizer_displayed_at": NullableDate(w, column, n.OptimizerDisplayedAt); break;
                    case "optimizer_tokens_changed_at": NullableDate(w, column, n.OptimizerTokensChangedAt); break;
                    case "created_at": w.WriteString(column, CallFormat.IsoString(n.CreatedAt)); break;
                    case "plain_number": w.WriteString(column, n.PlainNumber); break;
                    case "extension": if (n.Extension is null) w.WriteNull(column); else w.WriteString(column, n.Extension); break;
                    case "checksum": w.WriteString(column, n.Checksum); break;
                    case "human_number": w.WriteString(column, n.HumanNumber); break;
                    case "toll_free": w.WriteBoolean(column, n.TollFree); break;
                }
            }
            w.WriteEndObject();
        }

        private static string? CsvValue(TrackDriveNumber n, string column)
        {
            var inv = CultureInfo.InvariantCulture;
            string? Date(DateTimeOffset? d) => d is null ? null : CallFormat.IsoString(d.Value);
            return column switch
            {
                "id" => n.Id.ToString(inv),
                "name" => n.Name,
                "number" => n.Number,
                "offer_id" => n.OfferId?.ToString(inv),
                "traffic_source_id" => n.TrafficSourceId?.ToString(inv),
                "provider_configuration_id" => n.ProviderConfigurationId?.ToString(inv),
                "ring_pool_id" => n.RingPoolId?.ToString(inv),
                "provider_auth_key" => n.ProviderAuthKey,
                "last_call_at" => Date(n.LastCallAt),
                "token_values" => string.Join(";", n.TokenValues),
                "country" => n.Country,
                "area_code_id" => n.AreaCodeId?.ToString(inv),
                "optimizer_displayed_at" => Date(n.OptimizerDisplayedAt),
                "optimizer_tokens_changed_at" => Date(n.OptimizerTokensChangedAt),
                "created_at" => Date(n.CreatedAt),
                "plain_number" => n.PlainNumber,
                "extension" => n.Extension,
                "checksum" => n.Checksum,
                "human_number" => n.HumanNumber,
                "toll_free" => n.TollFree ? "true" : "false",
                _ => null,
            };
        }

        private static void NullableNumber(Utf8JsonWriter w, string name, long? value)
        {
            if (value is null) w.WriteNull(name);
            else w.WriteNumber(name, value.Value);
        }

        private static void NullableDate(Utf8JsonWriter w, string name, DateTimeOffset? value)
        {
            if (value is null) w.WriteNull(name);
            else w.WriteString(name, CallFormat.IsoString(value.Value));
        }

        /// <summary>The JSON body's members; with no body, the query parameters (as strings) stand in.</summary>
        private static Dictionary<string, JsonElement> Body(SandboxHttpRequest request)
        {
            string json;
            if (!string.IsNullOrWhiteSpace(request.Body)) json = request.Body!;
            else
            {
                using var buffer = new MemoryStream();
                using (var w = new Utf8JsonWriter(buffer))
                {
                    w.WriteStartObject();
                    foreach (var pair in request.Query) w.WriteString(pair.Key, pair.Value);
                    w.WriteEndObject();
                }
                json = Encoding.UTF8.GetString(buffer.ToArray());
            }
            try
            {
                using var doc = JsonDocument.Parse(json);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    throw new TrackDriveParameterException("The request body must be a JSON object.");
                return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            }
            catch (JsonException)
            {
                throw new TrackDriveParameterException("The request body is not valid JSON.");
            }
        }

        private static long? PositiveInteger(Dictionary<string, JsonElement> body, string name, bool required)
        {
            if (!body.TryGetValue(name, out var e) || e.ValueKind == JsonValueKind.Null)
            {
                if (required) throw TrackDriveParameterException.Missing(name, PositiveIntegerRule);
                return null;
            }
            if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n) && n > 0) return n;
            // The seed's own PUT example sends ids as strings: {"traffic_source_id":"1002592"}.
            if (e.ValueKind == JsonValueKind.String && long.TryParse(e.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n) && n > 0)
                return n;
            throw TrackDriveParameterException.Invalid(name, e.GetRawText(), PositiveIntegerRule);
        }

        private static bool TollFree(Dictionary<string, JsonElement> body)
        {
            const string name = "toll_free";
            var rule = "Must be a boolean value: " + TrackDriveSeedLists.Join(TrackDriveSeedLists.BooleanWords) + ".";
            if (!body.TryGetValue(name, out var e) || e.ValueKind == JsonValueKind.Null) throw TrackDriveParameterException.Missing(name, rule);
            switch (e.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.String: return TrackDriveParameters.BooleanWord(name, e.GetString())!.Value;
                case JsonValueKind.Number: return TrackDriveParameters.BooleanWord(name, e.GetRawText())!.Value;
                default: throw TrackDriveParameterException.Invalid(name, e.GetRawText(), rule);
            }
        }

        private static string Country(Dictionary<string, JsonElement> body)
        {
            var rule = TrackDriveParameters.OneOfRule(TrackDriveSeedLists.PurchaseCountries);
            if (!body.TryGetValue("country", out var e) || e.ValueKind == JsonValueKind.Null)
                throw TrackDriveParameterException.Missing("country", rule);
            var value = e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
            if (e.ValueKind != JsonValueKind.String || Array.IndexOf(TrackDriveSeedLists.PurchaseCountries, value) < 0)
                throw TrackDriveParameterException.Invalid("country", value, rule);
            return value;
        }

        private static IReadOnlyList<string>? TokenValues(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Null) return null;
            if (e.ValueKind != JsonValueKind.Array) throw TrackDriveParameterException.Invalid("token_values", e.GetRawText(), TokenValuesRule);
            var result = new List<string>();
            foreach (var item in e.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !TokenFilter.IsMatch(item.GetString()!))
                    throw TrackDriveParameterException.Invalid("token_values", e.GetRawText(), TokenValuesRule);
                result.Add(item.GetString()!);
            }
            return result;
        }
    }
}
