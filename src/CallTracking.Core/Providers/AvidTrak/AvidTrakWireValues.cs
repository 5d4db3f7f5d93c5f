using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CallTracking.Core.Json;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// Values as AvidTrak takes them (docs/wire-avidtrak.md): phone numbers as national digits ([seed] examples
    /// "4101234567"), dates as YYYY-MM-DD HH:MM:SS or YYYY-MM-DD, switches as 0/1.
    /// </summary>
    internal static class AvidTrakWire
    {
        /// <summary>A number typed in any form (+E164, national, with punctuation) as AvidTrak's national digits.</summary>
        public static string Phone(string? value, string defaultCountry, string parameterName)
            => NationalDigits(PhoneNumberNormalizer.Normalize(value, defaultCountry, parameterName), parameterName);

        /// <summary>The national significant number of an E.164 number (+14101234567 → 4101234567, +442079460018 → 2079460018).</summary>
        public static string NationalDigits(string e164, string parameterName = "Number")
            => PhoneNumberNormalizer.NationalSignificantNumber(e164, parameterName);

        /// <summary>A date as AvidTrak takes it: one rule for every method (<see cref="AvidTrakValues.Date"/>).</summary>
        public static string Date(DateTimeOffset value) => AvidTrakValues.Date(value)!;

        public static string Flag(bool value) => value ? AvidTrakApi.On : AvidTrakApi.Off;

        /// <summary>The list's own spelling of a value given in any case (null when it is not in the list).</summary>
        public static string? OneOf(string? value, IReadOnlyList<string> allowed)
        {
            if (value is null) return null;
            var v = value.Trim();
            return allowed.FirstOrDefault(a => string.Equals(a, v, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>A list value or an argument error that names the allowed values.</summary>
        public static string Required(string? value, IReadOnlyList<string> allowed, string parameterName)
            => OneOf(value, allowed) ?? throw CallTrackingArgumentException.NotInSet(parameterName, value, allowed);

        /// <summary>An ISO country code (AvidTrak's default US when none), upper case; an unknown code is an argument error.</summary>
        public static string Country(string? value, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(value)) return AvidTrakApi.DefaultCountry;
            var code = value!.Trim().ToUpperInvariant();
            if (code.Length != 2 || !PhoneNumberNormalizer.IsKnownCountry(code))
                throw new CallTrackingArgumentException(parameterName, value, "an ISO 3166-1 alpha-2 country code such as US or CA");
            return code;
        }

        /// <summary>An area code: digits only (US 410, toll-free 800; a leading zero is kept).</summary>
        public static string AreaCode(string? value, string parameterName)
        {
            var code = (value ?? string.Empty).Trim();
            if (code.Length == 0 || code.Length > 6 || code.Any(c => c < '0' || c > '9'))
                throw new CallTrackingArgumentException(parameterName, value, "an area code of digits only, such as 410 or 800");
            return code;
        }
    }

    /// <summary>
    /// One reply row of AvidTrak (an envelope row: field name → string, or a JSON number/boolean), read field by field: a
    /// field read into a typed property leaves the row; one whose value does not read as its type stays in Raw as sent
    /// (its typed property null), as does every field not typed. Empty strings are "nothing" (no value, nothing in Raw).
    /// </summary>
    internal sealed class AvidTrakRow
    {
        private readonly Dictionary<string, object?> _rest;

        public AvidTrakRow(IReadOnlyDictionary<string, object?> row)
        {
            _rest = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var pair in row) _rest[pair.Key] = pair.Value;
        }

        /// <summary>The fields not typed, and those whose values did not read.</summary>
        public IReadOnlyDictionary<string, object?> Raw => _rest;

        /// <summary>The field's text (null when absent or empty); it leaves Raw.</summary>
        public string? Text(string name)
        {
            if (!_rest.TryGetValue(name, out var value)) return null;
            _rest.Remove(name);
            var text = value is null ? null : value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture);
            return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
        }

        /// <summary>Peeks at a field's text without taking it.</summary>
        public string? Peek(string name)
            => _rest.TryGetValue(name, out var value) && value != null ? (value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture))?.Trim() : null;

        private T? Typed<T>(string name, Func<string, T?> read) where T : struct
        {
            if (!_rest.TryGetValue(name, out var value)) return null;
            var text = value is null ? null : value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(text)) { _rest.Remove(name); return null; }
            var typed = read(text!.Trim());
            if (typed.HasValue) _rest.Remove(name); // otherwise it stays in Raw as sent
            return typed;
        }

        /// <summary>A phone number as E.164 (national digits read in <paramref name="country"/>); one that does not read stays in Raw.</summary>
        public string? Phone(string name, string country)
        {
            if (!_rest.TryGetValue(name, out var value)) return null;
            var text = value is null ? null : value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(text)) { _rest.Remove(name); return null; }
            if (!PhoneNumberNormalizer.TryNormalize(text, country, out var e164, out _)) return null;
            _rest.Remove(name);
            return e164;
        }

        /// <summary>A reply date (YYYY-MM-DD HH:MM:SS, taken as UTC: docs/wire-avidtrak.md).</summary>
        public DateTimeOffset? Date(string name)
            => Typed<DateTimeOffset>(name, t => ReplyValues.TryParseIsoDate(t, out var d) ? d : (DateTimeOffset?)null);

        /// <summary>A "0"/"1" switch (a JSON true/false too).</summary>
        public bool? Flag(string name)
            => Typed<bool>(name, t => t == AvidTrakApi.On || string.Equals(t, "true", StringComparison.OrdinalIgnoreCase) ? true
                : t == AvidTrakApi.Off || string.Equals(t, "false", StringComparison.OrdinalIgnoreCase) ? false : (bool?)null);

        /// <summary>Money as a decimal ("123.45"; "$1.50" or "1,000" do not read).</summary>
        public decimal? Money(string name)
            => Typed<decimal>(name, t => ReplyValues.TryParseNumber(t, out var d) ? d : (decimal?)null);

        /// <summary>Whole or fractional seconds as a duration.</summary>
        public TimeSpan? Seconds(string name)
            => Typed<TimeSpan>(name, t => ReplyValues.TrySeconds(t, out var s) ? s : null);

        /// <summary>A value of a seed list, in the list's spelling; another value stays in Raw.</summary>
        public string? OneOf(string name, IReadOnlyList<string> allowed)
        {
            if (!_rest.TryGetValue(name, out var value)) return null;
            var text = value is null ? null : value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(text)) { _rest.Remove(name); return null; }
            var known = AvidTrakWire.OneOf(text, allowed);
            if (known != null) _rest.Remove(name);
            return known;
        }

        /// <summary>A comma-separated list.</summary>
        public IReadOnlyList<string> List(string name)
        {
            var text = Text(name);
            return text is null ? Array.Empty<string>() : text.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        }
    }
}
