using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using CallTracking.Core.Json;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// Reads one reply row (the same dictionary from JSON or XML) into typed values: strictly (invariant culture, no
    /// guessing), each field looked up by its name as sent or, failing that, in any letter case. What is not typed, and what
    /// did not read, stays in <see cref="Raw"/> as sent; a secret (a pincode, or any field named as a secret) never reaches Raw.
    /// </summary>
    internal sealed class AvidTrakRowReader
    {
        private readonly IReadOnlyDictionary<string, object?> _row;
        private readonly string _defaultCountry;
        private readonly HashSet<string> _used = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _failed = new HashSet<string>(StringComparer.Ordinal);

        public AvidTrakRowReader(IReadOnlyDictionary<string, object?> row, string defaultCountry)
        {
            _row = row ?? throw new ArgumentNullException(nameof(row));
            _defaultCountry = defaultCountry;
        }

        private bool TryGet(string name, out string key, out object? value)
        {
            if (_row.TryGetValue(name, out value)) { key = name; return true; }
            foreach (var pair in _row)
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)) { key = pair.Key; value = pair.Value; return true; }
            key = name;
            value = null;
            return false;
        }

        /// <summary>The value as text (a JSON number or boolean as its invariant text); null when absent, null or empty.</summary>
        public string? Text(string name)
        {
            if (!TryGet(name, out var key, out var value)) return null;
            _used.Add(key);
            var text = AsText(value);
            return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
        }

        private static string? AsText(object? value)
        {
            switch (value)
            {
                case null: return null;
                case string s: return s;
                case bool b: return b ? "1" : "0";
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }

        /// <summary>A whole number (JSON number or digits); null when absent or when it does not read (then kept in Raw).</summary>
        public long? Whole(string name)
        {
            if (!TryGet(name, out var key, out var value)) return null;
            _used.Add(key);
            if (value is long l) return l;
            var text = AsText(value)?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (ReplyValues.TryParseWhole(text, out var parsed)) return parsed;
            _failed.Add(key);
            return null;
        }

        /// <summary>Money or another decimal ("123.45"); "1,000" or "$1.50" do not read (kept in Raw).</summary>
        public decimal? Decimal(string name)
        {
            if (!TryGet(name, out var key, out var value)) return null;
            _used.Add(key);
            switch (value)
            {
                case long l: return l;
                case decimal d: return d;
            }
            var text = AsText(value)?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (value is string && ReplyValues.TryParseNumber(text, out var parsed)) return parsed;
            _failed.Add(key);
            return null;
        }

        /// <summary>"1"/"0", "yes"/"no", true/false; anything else is kept in Raw.</summary>
        public bool? Flag(string name)
        {
            if (!TryGet(name, out var key, out var value)) return null;
            _used.Add(key);
            if (value is bool b) return b;
            var text = AsText(value)?.Trim().ToLowerInvariant();
            switch (text)
            {
                case null: case "": return null;
                case "1": case "yes": case "true": return true;
                case "0": case "no": case "false": return false;
                default: _failed.Add(key); return null;
            }
        }

        /// <summary>A phone number as E.164 (national digits read with the connection's default country); as sent when it does not read.</summary>
        public string? Phone(string name)
        {
            var text = Text(name);
            if (text is null) return null;
            return PhoneNumberNormalizer.TryNormalize(text, _defaultCountry, out var e164, out _) ? e164 : text;
        }

        /// <summary>Comma-separated phone numbers, each as E.164 (or as sent).</summary>
        public IReadOnlyList<string> Phones(string name)
        {
            var text = Text(name);
            if (text is null) return Array.Empty<string>();
            return text.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0)
                .Select(p => PhoneNumberNormalizer.TryNormalize(p, _defaultCountry, out var e164, out _) ? e164! : p).ToList();
        }

        /// <summary>Peeks at a field's text without taking it (trimmed; null when absent or null).</summary>
        public string? Peek(string name) => TryGet(name, out _, out var value) ? AsText(value)?.Trim() : null;

        /// <summary>A value read by <paramref name="read"/>; null when absent or empty, and when it does not read (kept in Raw).</summary>
        private T? Typed<T>(string name, Func<string, T?> read) where T : struct
        {
            if (!TryGet(name, out var key, out var value)) return null;
            _used.Add(key);
            var text = AsText(value)?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            var typed = read(text!);
            if (!typed.HasValue) _failed.Add(key);
            return typed;
        }

        /// <summary>A reply date (YYYY-MM-DD HH:MM:SS, taken as UTC: docs/wire-avidtrak.md).</summary>
        public DateTimeOffset? Date(string name)
            => Typed<DateTimeOffset>(name, t => ReplyValues.TryParseIsoDate(t, out var d) ? d : (DateTimeOffset?)null);

        /// <summary>Whole or fractional seconds as a duration.</summary>
        public TimeSpan? Seconds(string name)
            => Typed<TimeSpan>(name, t => ReplyValues.TrySeconds(t, out var s) ? s : null);

        /// <summary>A phone number as E.164, national digits read in <paramref name="country"/>; null when it does not read (kept in Raw).</summary>
        public string? E164(string name, string country)
        {
            if (!TryGet(name, out var key, out var value)) return null;
            _used.Add(key);
            var text = AsText(value);
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (PhoneNumberNormalizer.TryNormalize(text, country, out var e164, out _)) return e164;
            _failed.Add(key);
            return null;
        }

        /// <summary>A value of a seed list, in the list's spelling; another value is null and kept in Raw.</summary>
        public string? OneOf(string name, IReadOnlyList<string> allowed)
        {
            if (!TryGet(name, out var key, out var value)) return null;
            _used.Add(key);
            var text = AsText(value);
            if (string.IsNullOrWhiteSpace(text)) return null;
            var known = AvidTrakWire.OneOf(text, allowed);
            if (known is null) _failed.Add(key);
            return known;
        }

        /// <summary>A comma-separated list.</summary>
        public IReadOnlyList<string> List(string name)
        {
            var text = Text(name);
            return text is null ? Array.Empty<string>() : text.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        }

        /// <summary>
        /// Takes a secret out of the row as a read-only SecureString (null when absent or empty); its field never reaches Raw.
        /// </summary>
        public SecureString? Secret(string name)
        {
            if (!TryGet(name, out var key, out var value)) return null;
            _used.Add(key);
            var text = AsText(value);
            if (string.IsNullOrEmpty(text)) return null;
            var secure = new SecureString();
            foreach (var c in text!) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>The fields not typed, and those whose typed read failed, as sent (null when there are none).</summary>
        public IReadOnlyDictionary<string, object?>? Raw
        {
            get
            {
                Dictionary<string, object?>? raw = null;
                foreach (var pair in _row)
                {
                    if (_used.Contains(pair.Key) && !_failed.Contains(pair.Key)) continue;
                    if (Http.SecretNames.IsSecret(pair.Key)) continue; // a pincode under any name the provider lists as secret

                    (raw ??= new Dictionary<string, object?>(StringComparer.Ordinal))[pair.Key] = pair.Value;
                }
                return raw;
            }
        }
    }
}
