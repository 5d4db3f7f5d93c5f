using System;
using System.Collections.Generic;
using System.Globalization;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>Deterministic phone number digits: NANP for US/CA/DO/PR, a plausible national format elsewhere.</summary>
    internal static class NumberFactory
    {
        // ITU calling codes of the purchase seed's countries.
        private static readonly Dictionary<string, int> CallingCodes = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["AR"] = 54, ["AT"] = 43, ["AU"] = 61, ["BE"] = 32, ["BG"] = 359, ["BH"] = 973, ["BR"] = 55, ["CA"] = 1, ["CH"] = 41,
            ["CL"] = 56, ["CN"] = 86, ["CO"] = 57, ["CY"] = 357, ["CZ"] = 420, ["DE"] = 49, ["DK"] = 45, ["DO"] = 1, ["EE"] = 372,
            ["ES"] = 34, ["FI"] = 358, ["FR"] = 33, ["GB"] = 44, ["GE"] = 995, ["GR"] = 30, ["HK"] = 852, ["HR"] = 385, ["HU"] = 36,
            ["ID"] = 62, ["IE"] = 353, ["IL"] = 972, ["IT"] = 39, ["JP"] = 81, ["KR"] = 82, ["LT"] = 370, ["LU"] = 352, ["LV"] = 371,
            ["MT"] = 356, ["MX"] = 52, ["MY"] = 60, ["NL"] = 31, ["NO"] = 47, ["NZ"] = 64, ["PA"] = 507, ["PE"] = 51, ["PH"] = 63,
            ["PK"] = 92, ["PL"] = 48, ["PR"] = 1, ["PT"] = 351, ["RO"] = 40, ["RU"] = 7, ["SE"] = 46, ["SG"] = 65, ["SI"] = 386,
            ["SK"] = 421, ["SV"] = 503, ["TR"] = 90, ["US"] = 1, ["ZA"] = 27,
        };

        private static readonly int[] CanadaAreaCodes = { 416, 604, 514, 403 };

        public static bool IsNanp(string country) => CallingCodes.TryGetValue(country, out var cc) && cc == 1;

        /// <summary>E.164 digits (no '+') and, for local NANP numbers, the area code.</summary>
        public static (string Digits, int? AreaCode) Make(string country, bool tollFree, ref SplitMix64 rng)
        {
            var cc = CallingCodes[country];
            if (cc == 1)
            {
                int area;
                if (tollFree) area = TrackDriveCatalog.TollFreePrefixes[rng.Next(TrackDriveCatalog.TollFreePrefixes.Length)];
                else if (country == "CA") area = CanadaAreaCodes[rng.Next(CanadaAreaCodes.Length)];
                else if (country == "DO") area = 809;
                else if (country == "PR") area = 787;
                else
                {
                    var usCities = TrackDriveCatalog.Cities;
                    do area = usCities[rng.Next(usCities.Length)].AreaCode; while (IsCanadian(area));
                }
                var exchange = 200 + rng.Next(800);
                var line = rng.Next(10000);
                var digits = "1" + area.ToString(CultureInfo.InvariantCulture) + exchange.ToString(CultureInfo.InvariantCulture)
                             + line.ToString("D4", CultureInfo.InvariantCulture);
                return (digits, tollFree ? (int?)null : area);
            }
            var national = (tollFree ? "800" : "2" + rng.Next(10).ToString(CultureInfo.InvariantCulture))
                           + rng.Next(10_000_000).ToString("D7", CultureInfo.InvariantCulture);
            return (cc.ToString(CultureInfo.InvariantCulture) + national, null);
        }

        private static bool IsCanadian(int area) => Array.IndexOf(CanadaAreaCodes, area) >= 0;

        /// <summary>"(800) 555-0100" for NANP, "+44 201234567" elsewhere.</summary>
        public static string Human(string digits, string country)
        {
            if (IsNanp(country) && digits.Length == 11)
                return "(" + digits.Substring(1, 3) + ") " + digits.Substring(4, 3) + "-" + digits.Substring(7, 4);
            var cc = CallingCodes[country].ToString(CultureInfo.InvariantCulture);
            return "+" + cc + " " + digits.Substring(cc.Length);
        }
    }
}
