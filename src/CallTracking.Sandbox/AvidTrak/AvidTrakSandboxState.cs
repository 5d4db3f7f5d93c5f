using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CallTracking.Sandbox.AvidTrak;

namespace CallTracking.Sandbox
{
    /// <summary>
    /// The AvidTrak emulator's state, readable by tests: accounts (agency, clients, individual client) with balances, numbers,
    /// round-robin lists, lite campaigns, metro site numbers, smart-replacement numbers and generated call logs, plus the
    /// number inventory. Everything is built from the sandbox's seed and anchor, so the same seed gives the same state.
    /// Every accessor hands out copies; changes go through the API (or <see cref="SetBalance"/>).
    /// </summary>
    public sealed class AvidTrakSandboxState
    {
        /// <summary>Subscriber numbers per area code: exchanges 200..999 times lines 0000..9999.</summary>
        private const ulong SubscriberSpace = 8_000_000UL;

        /// <summary>Initial numbers are drawn from candidates from here on, so they never overlap the inventory.</summary>
        private const int InitialCandidateBase = 5_000;

        internal readonly object Gate = new object();
        internal readonly List<AvidTrakAccount> AccountList = new List<AvidTrakAccount>();

        /// <summary>Digits owned by some account or returned to telco (those never come back).</summary>
        private readonly HashSet<string> _taken = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _retired = new HashSet<string>(StringComparer.Ordinal);
        private readonly ulong _seedMix;
        private ulong _serial;
        private long _nextRoundRobinId = 7001;
        private long _nextCampaignId = 3001;
        private long _nextSiteId = 501;

        internal AvidTrakSandboxState(AvidTrakOptions options, int seed, DateTimeOffset anchor)
        {
            Options = options;
            Anchor = anchor.ToUniversalTime();
            _seedMix = SplitMix64.Mix((ulong)(uint)seed ^ 0xA71D_7A00UL);
            var created = Anchor.AddDays(-options.ActivityDays - 60);

            var agency = NewAccount(options.AgencyUserId, options.AgencyPincode, "pro", options.AgencyBalance, created, null);
            agency.IsAgency = true;
            for (var n = 1; n <= options.ClientCount; n++)
                NewAccount(AvidTrakOptions.ClientUserId(n), AvidTrakOptions.ClientPincode(n), n % 2 == 1 ? "pro" : "lite",
                    options.ClientBalance, created.AddDays(n), agency);
            if (options.Individual)
                NewAccount(AvidTrakOptions.IndividualUserId, AvidTrakOptions.IndividualPincode, "pro", options.IndividualBalance, created, null);
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var a in AccountList)
                if (!ids.Add(a.UserId)) throw new ArgumentException("Two AvidTrak sandbox accounts share the user id \"" + a.UserId + "\".", "options");

            var candidate = InitialCandidateBase;
            foreach (var account in AccountList)
            {
                var rng = Rng(0x1417_0000UL ^ (ulong)account.Index);
                for (var k = 0; k < options.NumberCount; k++)
                {
                    var toll = k % 4 == 3;
                    var area = toll ? AvidTrakCatalog.TollPrefixes[rng.Next(AvidTrakCatalog.TollPrefixes.Length)]
                        : AvidTrakCatalog.UsPlaces[rng.Next(AvidTrakCatalog.UsPlaces.Length)].AreaCode;
                    var number = NewNumber(Candidate(area, candidate++), "US", created.AddDays(k));
                    number.Channel = InitialChannel(account, k, ref rng);
                    if (number.Channel.Length > 0 || rng.Chance(50)) number.ForwardNumber = account.ContactNumber;
                    number.Recording = k % 3 != 1;
                    if (k == 0 && number.IsPro)
                    {
                        number.RoundRobinList.Add(NewTarget(RandomPhone(ref rng), "", AvidTrakCatalog.Labels[0]));
                        number.RoundRobinList.Add(NewTarget(RandomPhone(ref rng), "12", AvidTrakCatalog.Labels[1]));
                    }
                    account.NumberList.Add(number);
                    if (number.IsLite)
                    {
                        var (title, adgroup) = AvidTrakCatalog.CampaignTitles[(account.Index + account.CampaignList.Count) % AvidTrakCatalog.CampaignTitles.Length];
                        account.CampaignList.Add(new AvidTrakLiteCampaign
                        {
                            Id = _nextCampaignId++, Title = title, Sid = number.Sid, Adgroup = adgroup, Created = number.DateAdded,
                        });
                    }
                }
                if (account.NumberList.Count > 0 && account.AccountType == "pro")
                {
                    var site = new AvidTrakMetroSite
                    {
                        Id = _nextSiteId++, SiteNumber = RandomPhone(ref rng), Title = "Metro - " + PlaceOf(account.NumberList[0].AreaCode).City,
                        ForwardNumber = account.ContactNumber,
                    };
                    site.SidList.Add(account.NumberList[0].Sid);
                    account.SiteList.Add(site);
                    account.SmartReplacement.Add(site.SiteNumber);
                }
            }
            // Call ids in time order across all accounts.
            var pending = AccountList.SelectMany(GenerateCalls).OrderBy(c => c.Date).ThenBy(c => c.Account.Index).ToList();
            var callId = 1_000_001L;
            foreach (var c in pending)
            {
                var id = callId++;
                c.Account.CallList.Add(new AvidTrakCall(id, c.Number.Sid, c.Number.Number, c.CallerNumber, c.Number.ForwardNumber, c.Date, c.Duration,
                    c.Status, c.Number.Channel, c.Campaign?.Id ?? 0, c.Campaign?.Title ?? "", c.City, c.State,
                    c.Recorded ? RecordingBase + id.ToString(CultureInfo.InvariantCulture) + ".mp3" : ""));
            }
        }

