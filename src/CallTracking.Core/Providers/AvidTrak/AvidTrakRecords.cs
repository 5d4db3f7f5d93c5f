using System.Collections.Generic;
using N = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.NumberFields;
using S = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.SearchFields;
using C = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.CallFields;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// AvidTrak reply rows (docs/wire-avidtrak.md) as the model's objects, the same from JSON and XML: numbers as E.164,
    /// dates, money, 0/1 switches and list values typed; every other field, and every value that does not read as its
    /// type, kept in Raw as sent.
    /// </summary>
    internal static class AvidTrakRecords
    {
        public static AvidTrakTrackingNumber Number(IReadOnlyDictionary<string, object?> fields, string defaultCountry)
        {
            var row = new AvidTrakRowReader(fields, defaultCountry);
            var country = CountryOf(row, N.Country, defaultCountry);
            var sid = row.Text(N.Sid) ?? string.Empty;
            var numberText = row.Peek(N.Number);
            var number = row.E164(N.Number, country) ?? numberText ?? string.Empty;
            var type = row.OneOf(N.NumberType, AvidTrakApi.NumberTypes);
            var n = new AvidTrakTrackingNumber(sid, number)
            {
                Country = country,
                NumberType = type,
                TollFree = type is null ? (bool?)null : type == AvidTrakApi.TollNumber,
                AreaCode = row.Text(N.AreaCode),
                Channel = row.OneOf(N.Type, AvidTrakApi.Channels),
                ForwardTo = row.E164(N.ForwardNumber, country),
                Extension = row.Text(N.Extension),
                Recording = row.Flag(N.Recording),
                GreetCaller = row.Text(N.GreetCaller),
                WhisperMessage = row.Text(N.WhisperMessage),
                EnableEmail = row.Flag(N.EnableEmail),
                EmailAlerts = row.List(N.EmailAlerts),
                CreatedAt = row.Date(N.DateAdded),
            };
            if (row.Raw is { } raw) n.Raw = raw;
            return n;
        }

        public static AvidTrakAvailableNumber Available(IReadOnlyDictionary<string, object?> fields, string defaultCountry)
        {
            var row = new AvidTrakRowReader(fields, defaultCountry);
            var country = CountryOf(row, S.Country, defaultCountry);
            var numberText = row.Peek(S.Number);
            var type = row.OneOf(S.NumberType, AvidTrakApi.NumberTypes);
            var n = new AvidTrakAvailableNumber(row.E164(S.Number, country) ?? numberText ?? string.Empty)
            {
                Country = country,
                NumberType = type,
                TollFree = type is null ? (bool?)null : type == AvidTrakApi.TollNumber,
                AreaCode = row.Text(S.AreaCode),
                Region = row.Text(S.Region),
                MonthlyFee = row.Decimal(S.MonthlyFee),
            };
            if (row.Raw is { } raw) n.Raw = raw;
            return n;
        }

        public static AvidTrakCallRecord Call(IReadOnlyDictionary<string, object?> fields, string defaultCountry, bool offline)
        {
            var row = new AvidTrakRowReader(fields, defaultCountry);
            var call = new AvidTrakCallRecord(row.Text(C.CallId) ?? string.Empty)
            {
                Offline = offline,
                Sid = row.Text(C.Sid),
                CalledNumber = row.E164(C.TrackingNumber, defaultCountry),
                CallerNumber = row.E164(C.CallerNumber, defaultCountry),
                ConnectedTo = row.E164(C.ForwardNumber, defaultCountry),
                CreatedAt = row.Date(C.CallDate),
                TotalDuration = row.Seconds(C.Duration),
                Status = row.Text(C.Status),
                Channel = row.Text(C.Channel),
                Campaign = row.Text(C.Campaign),
                CallerCity = row.Text(C.City),
                CallerState = row.Text(C.State),
                RecordingUrl = row.Text(C.RecordingUrl),
            };
            if (row.Raw is { } raw) call.Raw = raw;
            return call;
        }

        /// <summary>The row's country when it is a known ISO code (it then leaves Raw), else the default; an unknown one stays in Raw.</summary>
        private static string CountryOf(AvidTrakRowReader row, string field, string defaultCountry)
        {
            var text = row.Peek(field);
            if (string.IsNullOrEmpty(text)) { row.Text(field); return defaultCountry; }
            var code = text!.ToUpperInvariant();
            if (code.Length == 2 && Validation.PhoneNumberNormalizer.IsKnownCountry(code)) { row.Text(field); return code; }
            return defaultCountry;
        }
    }
}
