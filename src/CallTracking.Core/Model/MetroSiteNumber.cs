using System;
using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>
    /// A phone number shown on a web site's metro (city) page that is swapped for tracking numbers allocated to it. Id and
    /// SiteId are the provider's site id (SiteId binds by property name to the metro cmdlets' -SiteId).
    /// </summary>
    public sealed class MetroSiteNumber : ProviderRecord
    {
        public MetroSiteNumber(string provider, string siteId, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, siteId, raw)
        {
        }

        public string SiteId => Id;
        /// <summary>The number on the web site, E.164.</summary>
        public string? SiteNumber { get; set; }
        public string? Title { get; set; }
        /// <summary>Where the allocated tracking numbers forward to, E.164.</summary>
        public string? ForwardNumber { get; set; }

        /// <summary>The tracking numbers allocated to the site number, E.164.</summary>
        public IReadOnlyList<string> TrackingNumbers
        {
            get => _trackingNumbers;
            set => _trackingNumbers = ValueList.Of(value);
        }

        private ValueList _trackingNumbers = ValueList.Empty;

        public override string Kind => "metro site number";

        public override string ToString() => SiteNumber ?? Id;
    }
}
