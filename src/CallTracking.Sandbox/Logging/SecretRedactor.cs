using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace CallTracking.Sandbox.Logging
{
    /// <summary>Blanks credentials so that nothing the sandbox keeps can leak them.</summary>
    internal static class SecretRedactor
    {
        public const string Mask = "***";

        private static readonly HashSet<string> SecretKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "auth_token", "pincode", "token", "api_key", "password", "signature", "private_key",
        };

        private const string KeyAlternation = "auth_token|pincode|token|api_key|password|signature|private_key";

        // JSON members: "key": "value" or "key": 123 / true.
        private static readonly Regex JsonMember = new Regex(
            "(\"(?:" + KeyAlternation + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^,}\\]\\s]+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // Form / query pairs: key=value.
        private static readonly Regex FormPair = new Regex(
            "((?:^|[&?;\\s])(?:" + KeyAlternation + ")=)[^&\\s]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static bool IsSecret(string key) => SecretKeys.Contains(key);

        public static string? RedactBody(string? body)
        {
            if (string.IsNullOrEmpty(body)) return body;
            var redacted = JsonMember.Replace(body, m => m.Groups[1].Value + "\"" + Mask + "\"");
            return FormPair.Replace(redacted, m => m.Groups[1].Value + Mask);
        }
    }
}
