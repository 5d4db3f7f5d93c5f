using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CallTracking.Core.Json;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;
using F = CallTracking.Core.Providers.TrackDrive.TrackDriveApi.CallFields;
using N = CallTracking.Core.Providers.TrackDrive.TrackDriveApi.NumberFields;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>Reads TrackDrive JSON records into the shared model; fields not typed go to Raw.</summary>
    public sealed class TrackDriveParser
    {
        private readonly string _defaultCountry;

        // Every name a TrackDrive record may carry, so reading one allocates no string per property.
        private static readonly Utf8NameTable CallNames = new Utf8NameTable(new[] { F.Id, F.InProgress }.Concat(TrackDriveApi.CallColumns));
        private static readonly Utf8NameTable NumberNames = new Utf8NameTable(new[] { N.TollFree }.Concat(TrackDriveApi.NumberColumns));

        public TrackDriveParser(string defaultCountry) => _defaultCountry = defaultCountry;

        public CallRecord ParseCall(ref Utf8JsonReader reader)
        {
            string? id = null;
            var raw = new Dictionary<string, object?>(16, StringComparer.Ordinal);
            string? uuid = null, numberCalled = null, callerNumber = null, connectedTo = null, status = null, offer = null, trafficSource = null,
                buyer = null, city = null, country = null, recording = null, hangup = null;
            DateTimeOffset? createdAt = null, endedAt = null;
            bool? inProgress = null;
            long? total = null, answered = null, hold = null, ivr = null;
            decimal? revenue = null, payout = null, cost = null, providerCost = null;

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = CallNames.Read(ref reader);
                reader.Read();
                switch (name)
                {
                    case F.Id: id = JsonValues.ReadString(ref reader); break;
                    case F.Uuid: uuid = JsonValues.ReadString(ref reader); break;
                    case F.NumberCalled: numberCalled = JsonValues.ReadString(ref reader); break;
                    case F.CallerNumber: callerNumber = JsonValues.ReadString(ref reader); break;
                    case F.ConnectedTo: connectedTo = JsonValues.ReadString(ref reader); break;
                    case F.Status: status = JsonValues.ReadString(ref reader); break;
                    case F.InProgress: inProgress = JsonValues.ReadBoolean(ref reader); break;
                    case F.Offer: offer = JsonValues.ReadString(ref reader); break;
                    case F.TrafficSource: trafficSource = JsonValues.ReadString(ref reader); break;
                    case F.Buyer: buyer = JsonValues.ReadString(ref reader); break;
                    case F.CallerCity: city = JsonValues.ReadString(ref reader); break;
                    case F.CallerCountry: country = JsonValues.ReadString(ref reader); break;
                    case F.RecordingUrl: recording = JsonValues.ReadString(ref reader); break;
                    case F.HangupReason: hangup = JsonValues.ReadString(ref reader); break;
                    case F.CreatedAt: createdAt = JsonValues.ReadDate(ref reader, TrackDriveDates.Parse); break;
                    case F.EndedAt: endedAt = JsonValues.ReadDate(ref reader, TrackDriveDates.Parse); break;
                    case F.TotalDuration: total = JsonValues.ReadInt64(ref reader); break;
                    case F.AnsweredDuration: answered = JsonValues.ReadInt64(ref reader); break;
                    case F.HoldDuration: hold = JsonValues.ReadInt64(ref reader); break;
                    case F.IvrDuration: ivr = JsonValues.ReadInt64(ref reader); break;
                    case F.BuyerRevenue: revenue = JsonValues.ReadDecimal(ref reader); break;
                    case F.TrafficSourcePayout: payout = JsonValues.ReadDecimal(ref reader); break;
                    case F.TrackDriveCost: cost = JsonValues.ReadDecimal(ref reader); break;
                    case F.ProviderCost: providerCost = JsonValues.ReadDecimal(ref reader); break;
                    default: raw[name] = JsonValues.ReadRaw(ref reader); break;
                }
            }

            return new CallRecord(Model.ProviderName.TrackDrive, id ?? uuid ?? string.Empty, raw)
            {
                Uuid = uuid,
                CalledNumber = Phone(numberCalled),
                CallerNumber = Phone(callerNumber),
                ConnectedTo = Phone(connectedTo),
                Status = status,
                InProgress = inProgress,
                Offer = offer,
                TrafficSource = trafficSource,
                Buyer = buyer,
                CallerCity = city,
                CallerCountry = country,
                RecordingUrl = recording,
                HangupReason = hangup,
                CreatedAt = createdAt,
                EndedAt = endedAt,
                TotalDuration = Seconds(total),
                AnsweredDuration = Seconds(answered),
                HoldDuration = Seconds(hold),
                IvrDuration = Seconds(ivr),
                Revenue = revenue,
                Payout = payout,
                Cost = cost,
                ProviderCost = providerCost,
            };
        }

        public TrackingNumber ParseNumber(ref Utf8JsonReader reader)
        {
            string? id = null, number = null, name = null, country = null, createdAt = null, lastCallAt = null;
            long? offer = null, trafficSource = null, providerConfiguration = null, ringPool = null;
            bool? tollFree = null;
            IReadOnlyList<string> tokens = Array.Empty<string>();
            var raw = new Dictionary<string, object?>(12, StringComparer.Ordinal);

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var field = NumberNames.Read(ref reader);
                reader.Read();
                switch (field)
                {
                    case N.Id: id = JsonValues.ReadString(ref reader); break;
                    case N.Number: number = JsonValues.ReadString(ref reader); break;
                    case N.Name: name = JsonValues.ReadString(ref reader); break;
                    case N.Country: country = JsonValues.ReadString(ref reader); break;
                    case N.CreatedAt: createdAt = JsonValues.ReadString(ref reader); break;
                    case N.LastCallAt: lastCallAt = JsonValues.ReadString(ref reader); break;
                    case N.OfferId: offer = JsonValues.ReadInt64(ref reader); break;
                    case N.TrafficSourceId: trafficSource = JsonValues.ReadInt64(ref reader); break;
                    case N.ProviderConfigurationId: providerConfiguration = JsonValues.ReadInt64(ref reader); break;
                    case N.RingPoolId: ringPool = JsonValues.ReadInt64(ref reader); break;
                    case N.TollFree: tollFree = JsonValues.ReadBoolean(ref reader); break;
                    case N.TokenValues: tokens = JsonValues.ReadStringList(ref reader); break;
                    case N.ProviderAuthKey: reader.Skip(); break; // a credential of the number: never kept, never shown
                    default: raw[field] = JsonValues.ReadRaw(ref reader); break;
                }
            }

            var e164 = Phone(number) ?? string.Empty;
            return new TrackingNumber(Model.ProviderName.TrackDrive, id ?? e164, e164, raw)
            {
                Name = name,
                Country = country,
                TollFree = tollFree ?? (e164.Length > 0 ? IsNorthAmericanTollFree(e164) : (bool?)null),
                OfferId = offer,
                TrafficSourceId = trafficSource,
                ProviderConfigurationId = providerConfiguration,
                RingPoolId = ringPool,
                TokenValues = tokens,
                CreatedAt = TrackDriveDates.Parse(createdAt),
                LastCallAt = TrackDriveDates.Parse(lastCallAt),
            };
        }

        public CallReportRow ParseReportRow(ref Utf8JsonReader reader, string category)
        {
            string? value = null, cat = null;
            long? count = null, duration = null;
            decimal? revenue = null, payout = null, cost = null, profit = null;
            var raw = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var field = reader.GetString()!;
                reader.Read();
                switch (field)
                {
                    case TrackDriveApi.ReportFields.Category: cat = JsonValues.ReadString(ref reader); break;
                    case TrackDriveApi.ReportFields.Value: value = JsonValues.ReadString(ref reader); break;
                    case TrackDriveApi.ReportFields.Count: count = JsonValues.ReadInt64(ref reader); break;
                    case TrackDriveApi.ReportFields.TotalDuration: duration = JsonValues.ReadInt64(ref reader); break;
                    case TrackDriveApi.ReportFields.Revenue: revenue = JsonValues.ReadDecimal(ref reader); break;
                    case TrackDriveApi.ReportFields.Payout: payout = JsonValues.ReadDecimal(ref reader); break;
                    case TrackDriveApi.ReportFields.Cost: cost = JsonValues.ReadDecimal(ref reader); break;
                    case TrackDriveApi.ReportFields.Profit: profit = JsonValues.ReadDecimal(ref reader); break;
                    default: raw[field] = JsonValues.ReadRaw(ref reader); break;
                }
            }
            return new CallReportRow(Model.ProviderName.TrackDrive, cat ?? category, value ?? string.Empty, raw)
            {
                Count = count, TotalDuration = Seconds(duration), Revenue = revenue, Payout = payout, Cost = cost, Profit = profit,
            };
        }

        public CallStatistic ParseStatistic(ref Utf8JsonReader reader, string groupBy, string stat)
        {
            string? group = null;
            decimal? value = null;
            var raw = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var field = reader.GetString()!;
                reader.Read();
                switch (field)
                {
                    case TrackDriveApi.StatFields.Group: group = JsonValues.ReadString(ref reader); break;
                    case TrackDriveApi.StatFields.Value: value = JsonValues.ReadDecimal(ref reader); break;
                    default: raw[field] = JsonValues.ReadRaw(ref reader); break;
                }
            }
            return new CallStatistic(Model.ProviderName.TrackDrive, groupBy, group ?? string.Empty, stat, value ?? 0m, raw);
        }

        /// <summary>Reads {"error":…, "message":…} or {"errors":[…]} (error body shape is a gap: read leniently).</summary>
        public static (string? Code, string? Message) ReadError(ReadOnlyMemory<byte> body)
        {
            if (body.Length == 0) return (null, null);
            var reader = new Utf8JsonReader(body.Span);
            string? code = null, message = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return (null, System.Text.Encoding.UTF8.GetString(body.Slice(0, Math.Min(body.Length, 300)).ToArray()));
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case TrackDriveApi.ErrorFields.Error: code = JsonValues.ReadString(ref reader); break;
                    case TrackDriveApi.ErrorFields.Message: message = JsonValues.ReadString(ref reader); break;
                    case TrackDriveApi.ErrorFields.Errors:
                        var text = JsonValues.ReadRaw(ref reader);
                        message ??= text is string s ? s : null;
                        break;
                    default: reader.Skip(); break;
                }
            }
            return (code, message ?? code);
        }

        private string? Phone(string? value)
        {
            if (string.IsNullOrEmpty(value)) return null;
            if (IsE164(value!)) return value; // what the API sends: skip the general normaliser
            return PhoneNumberNormalizer.TryNormalize(value, _defaultCountry, out var e164, out _) ? e164 : value;
        }

        private static bool IsE164(string value)
        {
            if (value.Length < 9 || value.Length > 16 || value[0] != '+' || value[1] == '0') return false;
            for (var i = 1; i < value.Length; i++) if (value[i] < '0' || value[i] > '9') return false;
            return true;
        }

        private static TimeSpan? Seconds(long? s) => s.HasValue ? TimeSpan.FromSeconds(s.Value) : (TimeSpan?)null;

        /// <summary>NANP toll-free area codes, for a reply that does not say toll_free.</summary>
        public static bool IsNorthAmericanTollFree(string e164)
        {
            if (!e164.StartsWith("+1", StringComparison.Ordinal) || e164.Length != 12) return false;
            switch (e164.Substring(2, 3))
            {
                case "800": case "833": case "844": case "855": case "866": case "877": case "888": return true;
                default: return false;
            }
        }
    }
}
