using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>One row of a calls report grouped by a category (for example status = forwarded: 120 calls).</summary>
    public sealed class CallReportRow : ProviderRecord
    {
        public CallReportRow(string provider, string category, string value, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, category + "=" + value, raw)
        {
            Category = category;
            Value = value;
        }

        /// <summary>What the calls were grouped by (e.g. status).</summary>
        public string Category { get; }
        /// <summary>The group's value (e.g. forwarded).</summary>
        public string Value { get; }
        public long? Count { get; set; }
        public System.TimeSpan? TotalDuration { get; set; }
        public decimal? Revenue { get; set; }
        public decimal? Payout { get; set; }
        public decimal? Cost { get; set; }
        public decimal? Profit { get; set; }

        public override string Kind => "report row";

        public override string ToString() => Category + "=" + Value;
    }
}
