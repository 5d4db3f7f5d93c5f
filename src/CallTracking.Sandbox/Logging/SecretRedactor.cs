using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallTracking.Core.Http;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox.Logging
{
    /// <summary>
    /// Blanks credentials so that nothing the sandbox keeps can leak them. Which names are secret comes from the one list
    /// shared with the core (<see cref="SecretNames"/>): JSON bodies are parsed and rewritten, form bodies and URLs are
    /// split into pairs; only text that is neither (e.g. a truncated JSON body) falls back to patterns built from that list.
    /// </summary>
    internal static class SecretRedactor
    {
        public const string Mask = "***";

        private static readonly object PatternGate = new object();
        private static Patterns? _patterns;

        public static bool IsSecret(string name) => SecretNames.IsSecret(name);

        /// <summary>Decoded query pairs with secret values masked; a repeated name keeps every value, comma-joined.</summary>
        public static IReadOnlyDictionary<string, string> RedactQuery(IEnumerable<KeyValuePair<string, string>> pairs)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in pairs)
            {
                var value = IsSecret(pair.Key) ? Mask : pair.Value;
                result[pair.Key] = result.TryGetValue(pair.Key, out var previous) ? previous + "," + value : value;
            }
            return result;
        }

        public static string RedactUrl(Uri url)
        {
            if (string.IsNullOrEmpty(url.Query)) return url.AbsoluteUri;
            return url.GetLeftPart(UriPartial.Path) + "?" + RedactForm(url.Query.Substring(1)) + url.Fragment;
        }

        public static string? RedactBody(string? body)
        {
            if (string.IsNullOrEmpty(body)) return body;
            var text = body!;
            var first = FirstNonSpace(text);
            if ((first == '{' || first == '[') && TryRedactJson(text, out var json)) return json;
            if (first != '{' && first != '[' && first != '<' && LooksLikeForm(text)) return RedactForm(text);
            return RedactText(text);
        }

        /// <summary>Free text: any "name": value or name=value of a secret name is masked.</summary>
        public static string RedactText(string text)
        {
            var patterns = CurrentPatterns();
            if (patterns is null) return text;
            var redacted = patterns.JsonMember.Replace(text, m => m.Groups[1].Value + "\"" + Mask + "\"");
            return patterns.FormPair.Replace(redacted, m => m.Groups[1].Value + Mask);
        }

        /// <summary>a=1&amp;b=2 with secret values masked; other pairs are kept exactly as sent.</summary>
        public static string RedactForm(string form)
        {
            var parts = form.Split('&');
            for (var i = 0; i < parts.Length; i++)
            {
                var eq = parts[i].IndexOf('=');
                if (eq <= 0) continue;
                string name;
                try { name = QueryString.Decode(parts[i].Substring(0, eq)); }
                catch (UriFormatException) { continue; }
                if (IsSecret(name)) parts[i] = parts[i].Substring(0, eq + 1) + Mask;
            }
            return string.Join("&", parts);
        }

        private static char FirstNonSpace(string text)
        {
            foreach (var c in text) if (!char.IsWhiteSpace(c)) return c;
            return '\0';
        }

        private static bool LooksLikeForm(string text) => text.IndexOf('=') > 0 && !text.Any(char.IsWhiteSpace);

        private static bool TryRedactJson(string text, out string redacted)
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                using var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SandboxHttpResponse.WriterOptions.Encoder }))
                    Write(writer, doc.RootElement);
                redacted = Encoding.UTF8.GetString(buffer.ToArray());
                return true;
            }
            catch (JsonException)
            {
                redacted = text;
                return false;
            }
        }

        private static void Write(Utf8JsonWriter writer, JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        if (IsSecret(property.Name)) writer.WriteString(property.Name, Mask);
                        else
                        {
                            writer.WritePropertyName(property.Name);
                            Write(writer, property.Value);
                        }
                    }
                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray()) Write(writer, item);
                    writer.WriteEndArray();
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }

        /// <summary>Patterns over the current list; rebuilt when a provider registers more names.</summary>
        private static Patterns? CurrentPatterns()
        {
            var names = SecretNames.All.Where(n => !string.IsNullOrEmpty(n)).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
            var key = string.Join("\n", names);
            lock (PatternGate)
            {
                if (_patterns != null && _patterns.Key == key) return _patterns;
                _patterns = names.Length == 0 ? null : new Patterns(key, names);
                return _patterns;
            }
        }

        private sealed class Patterns
        {
            public Patterns(string key, string[] names)
            {
                Key = key;
                // Longest first, so "private_key" is tried before "key"; "sid[]" and its encoded form count as "sid".
                var alternation = string.Join("|", names.OrderByDescending(n => n.Length).Select(Regex.Escape)) ;
                var options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
                JsonMember = new Regex("(\"(?:" + alternation + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^,}\\]\\s]+)", options);
                FormPair = new Regex("((?:^|[&?;\\s])(?:" + alternation + ")(?:\\[\\]|%5B%5D)?=)[^&\\s]*", options);
            }

            public string Key { get; }
            public Regex JsonMember { get; }
            public Regex FormPair { get; }
        }
    }
}
