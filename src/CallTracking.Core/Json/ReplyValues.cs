using System;
using System.Globalization;
using System.Text;

namespace CallTracking.Core.Json
{
    /// <summary>
    /// Strict readers of the text of a value a provider's reply carries (not of what a user types: that is
    /// <see cref="Validation.ValueParsers"/>). The invariant culture only, and no guessing: no thousands separator ("12,5" is
    /// not 125, "1,000" is not 1000), no white space, no currency, no date whose day and month could be swapped. What does
    /// not read is left to the caller to keep as sent.
    /// </summary>
    public static class ReplyValues
    {
        /// <summary>A whole number as JSON writes one: an optional sign and digits.</summary>
        public const NumberStyles WholeNumber = NumberStyles.AllowLeadingSign;

        /// <summary>A number as JSON writes one (sign, digits, '.' fraction, exponent), and nothing else.</summary>
        public const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

        /// <summary>The most seconds a <see cref="TimeSpan"/> holds, whole (922,337,203,685: some 29,000 years).</summary>
        public const long MaxWholeSeconds = long.MaxValue / TimeSpan.TicksPerSecond;

        private static readonly decimal MaxSeconds = (decimal)long.MaxValue / TimeSpan.TicksPerSecond;

        // Unix time: seconds as 9 or 10 digits (1973-03-03 to 2286-11-20), milliseconds as 13 digits (2001-09-09 to 2286-11-20).
        // Fewer digits could be a date written without dashes (20260102); 11 or 12 could be either unit: neither is guessed.
        private const long MinEpochSeconds = 100_000_000;
        private const long MaxEpochSeconds = 9_999_999_999;
        private const long MinEpochMilliseconds = 1_000_000_000_000;
        private const long MaxEpochMilliseconds = 9_999_999_999_999;

        // ISO 8601 / RFC 3339 as replies write it: the fraction is optional, the zone is Z, ±hh:mm or ±hhmm; no zone is UTC.
        private static readonly string[] IsoFormats =
        {
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd",
        };

        /// <summary>UTF-8 that throws <see cref="DecoderFallbackException"/> on bytes that are not UTF-8.</summary>
        internal static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

        public static bool TryParseWhole(string? text, out long value)
            => long.TryParse(text, WholeNumber, CultureInfo.InvariantCulture, out value);

        public static bool TryParseNumber(string? text, out decimal value)
            => decimal.TryParse(text, Number, CultureInfo.InvariantCulture, out value);

        /// <summary>A number of seconds as a duration: never negative, never beyond what a TimeSpan holds, exact to the tick.</summary>
        public static bool TrySeconds(long seconds, out TimeSpan? value)
        {
            if (seconds < 0 || seconds > MaxWholeSeconds)
            {
                value = null;
                return false;
            }
            value = new TimeSpan(seconds * TimeSpan.TicksPerSecond);
            return true;
        }

        /// <inheritdoc cref="TrySeconds(long, out TimeSpan?)"/>
        public static bool TrySeconds(decimal seconds, out TimeSpan? value)
        {
            if (seconds < 0 || seconds > MaxSeconds)
            {
                value = null;
                return false;
            }
            value = new TimeSpan((long)decimal.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));
            return true;
        }

        /// <summary>An invariant number string of seconds ("12.5", "1e3") as a duration.</summary>
        public static bool TrySeconds(string? text, out TimeSpan? value)
        {
            value = null;
            return TryParseNumber(text, out var seconds) && TrySeconds(seconds, out value);
        }

        /// <summary>ISO 8601 (with or without a fraction, a zone or a time); a value with no zone is taken as UTC.</summary>
        public static bool TryParseIsoDate(string? text, out DateTimeOffset value)
            => DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

        /// <summary>Unix time in seconds (9–10 digits) or milliseconds (13 digits), as the date in UTC.</summary>
        public static bool TryEpoch(long number, out DateTimeOffset? value)
        {
            value = number >= MinEpochSeconds && number <= MaxEpochSeconds ? DateTimeOffset.FromUnixTimeSeconds(number)
                : number >= MinEpochMilliseconds && number <= MaxEpochMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(number)
                : (DateTimeOffset?)null;
            return value.HasValue;
        }

        /// <summary>As <see cref="TryEpoch(long, out DateTimeOffset?)"/> for a string of digits only ("1764547200").</summary>
        public static bool TryEpoch(string? text, out DateTimeOffset? value)
        {
            value = null;
            if (string.IsNullOrEmpty(text) || text!.Length > 13) return false;
            long number = 0;
            foreach (var c in text)
            {
                if (c < '0' || c > '9') return false;
                number = number * 10 + (c - '0');
            }
            return TryEpoch(number, out value);
        }

        /// <summary>
        /// True when an ISO 8601 text ends in a zone (Z or ±hh:mm): only then is the JSON reader's own date reading taken as it
        /// is, since the reader gives a date without a zone the local offset of the machine that reads it.
        /// </summary>
        internal static bool HasZone(ReadOnlySpan<byte> iso)
        {
            var n = iso.Length;
            if (n == 0) return false;
            var last = iso[n - 1];
            if (last == (byte)'Z' || last == (byte)'z') return true;
            // "yyyy-MM-ddTHH:mm" is 16 bytes: a sign after it is the zone's, never the date's dashes.
            return n > 16 && (iso[n - 6] == (byte)'+' || iso[n - 6] == (byte)'-');
        }

        /// <summary>UTF-8 as text, false when the bytes are not UTF-8 (never a silent U+FFFD).</summary>
        public static bool TryDecodeUtf8(ReadOnlySpan<byte> utf8, out string? text)
        {
            try
            {
                text = StrictUtf8.GetString(utf8.ToArray());
                return true;
            }
            catch (DecoderFallbackException)
            {
                text = null;
                return false;
            }
        }

        /// <summary>UTF-8 as text; bytes that are not UTF-8 become U+FFFD (what a value kept as sent can show of them).</summary>
        public static string DecodeLenient(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8.ToArray());
    }
}
