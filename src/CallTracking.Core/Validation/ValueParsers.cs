using System;
using System.Globalization;

namespace CallTracking.Core.Validation
{
    /// <summary>
    /// Strict parsing of text that reaches a parameter from a CSV cell or a string. PowerShell's own conversion, bound by
    /// property name, turns "true" into False and "x7" into 0 without a word (powershell-facts.md 1), so every non-string
    /// parameter a CSV can feed goes through these: a value either parses exactly or is an error naming the parameter.
    /// </summary>
    public static class ValueParsers
    {
        public const string BooleanWords = "true, false, yes, no, on, off, 1, 0";

        public static bool ParseBoolean(string text, string parameterName)
        {
            if (TryParseBoolean(text, out var value)) return value;
            throw new CallTrackingArgumentException(parameterName, text, "one of: " + BooleanWords);
        }

        public static bool TryParseBoolean(string? text, out bool value)
        {
            value = false;
            switch ((text ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "true": case "yes": case "on": case "1": case "y": case "$true":
                    value = true; return true;
                case "false": case "no": case "off": case "0": case "n": case "$false":
                    value = false; return true;
                default:
                    return false;
            }
        }

        public static long ParseInt64(string text, string parameterName, long min = long.MinValue, long max = long.MaxValue)
        {
            var t = (text ?? string.Empty).Trim();
            if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
            throw new CallTrackingArgumentException(parameterName, text, RangeText("a whole number", min, max));
        }

        public static int ParseInt32(string text, string parameterName, int min = int.MinValue, int max = int.MaxValue)
            => (int)ParseInt64(text, parameterName, min, max);

        public static decimal ParseDecimal(string text, string parameterName)
        {
            var t = (text ?? string.Empty).Trim();
            if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) return v;
            throw new CallTrackingArgumentException(parameterName, text, "a number such as 12.50 (invariant culture: '.' as the decimal point)");
        }

        private static readonly string[] DateFormats =
        {
            "yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd HH:mm:ss zzzz", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
            "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "o",
        };

        /// <summary>
        /// Parses a date in ISO 8601 or the provider's "2016-01-01 12:25:15 -0500" form. A value without an offset is taken as
        /// local time, which is what a user typing a date at a console means.
        /// </summary>
        public static DateTimeOffset ParseDateTimeOffset(string text, string parameterName)
        {
            var t = (text ?? string.Empty).Trim();
            if (t.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase)) t = t.Substring(0, t.Length - 4) + " +00:00";
            // "-0500" → "-05:00" so that zzz parses it.
            if (t.Length > 5 && (t[t.Length - 5] == '+' || t[t.Length - 5] == '-') && char.IsDigit(t[t.Length - 1]) && t[t.Length - 6] == ' ')
                t = t.Substring(0, t.Length - 2) + ":" + t.Substring(t.Length - 2);
            if (DateTimeOffset.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal | DateTimeStyles.AllowWhiteSpaces, out var v)) return v;
            if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out v)) return v;
            throw new CallTrackingArgumentException(parameterName, text, "a date such as 2026-01-31, 2026-01-31T13:45:00-05:00 or 2026-01-31 13:45:00 -0500");
        }

        public static TimeSpan ParseTimeSpan(string text, string parameterName)
        {
            var t = (text ?? string.Empty).Trim();
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0) return TimeSpan.FromSeconds(seconds);
            if (TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out var ts) && ts >= TimeSpan.Zero) return ts;
            throw new CallTrackingArgumentException(parameterName, text, "a number of seconds or a duration such as 00:01:30");
        }

        private static string RangeText(string what, long min, long max)
        {
            if (min == long.MinValue && max == long.MaxValue) return what;
            if (max == long.MaxValue) return what + " of at least " + min.ToString(CultureInfo.InvariantCulture);
            return what + " from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture);
        }
    }
}
