using System;
using System.Globalization;
using System.Text.RegularExpressions;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>A rejected parameter; becomes 422 invalid_parameter naming the parameter, its value and what is allowed.</summary>
    internal sealed class TrackDriveParameterException : Exception
    {
        public TrackDriveParameterException(string message) : base(message) { }

        public static TrackDriveParameterException Invalid(string name, string? value, string allowed) =>
            new TrackDriveParameterException(
                "Invalid parameter " + name + ": " + (value is null ? "(missing)" : "'" + value + "'") + ". " + allowed);

        public static TrackDriveParameterException Missing(string name, string allowed) =>
            new TrackDriveParameterException("Missing required parameter " + name + ". " + allowed);
    }

    /// <summary>Seed-rule parsing of query values; each method throws <see cref="TrackDriveParameterException"/>.</summary>
    internal static class TrackDriveParameters
    {
        public const string DateRule = "Must be a date formatted like 2016-01-01 12:25:15 -0500 (or 2017-08-17 07:58:10 UTC).";
        public const string DecimalRule = "Must be a decimal number.";

        private static readonly Regex DatePattern = new Regex(
            @"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) (?:([+-])(\d{2})(\d{2})|UTC)$",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly Regex DecimalPattern = new Regex(@"^[0-9]{1,18}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static string OneOfRule(string[] list) => "Must be one of: " + TrackDriveSeedLists.Join(list) + ".";

        public static string? Enum(SandboxHttpRequest request, string name, string[] allowed, bool required = false)
        {
            var value = request.Get(name);
            if (value is null)
            {
                if (required) throw TrackDriveParameterException.Missing(name, OneOfRule(allowed));
                return null;
            }
            if (Array.IndexOf(allowed, value) < 0) throw TrackDriveParameterException.Invalid(name, value, OneOfRule(allowed));
            return value;
        }

        public static bool? FilterBoolean(SandboxHttpRequest request, string name)
        {
            var value = Enum(request, name, TrackDriveSeedLists.FilterBooleans);
            return value is null ? (bool?)null : value == "true";
        }

        /// <summary>The seed's boolean words (root, toll_free): 1, true, yes, on, 0, false, no, off.</summary>
        public static bool? BooleanWord(string name, string? value)
        {
            if (value is null) return null;
            var v = value.Trim().ToLowerInvariant();
            if (Array.IndexOf(TrackDriveSeedLists.BooleanWordsTrue, v) >= 0) return true;
            if (Array.IndexOf(TrackDriveSeedLists.BooleanWordsFalse, v) >= 0) return false;
            throw TrackDriveParameterException.Invalid(name, value,
                "Must be a boolean value: " + TrackDriveSeedLists.Join(TrackDriveSeedLists.BooleanWords) + ".");
        }

        public static long? Decimal(SandboxHttpRequest request, string name)
        {
            var value = request.Get(name);
            if (value is null) return null;
            if (!DecimalPattern.IsMatch(value)) throw TrackDriveParameterException.Invalid(name, value, DecimalRule);
            return long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        /// <summary>"Must be a number": an integer within [min, max].</summary>
        public static long? Number(SandboxHttpRequest request, string name, long min, long max, string rule)
        {
            var value = request.Get(name);
            if (value is null) return null;
            if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
                throw TrackDriveParameterException.Invalid(name, value, rule);
            return n;
        }

        public static DateTimeOffset? Date(SandboxHttpRequest request, string name, bool required = false)
        {
            var value = request.Get(name);
            if (value is null)
            {
                if (required) throw TrackDriveParameterException.Missing(name, DateRule);
                return null;
            }
            if (TryParseDate(value, out var date)) return date;
            throw TrackDriveParameterException.Invalid(name, value, DateRule);
        }

        public static bool TryParseDate(string value, out DateTimeOffset date)
        {
            date = default;
            var m = DatePattern.Match(value);
            if (!m.Success) return false;
            int G(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
            var offset = TimeSpan.Zero;
            if (m.Groups[7].Success)
            {
                var hours = G(8);
                var minutes = G(9);
                if (hours > 14 || minutes > 59) return false;
                offset = new TimeSpan(hours, minutes, 0);
                if (m.Groups[7].Value == "-") offset = -offset;
            }
            try
            {
                date = new DateTimeOffset(G(1), G(2), G(3), G(4), G(5), G(6), offset);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        /// <summary>per_page: default 25, 1..1000 (contract gap: the maximum).</summary>
        public static int PerPage(SandboxHttpRequest request) =>
            (int)(Number(request, "per_page", 1, 1000, "Must be a number from 1 to 1000.") ?? 25);

        public static long? Page(SandboxHttpRequest request) =>
            Number(request, "page", 1, int.MaxValue, "Must be a number from 1 up.");

        /// <summary>format: `.csv`/`.json` suffix or format=; returns true for CSV.</summary>
        public static bool IsCsv(SandboxHttpRequest request, string? suffixFormat, string[] allowed)
        {
            var format = request.Get("format");
            if (format != null && Array.IndexOf(allowed, format) < 0)
                throw TrackDriveParameterException.Invalid("format", format, OneOfRule(allowed));
            if (suffixFormat != null && Array.IndexOf(allowed, suffixFormat) < 0)
                throw TrackDriveParameterException.Invalid("format", suffixFormat, OneOfRule(allowed));
            return (format ?? suffixFormat) == "csv";
        }

        /// <summary>columns=a,b: every entry must be in the list; null when absent.</summary>
        public static bool[]? Columns(SandboxHttpRequest request, string[] allowed)
        {
            var value = request.Get("columns");
            if (value is null) return null;
            var selected = new bool[allowed.Length];
            foreach (var raw in value.Split(','))
            {
                var name = raw.Trim();
                if (name.Length == 0) continue;
                // "id" is always returned; the calls seed does not list it, so accept it without complaint.
                if (name == "id") continue;
                var i = Array.IndexOf(allowed, name);
                if (i < 0)
                    throw TrackDriveParameterException.Invalid("columns", value,
                        "Must be any combination of: " + TrackDriveSeedLists.Join(allowed) + ".");
                selected[i] = true;
            }
            return selected;
        }
    }
}