        internal const string RecordingBase = "https://sandbox.avidtrak.invalid/recordings/";

        public AvidTrakOptions Options { get; }

        /// <summary>The newest generated record's time (the sandbox's anchor).</summary>
        public DateTimeOffset Anchor { get; }

        /// <summary>Copies of every account: the agency first, then its clients, the individual client, accounts created later.</summary>
        public IReadOnlyList<AvidTrakAccount> Accounts
        {
            get { lock (Gate) return AccountList.Select(a => a.Clone()).ToList(); }
        }

        /// <summary>A copy of the account with this user id (case-insensitive), or null.</summary>
        public AvidTrakAccount? Account(string userId)
        {
            lock (Gate) return FindUser(userId)?.Clone();
        }

        /// <summary>A copy of the number with this SID and the user id of its owner, or null.</summary>
        public (AvidTrakNumber Number, string Owner)? FindNumber(string sid)
        {
            lock (Gate)
            {
                foreach (var a in AccountList)
                    foreach (var n in a.NumberList)
                        if (n.Sid == sid) return (n.Clone(), a.UserId);
                return null;
            }
        }

        /// <summary>Numbers returned to telco (gone for good: never offered again).</summary>
        public IReadOnlyCollection<string> RetiredNumbers
        {
            get { lock (Gate) return _retired.ToList(); }
        }

        /// <summary>Sets an account's balance (to make "Insufficient balance" reachable, say).</summary>
        public void SetBalance(string userId, decimal balance)
        {
            if (balance < 0) throw new ArgumentOutOfRangeException(nameof(balance), balance, "A balance is not negative.");
            lock (Gate) (FindUser(userId) ?? throw new ArgumentException("No AvidTrak sandbox account \"" + userId + "\".", nameof(userId))).Balance = balance;
        }

        /// <summary>The numbers search_number would offer now (all of them, up to the inventory size).</summary>
        public IReadOnlyList<string> Available(string areaCode, int max = int.MaxValue)
        {
            lock (Gate) return AvailableLocked(areaCode, max);
        }

        internal AvidTrakAccount? FindUser(string userId) =>
            AccountList.FirstOrDefault(a => string.Equals(a.UserId, userId, StringComparison.OrdinalIgnoreCase));

        internal AvidTrakAccount? FindByPincode(string pincode)
        {
            AvidTrakAccount? found = null;
            foreach (var a in AccountList)
                if (FixedEquals(a.Pincode, pincode) && found is null) found = a;
            return found;
        }

        internal List<string> AvailableLocked(string areaCode, int max)
        {
            var result = new List<string>();
            for (var k = 0; k < Options.InventoryPerAreaCode && result.Count < max; k++)
            {
                var digits = Candidate(areaCode, k);
                if (!_taken.Contains(digits)) result.Add(digits);
            }
            return result;
        }

        /// <summary>Whether <paramref name="digits"/> is an inventory number nobody owns (and not returned to telco).</summary>
        internal bool IsAvailable(string digits)
        {
            if (_taken.Contains(digits)) return false;
            var area = digits.Substring(0, 3);
            for (var k = 0; k < Options.InventoryPerAreaCode; k++)
                if (Candidate(area, k) == digits) return true;
            return false;
        }

