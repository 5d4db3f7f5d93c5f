using System;
using System.Globalization;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>Dates as TrackDrive takes them ("2016-01-01 12:25:15 -0500", [calls]) and reads them back.</summary>
    public static class TrackDriveDates
    {
        public static string Format(DateTimeOffset value)
        {
            var offset = value.Offset;
            var sign = offset < TimeSpan.Zero ? "-" : "+";
            var abs = offset.Duration();
            return value.ToString(TrackDriveApi.DateFormat, CultureInfo.InvariantCulture) + " " + sign
                   + abs.Hours.ToString("00", CultureInfo.InvariantCulture) + abs.Minutes.ToString("00", CultureInfo.InvariantCulture);
        }

        // The seed's form ("2016-01-01 12:25:15 -0500", its offset made "-05:00" first), with a fraction, or with no zone.
        private static readonly string[] SeedFormats = { "yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd HH:mm:ss.FFFFFFF zzz", "yyyy-MM-dd HH:mm:ss" };

        /// <summary>
        /// Reads a date of a reply in an unambiguous form only: ISO 8601 (what JSON carries), the seed's "2016-01-01 12:25:15
        /// -0500", its " UTC" form ("2017-08-17 07:58:10 UTC"), or Unix time (seconds, or milliseconds as 13 digits). A date
        /// with no zone is UTC (the reply's own zone is the time_zone asked for, which the dates carry as their offset;
        /// the zone of the machine that reads them has nothing to do with them). Null for anything else, "01/02/2026"
        /// included (2 January or 1 February?): the parser then keeps it raw.
        /// </summary>
        public static DateTimeOffset? Parse(string? text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            if (Json.ReplyValues.TryParseIsoDate(text, out var iso)) return iso;
            if (Json.ReplyValues.TryEpoch(text, out var epoch)) return epoch;
            var t = text!;
            var n = t.Length;
            if (t.EndsWith(" UTC", StringComparison.Ordinal)) t = t.Substring(0, n - 4) + " +00:00";
            else if (n > 6 && t[n - 6] == ' ' && (t[n - 5] == '+' || t[n - 5] == '-') && IsDigits(t, n - 4, 4)) t = t.Substring(0, n - 2) + ":" + t.Substring(n - 2);
            return DateTimeOffset.TryParseExact(t, SeedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var seed) ? seed : (DateTimeOffset?)null;
        }

        private static bool IsDigits(string s, int start, int count)
        {
            for (var i = start; i < start + count; i++) if (s[i] < '0' || s[i] > '9') return false;
            return true;
        }
    }
}
