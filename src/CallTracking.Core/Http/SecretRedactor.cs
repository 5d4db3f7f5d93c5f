using System;
using System.Collections.Generic;
using System.Text;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// Removes credentials from anything that may be logged or shown: query parameters named in <see cref="SecretNames"/>,
    /// user info in a URI, and known secret values (in every form the connection's authenticator lists) in free text.
    /// </summary>
    public static class SecretRedactor
    {
        public const string Mask = "***";

        public static bool IsSecretKey(string name) => SecretNames.IsSecret(name);

        public static bool IsSecretHeader(string name) => SecretNames.IsSecret(name);

        public static string RedactUri(Uri? uri)
        {
            if (uri is null) return string.Empty;
            if (!uri.IsAbsoluteUri) return RedactQueryString(uri.OriginalString);
            var builder = new StringBuilder();
            builder.Append(uri.Scheme).Append("://");
            if (!string.IsNullOrEmpty(uri.UserInfo)) builder.Append(Mask).Append('@');
            builder.Append(uri.Authority).Append(uri.AbsolutePath);
            if (uri.Query.Length > 1) builder.Append('?').Append(RedactPairs(uri.Query.Substring(1)));
            return builder.ToString();
        }

        /// <summary>Redacts a relative URL or a form body such as "a=1&amp;auth_token=x".</summary>
        public static string RedactQueryString(string text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            var q = text.IndexOf('?');
            if (q >= 0) return text.Substring(0, q + 1) + RedactPairs(text.Substring(q + 1));
            return text.IndexOf('=') >= 0 ? RedactPairs(text) : text;
        }

        private static string RedactPairs(string query)
        {
            var parts = query.Split('&');
            for (var i = 0; i < parts.Length; i++)
            {
                var eq = parts[i].IndexOf('=');
                if (eq > 0 && IsSecretKey(parts[i].Substring(0, eq))) parts[i] = parts[i].Substring(0, eq + 1) + Mask;
            }
            return string.Join("&", parts);
        }

        /// <summary>
        /// Replaces every occurrence of the given secret values in a free text (a provider's error message, say), ignoring
        /// case (a server may echo %2b for %2B); pass the longest forms first.
        /// </summary>
        public static string RedactValues(string? text, IEnumerable<string?> secrets)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var result = text!;
            foreach (var s in secrets)
            {
                if (!string.IsNullOrEmpty(s) && s!.Length >= 3) result = ReplaceIgnoringCase(result, s, Mask);
            }
            return result;
        }

        /// <summary>
        /// The forms in which <paramref name="secret"/> can come back in a reply or a message: as is, URL-encoded (both
        /// ways), JSON-escaped, HTML-encoded, and base64 (standard, unpadded and URL-safe), so an echoed header or a
        /// re-encoded body does not carry it past redaction.
        /// </summary>
        public static IEnumerable<string> EncodedForms(string? secret)
        {
            if (string.IsNullOrEmpty(secret)) yield break;
            yield return secret!;
            yield return Uri.EscapeDataString(secret!);
            yield return System.Net.WebUtility.UrlEncode(secret!);
            yield return System.Text.Json.JsonEncodedText.Encode(secret!).ToString();
            yield return System.Net.WebUtility.HtmlEncode(secret!);
            if (secret!.EndsWith("=", StringComparison.Ordinal)) yield return secret.TrimEnd('='); // a base64 form, unpadded
            if (secret.IndexOf('+') >= 0 || secret.IndexOf('/') >= 0) yield return secret.TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret!));
            yield return b64;
            yield return b64.TrimEnd('=');
            yield return b64.TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        private static string ReplaceIgnoringCase(string text, string value, string replacement)
        {
            var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return text;
            var builder = new StringBuilder(text.Length);
            var from = 0;
            while (at >= 0)
            {
                builder.Append(text, from, at - from).Append(replacement);
                from = at + value.Length;
                at = text.IndexOf(value, from, StringComparison.OrdinalIgnoreCase);
            }
            return builder.Append(text, from, text.Length - from).ToString();
        }
    }
}
