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
            // Typed as read, straight onto the record: a listing of millions of calls allocates no per-field boxes and,
            // for the documented columns, no Raw dictionary (it is made only for fields this version does not know).
            var call = new CallRecord(Model.ProviderName.TrackDrive, string.Empty);
            Dictionary<string, object?>? raw = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = CallNames.Read(ref reader);
                reader.Read();
                switch (name)
                {
                    case F.Id: call.Id = JsonValues.ReadString(ref reader) ?? string.Empty; break;
                    case F.Uuid: call.Uuid = JsonValues.ReadString(ref reader); break;
                    case F.NumberCalled: call.CalledNumber = Phone(JsonValues.ReadString(ref reader)); break;
                    case F.CallerNumber: call.CallerNumber = Phone(JsonValues.ReadString(ref reader)); break;
                    case F.ConnectedTo: call.ConnectedTo = Phone(JsonValues.ReadString(ref reader)); break;
                    case F.ObfuscatedCallerNumber: call.ObfuscatedCallerNumber = JsonValues.ReadString(ref reader); break;
                    case F.Status: call.Status = JsonValues.ReadString(ref reader); break;
                    case F.InProgress: call.InProgress = JsonValues.ReadBoolean(ref reader); break;
                    case F.Offer: call.Offer = JsonValues.ReadString(ref reader); break;
                    case F.TrafficSource: call.TrafficSource = JsonValues.ReadString(ref reader); break;
                    case F.Buyer: call.Buyer = JsonValues.ReadString(ref reader); break;
                    case F.CallerCity: call.CallerCity = JsonValues.ReadString(ref reader); break;
                    case F.CallerCountry: call.CallerCountry = JsonValues.ReadString(ref reader); break;
                    case F.RecordingUrl: call.RecordingUrl = JsonValues.ReadString(ref reader); break;
                    case F.HangupReason: call.HangupReason = JsonValues.ReadString(ref reader); break;
                    case F.CreatedAt: call.CreatedAt = JsonValues.ReadDate(ref reader, TrackDriveDates.Parse); break;
                    case F.EndedAt: call.EndedAt = JsonValues.ReadDate(ref reader, TrackDriveDates.Parse); break;
                    case F.TotalDuration: call.TotalDuration = Seconds(JsonValues.ReadInt64(ref reader)); break;
                    case F.AnsweredDuration: call.AnsweredDuration = Seconds(JsonValues.ReadInt64(ref reader)); break;
                    case F.HoldDuration: call.HoldDuration = Seconds(JsonValues.ReadInt64(ref reader)); break;
                    case F.IvrDuration: call.IvrDuration = Seconds(JsonValues.ReadInt64(ref reader)); break;
                    case F.BuyerRevenue: call.Revenue = JsonValues.ReadDecimal(ref reader); break;
                    case F.TrafficSourcePayout: call.Payout = JsonValues.ReadDecimal(ref reader); break;
                    case F.TrackDriveCost: call.Cost = JsonValues.ReadDecimal(ref reader); break;
                    case F.ProviderCost: call.ProviderCost = JsonValues.ReadDecimal(ref reader); break;
                    case F.TokenValues: call.TokenValues = JsonValues.ReadStringList(ref reader); break;
                    case F.UserOfferId: call.UserOfferId = JsonValues.ReadInt64(ref reader); break;
                    case F.UserTrafficSourceId: call.UserTrafficSourceId = JsonValues.ReadInt64(ref reader); break;
                    case F.UserBuyerId: call.UserBuyerId = JsonValues.ReadInt64(ref reader); break;
                    case F.SubId: call.SubId = JsonValues.ReadString(ref reader); break;
                    case F.RingPoolId: call.RingPoolId = JsonValues.ReadInt64(ref reader); break;
                    case F.BuyerConverted: call.BuyerConverted = JsonValues.ReadBoolean(ref reader); break;
                    case F.BuyerRepeatCaller: call.BuyerRepeatCaller = JsonValues.ReadBoolean(ref reader); break;
                    case F.TrafficSourceConverted: call.TrafficSourceConverted = JsonValues.ReadBoolean(ref reader); break;
                    case F.TrafficSourceRepeatCaller: call.TrafficSourceRepeatCaller = JsonValues.ReadBoolean(ref reader); break;
                    case F.CallSid: call.CallSid = JsonValues.ReadString(ref reader); break;
                    case F.Provider: call.TelephonyProvider = JsonValues.ReadString(ref reader); break;
                    case F.OutgoingWebhooksCount: call.OutgoingWebhooksCount = JsonValues.ReadInt64(ref reader); break;
                    default: (raw ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = JsonValues.ReadRaw(ref reader); break;
                }
            }
            if (call.Id.Length == 0) call.Id = call.Uuid ?? string.Empty;
            if (raw != null) call.Raw = raw;
            return call;
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
