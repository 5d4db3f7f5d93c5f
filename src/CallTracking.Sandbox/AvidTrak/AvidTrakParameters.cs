using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox.AvidTrak
{
    /// <summary>A refused request: code 0 ("Unknown Error" in the seed's table) with a status that says why.</summary>
    internal sealed class AvidTrakRefusal : Exception
    {
        public AvidTrakRefusal(string message) : base(message) { }

        public static AvidTrakRefusal Missing(string name, string allowed) =>
            new AvidTrakRefusal("Missing parameter: " + name + " (" + allowed + ")");

        public static AvidTrakRefusal Invalid(string name, string value, string allowed) =>
            new AvidTrakRefusal("Invalid value for " + name + ": '" + value + "' (" + allowed + ")");

        public static AvidTrakRefusal InvalidSid(string sid) => new AvidTrakRefusal("Invalid SID: " + sid);
    }

    /// <summary>
    /// The query of one call, read the seed's way: names without regard to case (the seed writes Startdate, Enddate, Title),
    /// the last value of a repeated plain name, arrays as repeated "name[]" keys in order (also "name []", as the seed's own
    /// example writes it). An empty value counts as given for optional text ("" clears it) and as missing where a value is required.
    /// </summary>
    internal sealed class AvidTrakParameters
    {
        public const string PhoneRule = "a 10-digit phone number such as 4101234567";
        public const string DateRule = "YYYY-MM-DD or YYYY-MM-DD HH:MM:SS";
        public const string SidRule = "a phone number SID from list_numbers, PN followed by 32 hex characters";

        private static readonly Regex DatePattern = new Regex(@"^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$", RegexOptions.CultureInvariant);
        private static readonly Regex EmailPattern = new Regex(@"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$", RegexOptions.CultureInvariant);
        private static readonly Regex UserIdPattern = new Regex(@"^[A-Za-z0-9][A-Za-z0-9._@-]{2,49}$", RegexOptions.CultureInvariant);
        private static readonly Regex AlphanumericPattern = new Regex(@"^[A-Za-z0-9]{1,64}$", RegexOptions.CultureInvariant);

        private readonly IReadOnlyList<KeyValuePair<string, string>> _query;

        public AvidTrakParameters(SandboxHttpRequest request) => _query = request.Query;

        /// <summary>The last value of <paramref name="name"/>, or null when absent.</summary>
        public string? Get(string name) => Get(_query, name);

        public static string? Get(IReadOnlyList<KeyValuePair<string, string>> query, string name)
        {
            string? value = null;
            foreach (var pair in query)
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)) value = pair.Value;
            return value;
        }

        public bool Has(string name) => Get(name) != null;

        /// <summary>Every value of the array <paramref name="name"/>[], in order; empty when none.</summary>
        public List<string> Array(string name) => Array(_query, name);

        public static List<string> Array(IReadOnlyList<KeyValuePair<string, string>> query, string name)
        {
            var values = new List<string>();
            foreach (var pair in query)
                if (IsArrayKey(pair.Key, name)) values.Add(pair.Value);
            return values;
        }

        public bool HasArray(string name)
        {
            foreach (var pair in _query) if (IsArrayKey(pair.Key, name)) return true;
            return false;
        }

        private static bool IsArrayKey(string key, string name)
        {
            if (!key.StartsWith(name, StringComparison.OrdinalIgnoreCase)) return false;
            var rest = key.Substring(name.Length).Trim();
            return rest == "[]";
        }

        public string Required(string name, string allowed)
        {
            var value = Get(name);
            if (value is null || value.Trim().Length == 0) throw AvidTrakRefusal.Missing(name, allowed);
            return value.Trim();
        }

        /// <summary>A value of <paramref name="allowed"/>, compared without regard to case; null when absent and not required.</summary>
        public string? Enum(string name, string[] allowed, bool required)
        {
            var value = Get(name);
            if (value is null || value.Trim().Length == 0)
            {
                if (required) throw AvidTrakRefusal.Missing(name, AvidTrakCatalog.Join(allowed));
                if (value is null) return null;
            }
            var v = value!.Trim().ToLowerInvariant();
            if (System.Array.IndexOf(allowed, v) < 0) throw AvidTrakRefusal.Invalid(name, value, AvidTrakCatalog.Join(allowed));
            return v;
        }

        public bool? ZeroOne(string name)
        {
            var value = Enum(name, AvidTrakCatalog.ZeroOne, required: false);
            return value is null ? (bool?)null : value == "1";
        }

        public bool? YesNo(string name)
        {
            var value = Enum(name, AvidTrakCatalog.YesNo, required: false);
            return value is null ? (bool?)null : value == "yes";
        }

        public int Integer(string name, int min, int max)
        {
            var rule = min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture);
            var value = Required(name, rule);
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
                throw AvidTrakRefusal.Invalid(name, value, rule);
            return n;
        }

        /// <summary>A required phone number as national digits.</summary>
        public string Phone(string name) => Phone(name, Required(name, PhoneRule));

        /// <summary>An optional phone number: null when absent, "" when given empty.</summary>
        public string? OptionalPhone(string name)
        {
            var value = Get(name);
            if (value is null) return null;
            return value.Trim().Length == 0 ? "" : Phone(name, value);
        }

        /// <summary>10 digits, or 11 starting with 1 (the country code, dropped).</summary>
        public static string Phone(string name, string value)
        {
            var v = value.Trim();
            var digits = v.Length > 0 && AllDigits(v);
            if (digits && v.Length == 11 && v[0] == '1') v = v.Substring(1);
            if (!digits || v.Length != 10 || v[0] < '2') throw AvidTrakRefusal.Invalid(name, value, PhoneRule);
            return v;
        }

        /// <summary>An extension: digits only (up to 10); "" = none.</summary>
        public static string Extension(string name, string? value)
        {
            var v = (value ?? "").Trim();
            if (v.Length > 10 || (v.Length > 0 && !AllDigits(v))) throw AvidTrakRefusal.Invalid(name, value ?? "", "digits only, up to 10");
            return v;
        }

        public string? OptionalExtension(string name)
        {
            var value = Get(name);
            return value is null ? null : Extension(name, value);
        }

        /// <summary>A date of the seed's two forms; a bare date is the start of its day, or with <paramref name="endOfDay"/>
        /// its last second (an end date includes the whole day). Null when absent or empty.</summary>
        public DateTimeOffset? Date(string name, bool endOfDay)
        {
            var value = Get(name);
            if (value is null || value.Trim().Length == 0) return null;
            var m = DatePattern.Match(value.Trim());
            if (!m.Success) throw AvidTrakRefusal.Invalid(name, value, DateRule);
            int G(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
            try
            {
                if (m.Groups[4].Success)
                    return new DateTimeOffset(G(1), G(2), G(3), G(4), G(5), G(6), TimeSpan.Zero);
                var day = new DateTimeOffset(G(1), G(2), G(3), 0, 0, 0, TimeSpan.Zero);
                return endOfDay ? day.AddDays(1).AddSeconds(-1) : day;
            }
            catch (ArgumentOutOfRangeException)
            {
                throw AvidTrakRefusal.Invalid(name, value, DateRule);
            }
        }

        public static string Email(string name, string value)
        {
            var v = value.Trim();
            if (!EmailPattern.IsMatch(v)) throw AvidTrakRefusal.Invalid(name, value, "an email address");
            return v;
        }

        public static string UserId(string name, string value)
        {
            if (!UserIdPattern.IsMatch(value)) throw AvidTrakRefusal.Invalid(name, value, "3 to 50 letters, digits, '.', '_', '-' or '@', starting with a letter or digit");
            return value;
        }

        /// <summary>Never echoes the value: it is a password.</summary>
        public static string Password(string name, string value)
        {
            if (!AlphanumericPattern.IsMatch(value)) throw new AvidTrakRefusal("Invalid value for " + name + " (1 to 64 letters and digits)");
            return value;
        }

        /// <summary>Free text (a title, a greeting): control characters refused.</summary>
        public static string Text(string name, string value, int maxLength)
        {
            foreach (var c in value)
                if (char.IsControl(c)) throw AvidTrakRefusal.Invalid(name, Printable(value), "text without control characters");
            if (value.Length > maxLength) throw AvidTrakRefusal.Invalid(name, value.Substring(0, 20) + "…", "at most " + maxLength.ToString(CultureInfo.InvariantCulture) + " characters");
            return value;
        }

        public static bool IsSid(string value)
        {
            if (value.Length != 34 || value[0] != 'P' || value[1] != 'N') return false;
            for (var i = 2; i < value.Length; i++)
                if (!Uri.IsHexDigit(value[i])) return false;
            return true;
        }

        private static bool AllDigits(string s)
        {
            foreach (var c in s) if (c < '0' || c > '9') return false;
            return true;
        }

        private static string Printable(string value)
        {
            var chars = value.ToCharArray();
            for (var i = 0; i < chars.Length; i++) if (char.IsControl(chars[i])) chars[i] = '?';
            return new string(chars);
        }
    }
}
