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

        /// <summary>Reads ISO 8601 (what JSON carries) or the seed's format; null when neither.</summary>
        public static DateTimeOffset? Parse(string? text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) && text!.IndexOf('T') > 0) return iso;
            try { return Validation.ValueParsers.ParseDateTimeOffset(text!, "date"); }
            catch (ArgumentException) { return null; }
        }
    }
}
