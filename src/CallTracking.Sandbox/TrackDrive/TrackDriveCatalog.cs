using System.Text;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>The fixed account the sandbox pretends to be: offers, traffic sources, buyers, caller cities.
    /// Names are pre-encoded to UTF-8 so writing a call allocates nothing.</summary>
    internal static class TrackDriveCatalog
    {
        public sealed class Named
        {
            public Named(long id, string name)
            {
                Id = id;
                Name = name;
                Utf8 = Encoding.UTF8.GetBytes(name);
            }

            public long Id { get; }
            public string Name { get; }
            public byte[] Utf8 { get; }
        }

        public sealed class Buyer
        {
            public Buyer(long id, string name, long phone)
            {
                Id = id;
                Name = name;
                Utf8 = Encoding.UTF8.GetBytes(name);
                Phone = phone;
                PhoneUtf8 = Encoding.ASCII.GetBytes("+" + phone);
            }

            public long Id { get; }
            public string Name { get; }
            public byte[] Utf8 { get; }
            public long Phone { get; }
            public byte[] PhoneUtf8 { get; }
            public long GroupId => 10 + Id % 3;
        }

        public sealed class City
        {
            public City(string name, string state, string country, int areaCode, string postal)
            {
                Name = name;
                State = state;
                Country = country;
                AreaCode = areaCode;
                Postal = postal;
                NameUtf8 = Encoding.UTF8.GetBytes(name);
                CountryUtf8 = Encoding.UTF8.GetBytes(country);
                PostalUtf8 = Encoding.UTF8.GetBytes(postal);
            }

            public string Name { get; }
            public string State { get; }
            public string Country { get; }
            public int AreaCode { get; }
            public string Postal { get; }
            public byte[] NameUtf8 { get; }
            public byte[] CountryUtf8 { get; }
            public byte[] PostalUtf8 { get; }
        }

        public static readonly Named[] Offers =
        {
            new Named(100, "Auto Insurance"), new Named(101, "Health Insurance"), new Named(102, "Medicare Advantage"),
            new Named(103, "Home Services"), new Named(104, "Debt Relief"), new Named(105, "Solar"),
        };

        public static readonly Named[] TrafficSources =
        {
            new Named(200, "Google Ads"), new Named(201, "Facebook"), new Named(202, "Bing Ads"), new Named(203, "TV Campaign"),
            new Named(204, "Affiliate Network"),
        };

        // 555-01xx numbers are reserved for fiction.
        public static readonly Buyer[] Buyers =
        {
            new Buyer(300, "Acme Insurance", 12125550101), new Buyer(301, "Globex Health", 13125550102),
            new Buyer(302, "Initech Solar", 15125550103), new Buyer(303, "Umbrella Home", 17135550104),
            new Buyer(304, "Stark Financial", 13055550105), new Buyer(305, "Wayne Benefits", 14045550106),
            new Buyer(306, "Hooli Direct", 14155550107), new Buyer(307, "Vandelay Imports", 16175550108),
        };

        public static readonly City[] Cities =
        {
            new City("New York", "NY", "US", 212, "10001"), new City("Los Angeles", "CA", "US", 213, "90012"),
            new City("Chicago", "IL", "US", 312, "60601"), new City("Houston", "TX", "US", 713, "77002"),
            new City("Phoenix", "AZ", "US", 602, "85003"), new City("Philadelphia", "PA", "US", 215, "19107"),
            new City("San Antonio", "TX", "US", 210, "78205"), new City("San Diego", "CA", "US", 619, "92101"),
            new City("Dallas", "TX", "US", 214, "75201"), new City("Austin", "TX", "US", 512, "78701"),
            new City("Miami", "FL", "US", 305, "33130"), new City("Denver", "CO", "US", 303, "80202"),
            new City("Seattle", "WA", "US", 206, "98101"), new City("Boston", "MA", "US", 617, "02108"),
            new City("Atlanta", "GA", "US", 404, "30303"), new City("Toronto", "ON", "CA", 416, "M5H 2N2"),
            new City("Vancouver", "BC", "CA", 604, "V6B 1A1"),
        };

        public static readonly string[] Interests = { "auto", "home", "health", "life", "debt", "solar" };
        public static readonly byte[][] InterestsUtf8 = Utf8(Interests);

        public static readonly string[] SubIds = { "google-search", "fb-lookalike", "bing-brand", "tv-spot-30s", "aff-1042" };
        public static readonly byte[][] SubIdsUtf8 = Utf8(SubIds);

        public static readonly string[] HangupReasons = { "caller", "callee", "no-answer", "busy", "rejected", "timeout" };
        public static readonly byte[][] HangupReasonsUtf8 = Utf8(HangupReasons);

        public static readonly string[] Providers = { "twilio", "plivo", "telnyx", "bandwidth" };
        public static readonly byte[][] ProvidersUtf8 = Utf8(Providers);

        /// <summary>Provider configuration ids: 150 + index into <see cref="Providers"/>.</summary>
        public const long ProviderConfigurationBase = 150;

        public static readonly string[] SubStatuses = { "answered", "voicemail", "busy", "timeout", "ivr-abandoned", "none" };

        public static readonly byte[][] StatusesUtf8 = Utf8(TrackDriveSeedLists.CallStatuses);

        /// <summary>NANP toll-free prefixes (contract: a toll-free US/CA number starts with +1 800/833/844/855/866/877/888).</summary>
        public static readonly int[] TollFreePrefixes = { 800, 833, 844, 855, 866, 877, 888 };

        private static byte[][] Utf8(string[] values)
        {
            var result = new byte[values.Length][];
            for (var i = 0; i < values.Length; i++) result[i] = Encoding.UTF8.GetBytes(values[i]);
            return result;
        }
    }
}
