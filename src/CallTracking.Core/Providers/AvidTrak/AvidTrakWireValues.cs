using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CallTracking.Core.Json;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// Values as AvidTrak takes them (docs/wire-avidtrak.md): phone numbers as national digits ([seed] examples
    /// "4101234567"), dates as YYYY-MM-DD HH:MM:SS or YYYY-MM-DD, switches as 0/1.
    /// </summary>
    internal static class AvidTrakWire
    {
        /// <summary>A number typed in any form (+E164, national, with punctuation) as AvidTrak's national digits.</summary>
        public static string Phone(string? value, string defaultCountry, string parameterName)
            => NationalDigits(PhoneNumberNormalizer.Normalize(value, defaultCountry, parameterName), parameterName);

        /// <summary>The national significant number of an E.164 number (+14101234567 → 4101234567, +442079460018 → 2079460018).</summary>
        public static string NationalDigits(string e164, string parameterName = "Number")
            => PhoneNumberNormalizer.NationalSignificantNumber(e164, parameterName);

        /// <summary>A date as AvidTrak takes it: one rule for every method (<see cref="AvidTrakValues.Date"/>).</summary>
        public static string Date(DateTimeOffset value) => AvidTrakValues.Date(value)!;

        public static string Flag(bool value) => value ? AvidTrakApi.On : AvidTrakApi.Off;

        /// <summary>The list's own spelling of a value given in any case (null when it is not in the list).</summary>
        public static string? OneOf(string? value, IReadOnlyList<string> allowed)
        {
            if (value is null) return null;
            var v = value.Trim();
            return allowed.FirstOrDefault(a => string.Equals(a, v, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>A list value or an argument error that names the allowed values.</summary>
        public static string Required(string? value, IReadOnlyList<string> allowed, string parameterName)
            => OneOf(value, allowed) ?? throw CallTrackingArgumentException.NotInSet(parameterName, value, allowed);

        /// <summary>An ISO country code (AvidTrak's default US when none), upper case; an unknown code is an argument error.</summary>
        public static string Country(string? value, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(value)) return AvidTrakApi.DefaultCountry;
            var code = value!.Trim().ToUpperInvariant();
            if (code.Length != 2 || !PhoneNumberNormalizer.IsKnownCountry(code))
                throw new CallTrackingArgumentException(parameterName, value, "an ISO 3166-1 alpha-2 country code such as US or CA");
            return code;
        }

        /// <summary>An area code: digits only (US 410, toll-free 800; a leading zero is kept).</summary>
        public static string AreaCode(string? value, string parameterName)
        {
            var code = (value ?? string.Empty).Trim();
            if (code.Length == 0 || code.Length > 6 || code.Any(c => c < '0' || c > '9'))
                throw new CallTrackingArgumentException(parameterName, value, "an area code of digits only, such as 410 or 800");
            return code;
        }
    }
}
