using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>Visits and calls for one keyword of one marketing channel (a search engine's paid or organic results).</summary>
    public sealed class VisitDataRow : ProviderRecord
    {
        public VisitDataRow(string provider, string channel, string keyword, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, channel + ":" + keyword, raw)
        {
            Channel = channel ?? string.Empty;
            Keyword = keyword ?? string.Empty;
        }

        /// <summary>The marketing channel as the provider names it.</summary>
        public string Channel { get; }
        public string Keyword { get; }
        public long? Visits { get; set; }
        public long? Calls { get; set; }

        public override string Kind => "visit data row";

        public override string ToString() => Channel + ":" + Keyword;
    }
}
