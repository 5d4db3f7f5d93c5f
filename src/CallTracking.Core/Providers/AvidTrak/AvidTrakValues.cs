using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// What the user gives, as AvidTrak takes it (docs/wire-avidtrak.md "Values"): phone numbers in any form → national
    /// digits, dates → "YYYY-MM-DD" for a whole day or "YYYY-MM-DD HH:MM:SS" in UTC, switches → yes/no, and the checks
    /// that name the parameter, the value and what is allowed before anything is sent.
    /// </summary>
    internal static class AvidTrakValues
    {
        /// <summary>A phone number typed in any form, as national digits (+1 410 555 0100 → 4105550100); null when not given.</summary>
        public static string? Phone(string? value, string defaultCountry, string parameterName)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var e164 = PhoneNumberNormalizer.Normalize(value, defaultCountry, parameterName);
            return PhoneNumberNormalizer.NationalSignificantNumber(e164, parameterName);
        }

        /// <summary>As <see cref="Phone"/>, for a value that must be given.</summary>
        public static string RequiredPhone(string? value, string defaultCountry, string parameterName, string what)
            => Phone(value, defaultCountry, parameterName) ?? throw new CallTrackingArgumentException(parameterName, null, what);

        /// <summary>A name or text that must be given (trimmed).</summary>
        public static string Required(string? value, string parameterName, string what)
        {
            var text = Optional(value);
            return text ?? throw new CallTrackingArgumentException(parameterName, null, what);
        }

        /// <summary>A text value (trimmed); null when not given or blank (an empty CSV cell). Control characters are refused.</summary>
        public static string? Optional(string? value, string? parameterName = null)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var text = value!.Trim();
            if (parameterName != null && text.Any(char.IsControl))
                throw new CallTrackingArgumentException(parameterName, text.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t"), "text without control characters (line breaks, tabs)");
            return text;
        }

        /// <summary>
        /// An id AvidTrak hands out (a number's SID "PN…", a round-robin list id, a site id): one token, no spaces.
        /// </summary>
        public static string Id(string? value, string parameterName, string what)
        {
            var id = Required(value, parameterName, what);
            if (id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                throw new CallTrackingArgumentException(parameterName, id, what + " (one id without spaces)");
            return id;
        }

        /// <summary>An extension: up to 10 digits, * or #; null when not given.</summary>
        public static string? Extension(string? value, string parameterName)
        {
            var text = Optional(value);
            if (text is null) return null;
            if (text.Length > 10 || text.Any(c => !(c >= '0' && c <= '9') && c != '*' && c != '#'))
                throw new CallTrackingArgumentException(parameterName, text, "an extension of up to 10 digits (and * or #)");
            return text;
        }

        /// <summary>A value of a seed list, sent in the list's spelling (the check ignores case).</summary>
        public static string OneOf(string? value, IReadOnlyList<string> allowed, string parameterName, bool required)
        {
            var text = Optional(value);
            if (text is null)
            {
                if (required) throw new CallTrackingArgumentException(parameterName, null, "one of: " + string.Join(", ", allowed));
                return string.Empty;
            }
            foreach (var item in allowed) if (string.Equals(item, text, StringComparison.OrdinalIgnoreCase)) return item;
            throw CallTrackingArgumentException.NotInSet(parameterName, text, allowed);
        }

        /// <summary>An e-mail address (a light check: one @ with text on both sides, no spaces); null when not given.</summary>
        public static string? Email(string? value, string parameterName)
        {
            var text = Optional(value);
            if (text is null) return null;
            var at = text.IndexOf('@');
            if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                throw new CallTrackingArgumentException(parameterName, text, "an e-mail address such as ops@example.com");
            return text;
        }

        /// <summary>A web domain (example.com): no spaces, no scheme; null when not given.</summary>
        public static string? Domain(string? value, string parameterName)
        {
            var text = Optional(value);
            if (text is null) return null;
            if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || text.IndexOf("://", StringComparison.Ordinal) >= 0 || text.IndexOf('/') >= 0)
                throw new CallTrackingArgumentException(parameterName, text, "a domain such as example.com (no http://, no path)");
            return text;
        }

        /// <summary>yes/no for a tri-state switch; null (not sent) when not given.</summary>
        public static string? YesNo(bool? value) => value.HasValue ? (value.Value ? AvidTrakApi.Yes : AvidTrakApi.No) : null;

        /// <summary>
        /// A date as AvidTrak takes it [seed]: a value whose own clock time is midnight is that calendar day ("2026-01-31"), any
        /// other time is sent in UTC as "2026-01-31 13:45:00" (the account's zone is taken as UTC, as for replies: [assumed]).
        /// </summary>
        public static string? Date(DateTimeOffset? value)
        {
            if (!value.HasValue) return null;
            var v = value.Value;
            return v.TimeOfDay == TimeSpan.Zero
                ? v.ToString(AvidTrakApi.DayFormat, CultureInfo.InvariantCulture)
                : v.UtcDateTime.ToString(AvidTrakApi.TimeFormat, CultureInfo.InvariantCulture);
        }

        /// <summary>Start and end of a period: the start may not be after the end.</summary>
        public static void Period(DateTimeOffset? start, DateTimeOffset? end, string startName, string endName)
        {
            if (start.HasValue && end.HasValue && start.Value > end.Value)
                throw new CallTrackingArgumentException(startName, start.Value.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
                    "a date at or before -" + endName + " (" + end.Value.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) + ")");
        }

        /// <summary>
        /// A password: given and not empty; with <paramref name="alphanumeric"/>, letters and digits only (create_account says
        /// "Alphanumeric" [seed]). Messages never show it: the value is the mask.
        /// </summary>
        public static void Password(SecureString? value, string parameterName, bool required, bool alphanumeric)
        {
            if (value is null)
            {
                if (required) throw new CallTrackingArgumentException(parameterName, null, "the password as a SecureString (Read-Host -AsSecureString, Get-Secret, ConvertTo-SecureString)");
                return;
            }
            using var secret = new SecretValue(value);
            if (secret.IsEmpty) throw new CallTrackingArgumentException(parameterName, SecretRedactor.Mask, "a password that is not empty");
            if (alphanumeric && !secret.Use(s => s.All(char.IsLetterOrDigit)))
                throw new CallTrackingArgumentException(parameterName, SecretRedactor.Mask, "letters and digits only (AvidTrak passwords are alphanumeric)");
        }

        /// <summary>The password's text, for the moment the query is built (it is redacted by name in every log line and error).</summary>
        public static string Plain(SecureString value)
        {
            using var secret = new SecretValue(value);
            return secret.Use(s => s);
        }

        /// <summary>The list's items, trimmed, blanks left out (a CSV's "a;;b" split); null or empty → empty.</summary>
        public static IReadOnlyList<string> Items(IReadOnlyList<string>? values)
            => values is null ? Array.Empty<string>() : values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();

        /// <summary>Several SIDs, each checked; at least one.</summary>
        public static IReadOnlyList<string> Sids(IReadOnlyList<string>? values, string parameterName)
        {
            var sids = Items(values);
            if (sids.Count == 0) throw new CallTrackingArgumentException(parameterName, null, "one or more tracking number SIDs (PN…, from Get-TrackingNumber)");
            return sids.Select(s => Id(s, parameterName, "a tracking number SID (PN…, from Get-TrackingNumber)")).ToList();
        }

        /// <summary>Describes a list for -WhatIf: the first few and how many more.</summary>
        public static string Few(IReadOnlyList<string> items, int shown = 5)
            => items.Count <= shown ? string.Join(", ", items) : string.Join(", ", items.Take(shown)) + " and " + (items.Count - shown).ToString(CultureInfo.InvariantCulture) + " more";
    }
}
