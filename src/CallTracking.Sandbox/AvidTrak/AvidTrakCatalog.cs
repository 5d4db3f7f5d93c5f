using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.Sandbox.AvidTrak
{
    /// <summary>The emulator's fixed lists: the seed's enums, and the place names, keywords and titles generated data draws on.</summary>
    internal static class AvidTrakCatalog
    {
        // ---- The seed's enums.
        public static readonly string[] NumberTypes = { "toll", "local" };
        public static readonly string[] AccountTypes = { "pro", "lite" };
        public static readonly string[] AssignmentTypes = { "assigned", "unassigned", "all" };

        /// <summary>assign_number's types, in the seed's order.</summary>
        public static readonly string[] Channels = { "gppc", "gseo", "yppc", "yseo", "bppc", "bseo", "direct", "universal", "lite", "linksource" };

        /// <summary>visit_data's filters (the search-engine channels).</summary>
        public static readonly string[] VisitFilters = { "gppc", "gseo", "yppc", "yseo", "bppc", "bseo" };

        public static readonly string[] ForwardingTypes = { "pro", "lite", "sid" };
        public static readonly string[] Locations = { "telco", "agency" };
        public static readonly string[] SmartReplacementActions = { "add", "delete" };
        public static readonly string[] YesNo = { "yes", "no" };
        public static readonly string[] ZeroOne = { "0", "1" };
        public static readonly string[] Formats = { "json", "xml" };

        /// <summary>The countries whose numbers the sandbox sells (ISO 3166-1 alpha-2; the seed's default is US).</summary>
        public static readonly string[] Countries = { "US", "CA" };

        /// <summary>Toll-free prefixes (search_number's area_code for number_type toll).</summary>
        public static readonly string[] TollPrefixes = { "800", "833", "844", "855", "866", "877", "888" };

        /// <summary>Canadian area codes (the rest of the NANP's geographic codes are taken as US).</summary>
        public static readonly HashSet<string> CanadianAreaCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "204", "226", "236", "249", "250", "263", "289", "306", "343", "354", "365", "367", "368", "382", "403", "416", "418",
            "428", "431", "437", "438", "450", "468", "474", "506", "514", "519", "548", "579", "581", "584", "587", "604", "613",
            "639", "647", "672", "683", "705", "709", "742", "753", "778", "780", "782", "807", "819", "825", "867", "873", "879",
            "902", "905",
        };

        /// <summary>Area codes with a place name, the ones initial numbers, callers and generated data use.</summary>
        public static readonly (string AreaCode, string City, string State)[] Places =
        {
            ("410", "Baltimore", "MD"), ("212", "New York", "NY"), ("213", "Los Angeles", "CA"), ("312", "Chicago", "IL"),
            ("713", "Houston", "TX"), ("602", "Phoenix", "AZ"), ("215", "Philadelphia", "PA"), ("210", "San Antonio", "TX"),
            ("619", "San Diego", "CA"), ("214", "Dallas", "TX"), ("305", "Miami", "FL"), ("404", "Atlanta", "GA"),
            ("617", "Boston", "MA"), ("206", "Seattle", "WA"), ("303", "Denver", "CO"), ("702", "Las Vegas", "NV"),
            ("503", "Portland", "OR"), ("615", "Nashville", "TN"), ("202", "Washington", "DC"), ("313", "Detroit", "MI"),
            ("416", "Toronto", "ON"), ("604", "Vancouver", "BC"), ("514", "Montreal", "QC"), ("403", "Calgary", "AB"),
        };

        /// <summary>The US places (initial numbers are US numbers).</summary>
        public static readonly (string AreaCode, string City, string State)[] UsPlaces = Places.Where(p => !CanadianAreaCodes.Contains(p.AreaCode)).ToArray();

        public static readonly string[] Keywords =
        {
            "call tracking", "call tracking software", "phone number tracking", "tracking phone numbers", "marketing attribution",
            "inbound call analytics", "dynamic number insertion", "ppc call tracking",
        };

        public static readonly (string Title, string Adgroup)[] CampaignTitles =
        {
            ("Print - Sunday Paper", "Print"), ("TV - Morning Show", "TV"), ("Radio - Drive Time", "Radio"), ("Billboard - Route 95", "Outdoor"),
            ("Direct Mail - Spring", "Mail"), ("Yellow Pages", "Print"), ("Trade Show Booth", "Events"), ("Bus Shelter Ads", "Outdoor"),
        };

        public static readonly string[] FirstNames = { "Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie" };
        public static readonly string[] LastNames = { "Parker", "Reed", "Hayes", "Brooks", "Ellis", "Morgan", "Price", "Foster" };
        public static readonly string[] Labels = { "Front desk", "Sales", "Support", "After hours", "Manager", "Warehouse" };

        public static string Join(IEnumerable<string> values) => string.Join(", ", values);

        public static (string City, string State)? PlaceOf(string areaCode)
        {
            foreach (var p in Places) if (p.AreaCode == areaCode) return (p.City, p.State);
            return null;
        }

        public static bool IsToll(string areaCode) => Array.IndexOf(TollPrefixes, areaCode) >= 0;
    }
}
