using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>One statistic over grouped calls (count, revenue, profit or cost per group).</summary>
    public sealed class CallStatistic : ProviderRecord
    {
        public CallStatistic(string provider, string groupBy, string group, string stat, decimal? value, IReadOnlyDictionary<string, object?>? raw = null)
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
        /// <summary>The value; null when the reply has none for the group (never a made-up 0).</summary>
        public decimal? Value { get; }

        public override string Kind => "statistic";

        public override string ToString() => Group + ": " + (Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)");
    }
}
