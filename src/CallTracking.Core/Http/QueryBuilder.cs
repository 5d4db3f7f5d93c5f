using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CallTracking.Core.Http
{
    /// <summary>Builds a query string in the order parameters are added; repeated keys are allowed (array parameters such as sid[]).</summary>
    public sealed class QueryBuilder
    {
        private readonly List<KeyValuePair<string, string>> _pairs = new List<KeyValuePair<string, string>>();

        public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

        public QueryBuilder Add(string name, string? value)
        {
            if (value != null) _pairs.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public QueryBuilder Add(string name, long? value) => value.HasValue ? Add(name, value.Value.ToString(CultureInfo.InvariantCulture)) : this;

        public QueryBuilder Add(string name, decimal? value) => value.HasValue ? Add(name, value.Value.ToString(CultureInfo.InvariantCulture)) : this;

        public QueryBuilder Add(string name, bool? value) => value.HasValue ? Add(name, value.Value ? "true" : "false") : this;

        public QueryBuilder Set(string name, string value)
        {
            _pairs.RemoveAll(p => p.Key == name);
            return Add(name, value);
        }

        public override string ToString()
        {
            var sb = new StringBuilder();
            foreach (var p in _pairs)
            {
                if (sb.Length > 0) sb.Append('&');
                sb.Append(Escape(p.Key)).Append('=').Append(Escape(p.Value));
            }
            return sb.ToString();
        }

        /// <summary>Appends this query to a relative path.</summary>
        public string AppendTo(string path) => _pairs.Count == 0 ? path : path + (path.IndexOf('?') >= 0 ? "&" : "?") + ToString();

        private static string Escape(string s) => Uri.EscapeDataString(s).Replace("%5B%5D", "[]");
    }
}
