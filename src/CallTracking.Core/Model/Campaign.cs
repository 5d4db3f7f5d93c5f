using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>
    /// A campaign tracked by one number (an offline campaign: print, TV, radio): its title, the tracking number, where its
    /// calls go, and how many calls it had in the period asked for.
    /// </summary>
    public sealed class Campaign : ProviderRecord
    {
        public Campaign(string provider, string id, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, id, raw)
        {
        }

        public string? Title { get; set; }
        /// <summary>The tracking number's id (SID).</summary>
        public string? Sid { get; set; }
        /// <summary>The tracking number, E.164.</summary>
        public string? Number { get; set; }
        /// <summary>A caption for the ad group the campaign belongs to.</summary>
        public string? AdGroup { get; set; }
        /// <summary>Where the campaign's calls are forwarded, E.164.</summary>
        public string? ForwardNumber { get; set; }
        public string? Extension { get; set; }
        /// <summary>Calls in the period asked for (null when the reply does not say).</summary>
        public long? Calls { get; set; }

        public override string Kind => "campaign";

        public override string ToString() => string.IsNullOrEmpty(Title) ? Id : Title!;
    }
}