        internal decimal PriceOf(string numberType) => numberType == "toll" ? Options.TollNumberPrice : Options.LocalNumberPrice;

        internal AvidTrakNumber NewNumber(string digits, string country, DateTimeOffset added)
        {
            _taken.Add(digits);
            var rng = Rng(0x51D0_0000UL ^ ++_serial);
            var area = digits.Substring(0, 3);
            return new AvidTrakNumber
            {
                Sid = "PN" + rng.Next().ToString("x16", CultureInfo.InvariantCulture) + rng.Next().ToString("x16", CultureInfo.InvariantCulture),
                Number = digits,
                NumberType = AvidTrakCatalog.IsToll(area) ? "toll" : "local",
                AreaCode = area,
                Country = country,
                DateAdded = new DateTimeOffset(added.UtcTicks - added.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero),
            };
        }

        /// <summary>Deletes a number for good (return to telco): its digits are never offered again.</summary>
        internal void Retire(AvidTrakNumber number) => _retired.Add(number.Number);

        internal AvidTrakRoundRobinTarget NewTarget(string forwardingNumber, string extension, string label) =>
            new AvidTrakRoundRobinTarget { Id = _nextRoundRobinId++, ForwardingNumber = forwardingNumber, Extension = extension, Label = label };

        internal long NextCampaignId() => _nextCampaignId++;

        internal long NextSiteId() => _nextSiteId++;

        internal AvidTrakAccount NewAccount(string userId, string pincode, string accountType, decimal balance, DateTimeOffset created, AvidTrakAccount? agency)
        {
            var index = AccountList.Count;
            var rng = Rng(0xACC7_0000UL ^ (ulong)index);
            var first = AvidTrakCatalog.FirstNames[rng.Next(AvidTrakCatalog.FirstNames.Length)];
            var last = AvidTrakCatalog.LastNames[rng.Next(AvidTrakCatalog.LastNames.Length)];
            var account = new AvidTrakAccount
            {
                Index = index,
                UserId = userId,
                Pincode = pincode,
                Password = "Sandbox" + (1000 + index).ToString(CultureInfo.InvariantCulture),
                AccountType = accountType,
                ContactName = first + " " + last,
                Email = userId + "@example.com",
                ContactNumber = RandomPhone(ref rng),
                Domain = userId + ".example.com",
                Balance = balance,
                Agency = agency,
                Created = created,
            };
            AccountList.Add(account);
            return account;
        }

        /// <summary>A pincode for an account made by create_account: 24 hex characters from the seed and the user id.</summary>
        internal string NewPincode(string userId)
        {
            ulong h = 0xC0FFEEUL;
            foreach (var c in userId.ToLowerInvariant()) h = SplitMix64.Mix(h ^ c);
            var rng = Rng(0x919C_0000UL ^ h ^ ++_serial);
            return rng.Next().ToString("x16", CultureInfo.InvariantCulture) + rng.Next().ToString("x16", CultureInfo.InvariantCulture).Substring(0, 8);
        }

        /// <summary>Visits and calls of one keyword on one channel on one day (computed, not stored); 0 outside the generated days.</summary>
        internal (int Visits, int Calls) VisitsOn(AvidTrakAccount account, DateTime day, int channel, int keyword)
        {
            if (account.AccountType != "pro" || day > Anchor.UtcDateTime.Date || day <= Anchor.UtcDateTime.Date.AddDays(-Options.ActivityDays)) return (0, 0);
            var key = ((ulong)account.Index << 48) ^ ((ulong)day.Ticks / (ulong)TimeSpan.TicksPerDay << 12) ^ ((ulong)channel << 6) ^ (ulong)keyword;
            var rng = Rng(0x7151_0000UL ^ SplitMix64.Mix(key));
            var visits = rng.Next(4) == 0 ? 0 : rng.Next(40);
            var calls = visits == 0 ? 0 : rng.Next(visits / 6 + 1);
            return (visits, calls);
        }

