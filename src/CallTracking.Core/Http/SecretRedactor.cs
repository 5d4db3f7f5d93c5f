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

        /// <summary>Replaces every occurrence of the given secret values in a free text (a provider's error message, say).</summary>
        public static string RedactValues(string? text, IEnumerable<string?> secrets)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var result = text!;
            foreach (var s in secrets)
            {
                if (!string.IsNullOrEmpty(s) && s!.Length >= 3) result = result.Replace(s, Mask);
            }
            return result;
        }
    }
}
