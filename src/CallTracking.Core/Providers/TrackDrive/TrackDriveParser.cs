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
    /// <summary>
    /// Reads TrackDrive JSON records into the model, typed as read. A field that is not typed, or whose value does not read
    /// as its type ("12,5" seconds, "$1.50", "yesterday", "01/02/2026", a string that cannot be decoded, a duration beyond a
    /// TimeSpan), is kept as sent in Raw and its typed property stays null: one bad value never costs the record or the page.
    /// Durations are seconds (12.5 and 1e3 read as 12.5 s and 1000 s); dates as <see cref="TrackDriveDates.Parse"/> reads them.
    /// </summary>
    public sealed class TrackDriveParser
    {
        private readonly string _defaultCountry;

        // Values that repeat across calls (status, offer, buyer, city, tracking number…) are kept once per distinct value.
        private readonly Utf8StringCache _repeated = new Utf8StringCache();

        // The call fields this parser types, in the order of CallFieldNames: the parser switches on the index.
        private enum CallField
        {
            Id, Uuid, NumberCalled, CallerNumber, ConnectedTo, ObfuscatedCallerNumber, Status, InProgress, Offer, TrafficSource,
            Buyer, CallerCity, CallerCountry, RecordingUrl, HangupReason, CreatedAt, EndedAt, TotalDuration, AnsweredDuration,
            HoldDuration, IvrDuration, BuyerRevenue, TrafficSourcePayout, TrackDriveCost, ProviderCost, TokenValues, UserOfferId,
            UserTrafficSourceId, UserBuyerId, SubId, RingPoolId, BuyerConverted, BuyerRepeatCaller, TrafficSourceConverted,
            TrafficSourceRepeatCaller, CallSid, Provider, OutgoingWebhooksCount,
        }

        private static readonly string[] CallFieldNames =
        {
            F.Id, F.Uuid, F.NumberCalled, F.CallerNumber, F.ConnectedTo, F.ObfuscatedCallerNumber, F.Status, F.InProgress, F.Offer, F.TrafficSource,
            F.Buyer, F.CallerCity, F.CallerCountry, F.RecordingUrl, F.HangupReason, F.CreatedAt, F.EndedAt, F.TotalDuration, F.AnsweredDuration,
            F.HoldDuration, F.IvrDuration, F.BuyerRevenue, F.TrafficSourcePayout, F.TrackDriveCost, F.ProviderCost, F.TokenValues, F.UserOfferId,
            F.UserTrafficSourceId, F.UserBuyerId, F.SubId, F.RingPoolId, F.BuyerConverted, F.BuyerRepeatCaller, F.TrafficSourceConverted,
            F.TrafficSourceRepeatCaller, F.CallSid, F.Provider, F.OutgoingWebhooksCount,
        };

        // Every name a TrackDrive record may carry, so reading one allocates no string per property: the typed fields first
        // (index = CallField), then the other documented columns (kept in Raw under the shared name).
        private static readonly Utf8NameTable CallNames = new Utf8NameTable(CallFieldNames.Concat(TrackDriveApi.CallColumns));
        private static readonly Utf8NameTable NumberNames = new Utf8NameTable(new[] { N.TollFree }.Concat(TrackDriveApi.NumberColumns));

        public TrackDriveParser(string defaultCountry) => _defaultCountry = defaultCountry;

        public TrackDriveCallRecord ParseCall(ref Utf8JsonReader reader, JsonSource source)
        {
            // Straight onto the record: a listing of millions of calls allocates no per-field boxes and, for the documented
            // columns, no Raw dictionary (it is made only for fields not typed).
            var call = new TrackDriveCallRecord(string.Empty);
            var raw = new RawFields();
            var previous = -1;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var index = CallNames.Find(ref reader, ref previous);
                var name = index >= 0 ? null : JsonValues.Text(ref reader);
                reader.Read();
                bool ok;
                switch ((CallField)index)
                {
                    case CallField.Id: ok = JsonValues.TryString(ref reader, out var id); call.Id = id ?? string.Empty; break;
                    case CallField.Uuid: ok = JsonValues.TryString(ref reader, out var uuid); call.Uuid = uuid; break;
                    case CallField.NumberCalled: ok = Phone(ref reader, _repeated, out var called); call.CalledNumber = called; break;
                    case CallField.CallerNumber: ok = Phone(ref reader, null, out var caller); call.CallerNumber = caller; break;
                    case CallField.ConnectedTo: ok = Phone(ref reader, _repeated, out var target); call.ConnectedTo = target; break;
                    case CallField.ObfuscatedCallerNumber: ok = JsonValues.TryString(ref reader, out var obf); call.ObfuscatedCallerNumber = obf; break;
                    case CallField.Status: ok = JsonValues.TryString(ref reader, _repeated, out var status); call.Status = status; break;
                    case CallField.InProgress: ok = JsonValues.TryBoolean(ref reader, out var inProgress); call.InProgress = inProgress; break;
                    case CallField.Offer: ok = JsonValues.TryString(ref reader, _repeated, out var offer); call.Offer = offer; break;
                    case CallField.TrafficSource: ok = JsonValues.TryString(ref reader, _repeated, out var ts); call.TrafficSource = ts; break;
                    case CallField.Buyer: ok = JsonValues.TryString(ref reader, _repeated, out var buyer); call.Buyer = buyer; break;
                    case CallField.CallerCity: ok = JsonValues.TryString(ref reader, _repeated, out var city); call.CallerCity = city; break;
                    case CallField.CallerCountry: ok = JsonValues.TryString(ref reader, _repeated, out var country); call.CallerCountry = country; break;
                    case CallField.RecordingUrl: ok = JsonValues.TryString(ref reader, out var recording); call.RecordingUrl = recording; break;
                    case CallField.HangupReason: ok = JsonValues.TryString(ref reader, _repeated, out var hangup); call.HangupReason = hangup; break;
                    case CallField.CreatedAt: ok = JsonValues.TryDate(ref reader, TrackDriveDates.Parse, out var created); call.CreatedAt = created; break;
                    case CallField.EndedAt: ok = JsonValues.TryDate(ref reader, TrackDriveDates.Parse, out var ended); call.EndedAt = ended; break;
                    case CallField.TotalDuration: ok = JsonValues.TrySeconds(ref reader, out var total); call.TotalDuration = total; break;
                    case CallField.AnsweredDuration: ok = JsonValues.TrySeconds(ref reader, out var answered); call.AnsweredDuration = answered; break;
                    case CallField.HoldDuration: ok = JsonValues.TrySeconds(ref reader, out var hold); call.HoldDuration = hold; break;
                    case CallField.IvrDuration: ok = JsonValues.TrySeconds(ref reader, out var ivr); call.IvrDuration = ivr; break;
                    case CallField.BuyerRevenue: ok = JsonValues.TryDecimal(ref reader, out var revenue); call.Revenue = revenue; break;
                    case CallField.TrafficSourcePayout: ok = JsonValues.TryDecimal(ref reader, out var payout); call.Payout = payout; break;
                    case CallField.TrackDriveCost: ok = JsonValues.TryDecimal(ref reader, out var cost); call.Cost = cost; break;
                    case CallField.ProviderCost: ok = JsonValues.TryDecimal(ref reader, out var providerCost); call.ProviderCost = providerCost; break;
                    case CallField.TokenValues: ok = JsonValues.TryStringList(ref reader, source, _repeated, out var tokens); call.TokenValues = tokens; break;
                    case CallField.UserOfferId: ok = JsonValues.TryInt64(ref reader, out var userOffer); call.UserOfferId = userOffer; break;
                    case CallField.UserTrafficSourceId: ok = JsonValues.TryInt64(ref reader, out var userTs); call.UserTrafficSourceId = userTs; break;
                    case CallField.UserBuyerId: ok = JsonValues.TryInt64(ref reader, out var userBuyer); call.UserBuyerId = userBuyer; break;
                    case CallField.SubId: ok = JsonValues.TryString(ref reader, _repeated, out var sub); call.SubId = sub; break;
                    case CallField.RingPoolId: ok = JsonValues.TryInt64(ref reader, out var ringPool); call.RingPoolId = ringPool; break;
                    case CallField.BuyerConverted: ok = JsonValues.TryBoolean(ref reader, out var bc); call.BuyerConverted = bc; break;
                    case CallField.BuyerRepeatCaller: ok = JsonValues.TryBoolean(ref reader, out var brc); call.BuyerRepeatCaller = brc; break;
                    case CallField.TrafficSourceConverted: ok = JsonValues.TryBoolean(ref reader, out var tsc); call.TrafficSourceConverted = tsc; break;
                    case CallField.TrafficSourceRepeatCaller: ok = JsonValues.TryBoolean(ref reader, out var tsrc); call.TrafficSourceRepeatCaller = tsrc; break;
                    case CallField.CallSid: ok = JsonValues.TryString(ref reader, out var sid); call.CallSid = sid; break;
                    case CallField.Provider: ok = JsonValues.TryString(ref reader, _repeated, out var carrier); call.TelephonyProvider = carrier; break;
                    case CallField.OutgoingWebhooksCount: ok = JsonValues.TryInt64(ref reader, out var hooks); call.OutgoingWebhooksCount = hooks; break;
                    default: ok = false; break;
                }
                if (!ok) raw.Keep(name ?? CallNames[index], ref reader, source);
            }
            if (call.Id.Length == 0) call.Id = call.Uuid ?? string.Empty;
            if (raw.Result != null) call.Raw = raw.Result;
            return call;
        }

        public TrackDriveTrackingNumber ParseNumber(ref Utf8JsonReader reader, JsonSource source)
        {
            string? id = null, number = null, name = null, country = null;
            long? offer = null, trafficSource = null, providerConfiguration = null, ringPool = null;
            bool? tollFree = null;
            DateTimeOffset? createdAt = null, lastCallAt = null;
            IReadOnlyList<string> tokens = Array.Empty<string>();
            var raw = new RawFields();

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var field = NumberNames.Read(ref reader);
                reader.Read();
                bool ok;
                switch (field)
                {
                    case N.Id: ok = JsonValues.TryString(ref reader, out id); break;
                    case N.Number: ok = JsonValues.TryString(ref reader, out number); break;
                    case N.Name: ok = JsonValues.TryString(ref reader, out name); break;
                    case N.Country: ok = JsonValues.TryString(ref reader, out country); break;
                    case N.CreatedAt: ok = JsonValues.TryDate(ref reader, TrackDriveDates.Parse, out createdAt); break;
                    case N.LastCallAt: ok = JsonValues.TryDate(ref reader, TrackDriveDates.Parse, out lastCallAt); break;
                    case N.OfferId: ok = JsonValues.TryInt64(ref reader, out offer); break;
                    case N.TrafficSourceId: ok = JsonValues.TryInt64(ref reader, out trafficSource); break;
                    case N.ProviderConfigurationId: ok = JsonValues.TryInt64(ref reader, out providerConfiguration); break;
                    case N.RingPoolId: ok = JsonValues.TryInt64(ref reader, out ringPool); break;
                    case N.TollFree: ok = JsonValues.TryBoolean(ref reader, out tollFree); break;
                    case N.TokenValues: ok = JsonValues.TryStringList(ref reader, source, out tokens); break;
                    case N.ProviderAuthKey: reader.Skip(); ok = true; break; // a credential of the number: never kept, never shown
                    default: ok = false; break;
                }
                if (!ok) raw.Keep(field, ref reader, source);
            }

            // A number that does not read as one is kept as sent (and in Raw), never silently "corrected".
            var e164 = number is null ? string.Empty : PhoneNumberNormalizer.TryNormalize(number, _defaultCountry, out var normalised, out _) ? normalised! : number;
            return new TrackDriveTrackingNumber(id ?? e164, e164, raw.Result)
            {
                Name = name,
                Country = country,
                TollFree = tollFree, // null when the reply does not say: never guessed from the number
                OfferId = offer,
                TrafficSourceId = trafficSource,
                ProviderConfigurationId = providerConfiguration,
                RingPoolId = ringPool,
                TokenValues = tokens,
                CreatedAt = createdAt,
                LastCallAt = lastCallAt,
            };
        }

        public CallReportRow ParseReportRow(ref Utf8JsonReader reader, JsonSource source, string category)
        {
            string? value = null, cat = null;
            long? count = null;
            TimeSpan? duration = null;
            decimal? revenue = null, payout = null, cost = null, profit = null;
            var raw = new RawFields();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var field = JsonValues.Text(ref reader);
                reader.Read();
                bool ok;
                switch (field)
                {
                    case TrackDriveApi.ReportFields.Category: ok = JsonValues.TryString(ref reader, out cat); break;
                    case TrackDriveApi.ReportFields.Value: ok = JsonValues.TryString(ref reader, out value); break;
                    case TrackDriveApi.ReportFields.Count: ok = JsonValues.TryInt64(ref reader, out count); break;
                    case TrackDriveApi.ReportFields.TotalDuration: ok = JsonValues.TrySeconds(ref reader, out duration); break;
                    case TrackDriveApi.ReportFields.Revenue: ok = JsonValues.TryDecimal(ref reader, out revenue); break;
                    case TrackDriveApi.ReportFields.Payout: ok = JsonValues.TryDecimal(ref reader, out payout); break;
                    case TrackDriveApi.ReportFields.Cost: ok = JsonValues.TryDecimal(ref reader, out cost); break;
                    case TrackDriveApi.ReportFields.Profit: ok = JsonValues.TryDecimal(ref reader, out profit); break;
                    default: ok = false; break;
                }
                if (!ok) raw.Keep(field, ref reader, source);
            }
            return new CallReportRow(TrackDriveApi.ProviderName, cat ?? category, value ?? string.Empty, raw.Result)
            {
                Count = count, TotalDuration = duration, Revenue = revenue, Payout = payout, Cost = cost, Profit = profit,
            };
        }

        public CallStatistic ParseStatistic(ref Utf8JsonReader reader, JsonSource source, string groupBy, string stat)
        {
            string? group = null;
            decimal? value = null;
            var raw = new RawFields();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var field = JsonValues.Text(ref reader);
                reader.Read();
                bool ok;
                switch (field)
                {
                    case TrackDriveApi.StatFields.Group: ok = JsonValues.TryString(ref reader, out group); break;
                    case TrackDriveApi.StatFields.Value: ok = JsonValues.TryDecimal(ref reader, out value); break;
                    default: ok = false; break;
                }
                if (!ok) raw.Keep(field, ref reader, source);
            }
            // A missing value stays null: a made-up 0 would be read as "no revenue".
            return new CallStatistic(TrackDriveApi.ProviderName, groupBy, group ?? string.Empty, stat, value, raw.Result);
        }

        private bool Phone(ref Utf8JsonReader reader, Utf8StringCache? cache, out string? e164)
        {
            var read = cache is null ? JsonValues.TryString(ref reader, out var value) : JsonValues.TryString(ref reader, cache, out value);
            if (!read) { e164 = null; return false; }
            if (string.IsNullOrEmpty(value)) { e164 = null; return true; }
            if (PhoneNumberNormalizer.TryNormalize(value, _defaultCountry, out e164, out _)) return true;
            e164 = null;
            return false; // kept as sent in Raw
        }
    }
}
