using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>
    /// One receiving number of a tracking number's round-robin list: calls go to the targets in turn. Id is the provider's
    /// id of the list entry; Sid the tracking number's.
    /// </summary>
    public sealed class RoundRobinTarget : ProviderRecord
    {
        public RoundRobinTarget(string provider, string id, string sid, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, id, raw)
        {
            Sid = sid ?? string.Empty;
        }

        /// <summary>The tracking number's id (SID) the list belongs to.</summary>
        public string Sid { get; }
        /// <summary>1 for the first target of the list, in the order the provider rings them (null when not from a list).</summary>
        public int? Position { get; set; }
        /// <summary>The receiving number, E.164 (as sent when it does not read as a phone number).</summary>
        public string? ForwardNumber { get; set; }
        public string? Extension { get; set; }
        public string? Label { get; set; }
        /// <summary>True when calls ring the number's default receiving number before the list; null when the reply does not say.</summary>
        public bool? UseDefaultFirst { get; set; }

        public override string Kind => "round-robin target";

        public override string ToString() => Sid + "/" + Id;
    }
}