        /// <summary>The subscriber number k of an area code: a bijection of k onto the 8,000,000 numbers, mixed by the seed.</summary>
        internal string Candidate(string areaCode, int k)
        {
            var h = SplitMix64.Mix(_seedMix ^ ulong.Parse(areaCode, CultureInfo.InvariantCulture) * 0x9E3779B97F4A7C15UL);
            var offset = h % SubscriberSpace;
            var stride = (SplitMix64.Mix(h) % SubscriberSpace) | 1UL;
            if (stride % 5 == 0) stride += 2; // coprime to 8,000,000 = 2^9 * 5^6
            var index = (offset + (ulong)k * stride) % SubscriberSpace;
            var exchange = 200 + index / 10_000;
            var line = index % 10_000;
            return areaCode + exchange.ToString(CultureInfo.InvariantCulture) + line.ToString("D4", CultureInfo.InvariantCulture);
        }

        internal static (string City, string State) PlaceOf(string areaCode)
        {
            if (AvidTrakCatalog.IsToll(areaCode)) return ("Toll-free", "");
            var p = AvidTrakCatalog.PlaceOf(areaCode);
            if (p.HasValue) return p.Value;
            return ("", AvidTrakCatalog.CanadianAreaCodes.Contains(areaCode) ? "Canada" : "United States");
        }

        private SplitMix64 Rng(ulong key) => new SplitMix64(_seedMix ^ SplitMix64.Mix(key));

        private string InitialChannel(AvidTrakAccount account, int k, ref SplitMix64 rng)
        {
            if (account.AccountType == "lite") return k % 3 == 2 ? "" : "lite";
            switch (k % 6)
            {
                case 0: return "gppc";
                case 1: return "gseo";
                case 2: return "lite";
                case 4: return "";
                default: return AvidTrakCatalog.Channels[rng.Next(AvidTrakCatalog.Channels.Length)];
            }
        }

        private static string RandomPhone(ref SplitMix64 rng) =>
            RandomPhone(AvidTrakCatalog.UsPlaces[rng.Next(AvidTrakCatalog.UsPlaces.Length)].AreaCode, ref rng);

        private static string RandomPhone(string areaCode, ref SplitMix64 rng) =>
            areaCode + (200 + rng.Next(800)).ToString(CultureInfo.InvariantCulture) + rng.Next(10_000).ToString("D4", CultureInfo.InvariantCulture);

        private static readonly string[] Statuses = { "answered", "missed", "busy", "voicemail" };

        private sealed class PendingCall
        {
            public AvidTrakAccount Account = null!;
            public AvidTrakNumber Number = null!;
            public AvidTrakLiteCampaign? Campaign;
            public DateTimeOffset Date;
            public string CallerNumber = "", Status = "", City = "", State = "";
            public int Duration;
            public bool Recorded;
        }

        private IEnumerable<PendingCall> GenerateCalls(AvidTrakAccount account)
        {
            if (account.NumberList.Count == 0 || Options.CallsPerDay == 0) yield break;
            var lastDay = Anchor.UtcDateTime.Date;
            for (var d = Options.ActivityDays - 1; d >= 0; d--)
            {
                var day = lastDay.AddDays(-d);
                var rng = Rng(0xCA11_0000UL ^ ((ulong)account.Index << 32) ^ (ulong)(day.Ticks / TimeSpan.TicksPerDay));
                var count = Options.CallsPerDay / 2 + rng.Next(Options.CallsPerDay + 1);
                var day0 = new DateTimeOffset(day, TimeSpan.Zero);
                for (var i = 0; i < count; i++)
                {
                    var at = day0.AddSeconds(rng.Next(86_400));
                    var number = account.NumberList[rng.Next(account.NumberList.Count)];
                    var roll = rng.Next(100);
                    var status = roll < 70 ? Statuses[0] : roll < 85 ? Statuses[1] : roll < 90 ? Statuses[2] : Statuses[3];
                    var caller = AvidTrakCatalog.UsPlaces[rng.Next(AvidTrakCatalog.UsPlaces.Length)];
                    var call = new PendingCall
                    {
                        Account = account,
                        Number = number,
                        Campaign = number.IsLite ? account.CampaignList.FirstOrDefault(c => c.Sid == number.Sid) : null,
                        Date = at,
                        Status = status,
                        Duration = status == "answered" ? 20 + rng.Next(900) : status == "voicemail" ? 8 + rng.Next(60) : 0,
                        CallerNumber = RandomPhone(caller.AreaCode, ref rng),
                        City = caller.City,
                        State = caller.State,
                        Recorded = status == "answered" && number.Recording,
                    };
                    if (at < Anchor) yield return call;
                }
            }
        }

        private static bool FixedEquals(string a, string b)
        {
            var diff = a.Length ^ b.Length;
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }
    }
}
