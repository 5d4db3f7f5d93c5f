using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>
    /// A web site phone number on (or taken off) the list of numbers that the provider's script swaps for tracking numbers
    /// (dynamic number insertion).
    /// </summary>
    public sealed class SmartReplacementNumber : ProviderRecord
    {
        public SmartReplacementNumber(string provider, string sitePhone, bool listed, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, sitePhone, raw)
        {
            SitePhone = sitePhone ?? string.Empty;
            Listed = listed;
        }

        /// <summary>The web site's number, E.164.</summary>
        public string SitePhone { get; }
        /// <summary>True when the number was added to the list, false when it was removed.</summary>
        public bool Listed { get; }

        public override string Kind => "smart replacement number";

        public override string ToString() => SitePhone;
    }
}
