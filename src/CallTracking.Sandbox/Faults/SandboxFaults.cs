using System;
using System.Collections.Generic;

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
            if (rule.Kind == FaultKind.ServerError && (rule.StatusCode < 500 || rule.StatusCode > 599))
                throw new ArgumentOutOfRangeException(nameof(rule), "ServerError needs a 5xx StatusCode.");
            if (rule.Times < 0 || rule.SkipFirst < 0) throw new ArgumentOutOfRangeException(nameof(rule), "SkipFirst and Times must not be negative.");
            lock (_gate) _entries.Add(new Entry(rule));
        }

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
        internal FaultRule? Match(string method, string path)
        {
            lock (_gate)
            {
                foreach (var e in _entries)
                {
                    var rule = e.Rule;
                    if (e.Fired >= rule.Times) continue;
                    if (rule.Method != null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
                    if (rule.PathContains != null && path.IndexOf(rule.PathContains, StringComparison.OrdinalIgnoreCase) < 0) continue;
                    e.Seen++;
                    // A rule still skipping lets the request through, so later rules get their chance.
                    if (e.Seen <= rule.SkipFirst) continue;
                    e.Fired++;
                    return rule;
                }
                return null;
            }
        }

        private sealed class Entry
        {
            public Entry(FaultRule rule) => Rule = rule;
            public FaultRule Rule { get; }
            public long Seen;
            public int Fired;
        }
    }
}
