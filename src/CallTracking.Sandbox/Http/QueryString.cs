using System;
using System.Collections.Generic;

namespace CallTracking.Sandbox.Http
{
    /// <summary>application/x-www-form-urlencoded query parsing ('+' is a space, as browsers and Rails read it).</summary>
    internal static class QueryString
    {
        public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? rawQuery)
        {
            var result = new List<KeyValuePair<string, string>>();
            if (string.IsNullOrEmpty(rawQuery)) return result;
            var q = rawQuery![0] == '?' ? rawQuery.Substring(1) : rawQuery;
            foreach (var part in q.Split('&'))
            {
                if (part.Length == 0) continue;
                var eq = part.IndexOf('=');
                var key = eq < 0 ? part : part.Substring(0, eq);
                var value = eq < 0 ? "" : part.Substring(eq + 1);
                result.Add(new KeyValuePair<string, string>(Decode(key), Decode(value)));
            }
            return result;
        }

        public static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
    }
}
