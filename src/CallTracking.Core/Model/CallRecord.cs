using System;
using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>
    /// One call in a provider's call log, with what every provider reports: who called which tracking number, where the
    /// call went, its status, when and how long. A provider's own fields are typed on its subclass; the rest is Raw.
    /// </summary>
    public class CallRecord : ProviderRecord
    {
        public CallRecord(string provider, string id, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, id, raw)
        {
        }

        /// <summary>The tracking number that was called, E.164.</summary>
        public string? CalledNumber { get; set; }
        public string? CallerNumber { get; set; }
        /// <summary>Where the call was forwarded to (the target, answer point), E.164.</summary>
        public string? ConnectedTo { get; set; }
        public string? Status { get; set; }
        /// <summary>True while the call is going on; null when the provider does not say.</summary>
        public bool? InProgress { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? EndedAt { get; set; }
        public TimeSpan? TotalDuration { get; set; }
        public TimeSpan? AnsweredDuration { get; set; }
        public string? CallerCity { get; set; }
        public string? CallerCountry { get; set; }
        public string? RecordingUrl { get; set; }

        public override string Kind => "call";

        public override string ToString() => Id;
    }
}
