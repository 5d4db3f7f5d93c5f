using System;
using System.Collections.Generic;
using System.Linq;
using PhoneNumbers;

namespace CallTracking.Core.Validation
{
    /// <summary>
    /// Turns what a user types, a CSV holds or a provider sends ("(800) 555-0100", "0044 20 7946 0000", "+44 (0)20 7946
    /// 0018", "+61-0290088888" as some providers send it) into E.164 (+442079460018), through libphonenumber (Google's metadata for every
    /// country, trunk prefixes included), with a default country for national numbers. Anything that cannot be a phone
    /// number is an argument error naming the parameter.
    /// </summary>
    public static class PhoneNumberNormalizer
    {
        // Loading the metadata takes a moment: only when a number needs more than the fast path.
        private static readonly Lazy<PhoneNumberUtil> Util = new Lazy<PhoneNumberUtil>(PhoneNumberUtil.GetInstance);
        private static readonly Lazy<HashSet<string>> Regions = new Lazy<HashSet<string>>(
            () => new HashSet<string>(Util.Value.GetSupportedRegions(), StringComparer.OrdinalIgnoreCase));

        /// <summary>Every ISO 3166-1 alpha-2 region libphonenumber knows a calling code for.</summary>
        public static IEnumerable<string> KnownCountries => Regions.Value.OrderBy(r => r, StringComparer.Ordinal);

        public static bool IsKnownCountry(string? country) => !string.IsNullOrWhiteSpace(country) && Regions.Value.Contains(country!.Trim());

        /// <summary>Normalises <paramref name="value"/> to E.164 or throws a <see cref="CallTrackingArgumentException"/>.</summary>
        public static string Normalize(string? value, string defaultCountry, string parameterName)
        {
            if (!TryNormalize(value, defaultCountry, out var e164, out var reason))
                throw new CallTrackingArgumentException(parameterName, value, "a phone number in E.164 form (+15551234567) or a national number of " + defaultCountry + " (" + reason + ")");
            return e164!;
        }

        public static bool TryNormalize(string? value, string defaultCountry, out string? e164, out string reason)
        {
            e164 = null;
            reason = "empty";
            if (string.IsNullOrWhiteSpace(value)) return false;
            var text = value!.Trim();
            if (IsNorthAmericanE164(text))
            {
                e164 = text; // what the providers send most: skip the metadata
                reason = string.Empty;
                return true;
            }

            // Only what a phone number is written with: libphonenumber would otherwise read "abc123" as a number.
            var plus = false;
            var digits = 0;
            foreach (var c in text)
            {
                if (c >= '0' && c <= '9') digits++;
                else if (c == '+' && digits == 0 && !plus) plus = true;
                else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\u00a0') continue;
                else { reason = "'" + c + "' is not allowed"; return false; }
            }
            if (digits < 3) { reason = "too few digits"; return false; }
            // "00" is the international prefix of most of the world; libphonenumber only knows the default country's.
            if (!plus && text.StartsWith("00", StringComparison.Ordinal)) text = "+" + text.Substring(2);

            var region = (defaultCountry ?? "US").Trim().ToUpperInvariant();
            if (!text.StartsWith("+", StringComparison.Ordinal) && !IsKnownCountry(region)) { reason = "unknown default country '" + defaultCountry + "'"; return false; }
            try
            {
                var util = Util.Value;
                var number = util.Parse(text, region);
                var possible = util.IsPossibleNumberWithReason(number);
                if (possible == PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY) { reason = "a local number without its area code"; return false; }
                if (possible != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) { reason = Describe(possible); return false; }
                // Possible by length is not enough where the plan is strict: a North American area code never starts with 0 or 1.
                // Elsewhere a possible number is accepted, so a range newer than the metadata still works.
                var national = util.GetNationalSignificantNumber(number); // with any leading zero
                if (number.CountryCode == 1 && !util.IsValidNumber(number) && (national[0] == '0' || national[0] == '1'))
                {
                    reason = "a North American area code cannot start with 0 or 1";
                    return false;
                }
                e164 = util.Format(number, PhoneNumberFormat.E164);
                reason = string.Empty;
                return true;
            }
            catch (NumberParseException ex)
            {
                reason = ex.ErrorType == ErrorType.INVALID_COUNTRY_CODE ? "no such country calling code" : ex.ErrorType == ErrorType.NOT_A_NUMBER ? "not a phone number" : "too short or too long";
                return false;
            }
        }

        /// <summary>
        /// The national significant number of an E.164 number, the digits a provider that takes national numbers expects:
        /// +14105550100 → 4105550100, +442079460018 → 2079460018 (no trunk prefix). Throws an argument error naming
        /// <paramref name="parameterName"/> for anything that is not E.164 (normalise first).
        /// </summary>
        public static string NationalSignificantNumber(string e164, string parameterName)
        {
            if (e164 != null && IsNorthAmericanE164(e164)) return e164.Substring(2);
            try
            {
                var util = Util.Value;
                if (e164 is null || !e164.StartsWith("+", StringComparison.Ordinal)) throw new NumberParseException(ErrorType.INVALID_COUNTRY_CODE, "not E.164");
                return util.GetNationalSignificantNumber(util.Parse(e164, "ZZ"));
            }
            catch (NumberParseException)
            {
                throw new CallTrackingArgumentException(parameterName, e164, "a phone number in E.164 form (+15551234567)");
            }
        }

        /// <summary>
        /// The country calling code and the number as dialled inside its country, trunk prefix included where the country
        /// uses one: +61289996235 → (61, 0289996235), +611800100000 → (61, 1800100000), +442079460018 → (44, 02079460018).
        /// Throws an argument error naming <paramref name="parameterName"/> for anything that is not E.164.
        /// </summary>
        public static (int CountryCode, string NationalDialled) NationalDialled(string e164, string parameterName)
        {
            try
            {
                var util = Util.Value;
                if (e164 is null || !e164.StartsWith("+", StringComparison.Ordinal)) throw new NumberParseException(ErrorType.INVALID_COUNTRY_CODE, "not E.164");
                var number = util.Parse(e164, "ZZ");
                var national = new string(util.Format(number, PhoneNumberFormat.NATIONAL).Where(char.IsDigit).ToArray());
                return (number.CountryCode, national.Length == 0 ? util.GetNationalSignificantNumber(number) : national);
            }
            catch (NumberParseException)
            {
                throw new CallTrackingArgumentException(parameterName, e164, "a phone number in E.164 form (+15551234567)");
            }
        }

        /// <summary>+1 and ten digits with an area code that starts 2–9: already E.164.</summary>
        private static bool IsNorthAmericanE164(string s)
        {
            if (s.Length != 12 || s[0] != '+' || s[1] != '1' || s[2] < '2' || s[2] > '9') return false;
            for (var i = 2; i < 12; i++) if (s[i] < '0' || s[i] > '9') return false;
            return true;
        }

        private static string Describe(PhoneNumberUtil.ValidationResult result)
        {
            switch (result)
            {
                case PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE: return "no such country calling code";
                case PhoneNumberUtil.ValidationResult.TOO_SHORT: return "too few digits for that country";
                case PhoneNumberUtil.ValidationResult.TOO_LONG: return "too many digits for that country";
                default: return "not a possible number for that country";
            }
        }
    }
}
