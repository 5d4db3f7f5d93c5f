using System;
using System.Collections.Generic;
using System.Text;

namespace CallTracking.Core.Validation
{
    /// <summary>
    /// Turns what a user types or a CSV holds ("(800) 555-0100", "0044 20 7946 0000", "+1 800 555 0100") into E.164
    /// (+18005550100), using a default country for national numbers. Anything that cannot be a phone number is an
    /// argument error naming the parameter.
    /// </summary>
    public static class PhoneNumberNormalizer
    {
        // ITU calling codes for every country the providers' seeds list (TrackDrive purchase countries, AVANSER AU),
        // plus the NANP members that share +1.
        private static readonly Dictionary<string, string> CallingCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["AR"] = "54", ["AT"] = "43", ["AU"] = "61", ["BE"] = "32", ["BG"] = "359", ["BH"] = "973", ["BR"] = "55",
            ["CA"] = "1", ["CH"] = "41", ["CL"] = "56", ["CN"] = "86", ["CO"] = "57", ["CY"] = "357", ["CZ"] = "420",
            ["DE"] = "49", ["DK"] = "45", ["DO"] = "1", ["EE"] = "372", ["ES"] = "34", ["FI"] = "358", ["FR"] = "33",
            ["GB"] = "44", ["GE"] = "995", ["GR"] = "30", ["HK"] = "852", ["HR"] = "385", ["HU"] = "36", ["ID"] = "62",
            ["IE"] = "353", ["IL"] = "972", ["IT"] = "39", ["JP"] = "81", ["KR"] = "82", ["LT"] = "370", ["LU"] = "352",
            ["LV"] = "371", ["MT"] = "356", ["MX"] = "52", ["MY"] = "60", ["NL"] = "31", ["NO"] = "47", ["NZ"] = "64",
            ["PA"] = "507", ["PE"] = "51", ["PH"] = "63", ["PK"] = "92", ["PL"] = "48", ["PR"] = "1", ["PT"] = "351",
            ["RO"] = "40", ["RU"] = "7", ["SE"] = "46", ["SG"] = "65", ["SI"] = "386", ["SK"] = "421", ["SV"] = "503",
            ["TR"] = "90", ["US"] = "1", ["ZA"] = "27",
        };

        /// <summary>Countries whose national numbers keep their leading 0 after the calling code.</summary>
        private static readonly HashSet<string> KeepsTrunkZero = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "IT" };

        public static IEnumerable<string> KnownCountries => CallingCodes.Keys;

        /// <summary>Normalises <paramref name="value"/> to E.164 or throws a <see cref="CallTrackingArgumentException"/>.</summary>
        public static string Normalize(string? value, string defaultCountry, string parameterName)
        {
            if (!TryNormalize(value, defaultCountry, out var e164, out var reason))
            {
                throw new CallTrackingArgumentException(parameterName, value, "a phone number in E.164 form (+15551234567) or a national number of " + defaultCountry + " (" + reason + ")");
            }
            return e164!;
        }

        public static bool TryNormalize(string? value, string defaultCountry, out string? e164, out string reason)
        {
            e164 = null;
            reason = "empty";
            if (string.IsNullOrWhiteSpace(value)) return false;

            var digits = new StringBuilder(16);
            var international = false;
            var text = value!.Trim();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= '0' && c <= '9') digits.Append(c);
                else if (c == '+' && digits.Length == 0 && !international) international = true;
                else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\u00a0') continue;
                else { reason = "'" + c + "' is not allowed"; return false; }
            }

            var d = digits.ToString();
            if (!international && d.StartsWith("00", StringComparison.Ordinal))
            {
                international = true;
                d = d.Substring(2);
            }

            if (!international)
            {
                if (!CallingCodes.TryGetValue(defaultCountry ?? "US", out var code))
                {
                    reason = "unknown default country '" + defaultCountry + "'";
                    return false;
                }
                if (code == "1")
                {
                    // NANP: 10 digits, or 11 with the leading 1.
                    if (d.Length == 11 && d[0] == '1') d = d.Substring(1);
                    if (d.Length != 10) { reason = "a national number of this country has 10 digits"; return false; }
                    if (d[0] == '0' || d[0] == '1') { reason = "a North American area code cannot start with 0 or 1"; return false; }
                }
                else if (d.StartsWith("0", StringComparison.Ordinal) && !KeepsTrunkZero.Contains(defaultCountry!))
                {
                    d = d.Substring(1);
                }
                d = code + d;
            }

            if (d.Length < 8 || d.Length > 15) { reason = "E.164 numbers have 8 to 15 digits"; return false; }
            if (d[0] == '0') { reason = "a country calling code cannot start with 0"; return false; }
            e164 = "+" + d;
            reason = string.Empty;
            return true;
        }
    }
}
