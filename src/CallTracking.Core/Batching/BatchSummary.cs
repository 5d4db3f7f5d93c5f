using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CallTracking.Core.Batching
{
    /// <summary>What a batched command did so far: requests sent, and which input rows were sent and which not.</summary>
    public sealed class BatchSummary
    {
        internal BatchSummary(string action, int requests, int planned, IEnumerable<long> sent, IEnumerable<long> notSent, IEnumerable<long> refused, bool stopped)
        {
            Action = action;
            Requests = requests;
            PlannedRequests = planned;
            SentRows = Distinct(sent);
            NotSentRows = Distinct(notSent);
            RefusedRows = Distinct(refused);
            Stopped = stopped;
        }

        public string Action { get; }
        /// <summary>Requests sent.</summary>
        public int Requests { get; }
        /// <summary>Requests planned (one per chunk; a chunk sent again without the rows a refusal named counts once here).</summary>
        public int PlannedRequests { get; }
        /// <summary>Input rows (1-based) that went out in a request.</summary>
        public IReadOnlyList<long> SentRows { get; }
        /// <summary>Input rows that were not sent (declined, -WhatIf, or the command stopped first).</summary>
        public IReadOnlyList<long> NotSentRows { get; }
        /// <summary>Input rows refused by the checks before sending (a bad value).</summary>
        public IReadOnlyList<long> RefusedRows { get; }
        public bool Stopped { get; }

        /// <summary>
        /// "Stopped after 3 of 10 requests (set call forwarding): rows 1-300 were sent; rows 301-1000 were not sent." —
        /// what a user needs to run the rest again.
        /// </summary>
        public string Describe()
        {
            var sb = new StringBuilder();
            sb.Append(Stopped ? "Stopped after " : "Sent ").Append(Requests).Append(" of ").Append(PlannedRequests).Append(PlannedRequests == 1 ? " request" : " requests")
              .Append(" (").Append(Action).Append("): ");
            sb.Append(SentRows.Count == 0 ? "no row was sent" : Rows(SentRows) + (SentRows.Count == 1 ? " was sent" : " were sent"));
            if (NotSentRows.Count > 0) sb.Append("; ").Append(Rows(NotSentRows)).Append(NotSentRows.Count == 1 ? " was not sent" : " were not sent");
            if (RefusedRows.Count > 0) sb.Append("; ").Append(Rows(RefusedRows)).Append(" failed their checks and were not sent");
            return sb.Append('.').ToString();
        }

        public override string ToString() => Describe();

        /// <summary>"row 4" or "rows 1-300, 412, 500-510" (at most 20 ranges, then "and N more").</summary>
        public static string Rows(IReadOnlyList<long> rows)
        {
            if (rows.Count == 0) return "no rows";
            var ranges = new List<string>();
            var start = rows[0];
            var previous = rows[0];
            for (var i = 1; i <= rows.Count; i++)
            {
                if (i < rows.Count && rows[i] == previous + 1) { previous = rows[i]; continue; }
                ranges.Add(start == previous ? start.ToString(CultureInfo.InvariantCulture) : start.ToString(CultureInfo.InvariantCulture) + "-" + previous.ToString(CultureInfo.InvariantCulture));
                if (i < rows.Count) start = previous = rows[i];
            }
            var shown = ranges.Take(20).ToList();
            var text = string.Join(", ", shown) + (ranges.Count > shown.Count ? " and " + (ranges.Count - shown.Count) + " more ranges" : string.Empty);
            return (rows.Count == 1 ? "row " : "rows ") + text;
        }

        private static IReadOnlyList<long> Distinct(IEnumerable<long> rows) => rows.Distinct().OrderBy(r => r).ToList();
    }
}
