using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace CallTracking.Sandbox
{
    /// <summary>The ordered fault rules of a sandbox; thread-safe.</summary>
    public sealed class SandboxFaults
    {
        private readonly object _gate = new object();
        private readonly List<Entry> _entries = new List<Entry>();

        public void Add(FaultRule rule)
        {
            if (rule is null) throw new ArgumentNullException(nameof(rule));
            if (!Enum.IsDefined(typeof(FaultKind), rule.Kind))
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown fault kind.");
            if (rule.Kind == FaultKind.ServerError && (rule.StatusCode < 500 || rule.StatusCode > 599))
                throw new ArgumentOutOfRangeException(nameof(rule), rule.StatusCode, "ServerError needs a 5xx StatusCode.");
            CheckShape(rule);
            if (rule.Times < 0 || rule.SkipFirst < 0) throw new ArgumentOutOfRangeException(nameof(rule), "SkipFirst and Times must not be negative.");
            if (rule.Delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(rule), rule.Delay, "Delay must not be negative.");
            var query = ReadQueryMatches(rule.QueryMatches);
            lock (_gate) _entries.Add(new Entry(rule, query));
        }

        private static void CheckShape(FaultRule rule)
        {
            switch (rule.Kind)
            {
                case FaultKind.EchoAuthorization when rule.StatusCode < 200 || rule.StatusCode > 599:
                    throw new ArgumentOutOfRangeException(nameof(rule), rule.StatusCode, "EchoAuthorization needs a StatusCode of 200..599.");
                case FaultKind.Redirect:
                    if (Array.IndexOf(RedirectStatusCodes, rule.StatusCode) < 0)
                        throw new ArgumentOutOfRangeException(nameof(rule), rule.StatusCode, "Redirect needs a StatusCode of 301, 302, 303, 307 or 308.");
                    if (string.IsNullOrEmpty(rule.Location) || rule.Location!.IndexOfAny(new[] { '\r', '\n' }) >= 0)
                        throw new ArgumentException("Redirect needs a Location (one line).", nameof(rule));
                    break;
                case FaultKind.TrickleBody when rule.TrickleBytes < 1:
                    throw new ArgumentOutOfRangeException(nameof(rule), rule.TrickleBytes, "TrickleBody needs TrickleBytes of at least 1.");
                case FaultKind.OversizedBody when rule.ClaimedLength < 1:
                    throw new ArgumentOutOfRangeException(nameof(rule), rule.ClaimedLength, "OversizedBody needs a ClaimedLength of at least 1.");
            }
        }

        private static readonly int[] RedirectStatusCodes = { 301, 302, 303, 307, 308 };

        public void Clear()
        {
            lock (_gate) _entries.Clear();
        }

        /// <summary>Rules that can still fire.</summary>
        public int Pending
        {
            get
            {
                lock (_gate)
                {
                    var n = 0;
                    foreach (var e in _entries) if (e.Fired < e.Rule.Times) n++;
                    return n;
                }
            }
        }

        /// <summary>Counts the request against every matching rule until one fires; returns that rule or null.</summary>
        internal FaultRule? Match(Http.SandboxHttpRequest request, string? operation)
        {
            lock (_gate)
            {
                foreach (var e in _entries)
                {
                    var rule = e.Rule;
                    if (e.Fired >= rule.Times) continue;
                    if (rule.Method != null && !string.Equals(rule.Method, request.Method, StringComparison.OrdinalIgnoreCase)) continue;
                    if (rule.PathContains != null && request.RawPath.IndexOf(rule.PathContains, StringComparison.OrdinalIgnoreCase) < 0) continue;
                    if (rule.Operation != null && !string.Equals(rule.Operation, operation, StringComparison.OrdinalIgnoreCase)) continue;
                    if (!QueryHolds(e.Query, request)) continue;
                    e.Seen++;
                    // A rule still skipping lets the request through, so later rules get their chance.
                    if (e.Seen <= rule.SkipFirst) continue;
                    e.Fired++;
                    return rule;
                }
                return null;
            }
        }

        private static bool QueryHolds(KeyValuePair<string, string?>[] required, Http.SandboxHttpRequest request)
        {
            foreach (var condition in required)
            {
                var found = false;
                foreach (var pair in request.Query)
                {
                    if (!string.Equals(pair.Key, condition.Key, StringComparison.Ordinal)) continue;
                    if (condition.Value is null || string.Equals(pair.Value, condition.Value, StringComparison.Ordinal))
                    {
                        found = true;
                        break;
                    }
                }
                if (!found) return false;
            }
            return true;
        }

        /// <summary>A snapshot of the rule's pairs, so changing the dictionary later does not change the rule.</summary>
        private static KeyValuePair<string, string?>[] ReadQueryMatches(IDictionary? pairs)
        {
            if (pairs is null || pairs.Count == 0) return Array.Empty<KeyValuePair<string, string?>>();
            var result = new List<KeyValuePair<string, string?>>();
            foreach (DictionaryEntry entry in pairs)
            {
                var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(name))
                    throw new ArgumentException("FaultRule.QueryMatches needs non-empty parameter names.", "rule");
                result.Add(new KeyValuePair<string, string?>(name!, ValueText(entry.Value)));
            }
            return result.ToArray();
        }

        // Query strings spell booleans in lower case; Convert.ToString would write "True".
        private static string? ValueText(object? value) => value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

        private sealed class Entry
        {
            public Entry(FaultRule rule, KeyValuePair<string, string?>[] query)
            {
                Rule = rule;
                Query = query;
            }

            public FaultRule Rule { get; }
            public KeyValuePair<string, string?>[] Query { get; }
            public long Seen;
            public int Fired;
        }
    }
}
