using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>One statistic over grouped calls (TrackDrive GET /calls/stats).</summary>
    public sealed class CallStatistic : ProviderRecord
    {
        public CallStatistic(ProviderName provider, string groupBy, string group, string stat, decimal value, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, groupBy + "=" + group, raw)
        {
            GroupBy = groupBy;
            Group = group;
            Stat = stat;
            Value = value;
        }

        public string GroupBy { get; }
        public string Group { get; }
        /// <summary>count, revenue, profit or cost.</summary>
        public string Stat { get; }
        public decimal Value { get; }

        public override string ToString() => Group + ": " + Value;
    }
}
