using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CallTracking.Sandbox.TrackDrive;

namespace CallTracking.Sandbox
{
    /// <summary>The TrackDrive emulator's state, readable by tests: stored phone numbers and the (computed) calls.</summary>
    public sealed class TrackDriveSandboxState
    {
        private const long FirstNumberId = 185_901;
        // Only the newest calls are scanned for last_call_at, to keep construction instant for millions of calls.
        private const int LastCallScan = 20_000;

        private readonly object _gate = new object();
        private readonly SortedDictionary<long, TrackDriveNumber> _numbers = new SortedDictionary<long, TrackDriveNumber>();
        private readonly HashSet<string> _usedDigits = new HashSet<string>(StringComparer.Ordinal);
        private readonly ulong _seedMix;
        private long _nextNumberId = FirstNumberId;

        internal TrackDriveSandboxState(TrackDriveOptions options, int seed, DateTimeOffset anchor)
        {
            _seedMix = SplitMix64.Mix((ulong)(uint)seed ^ 0x7D_0000UL);
            var initial = Math.Max(0, options.NumberCount);
            // Calls need at least one number to have been made to, even in an account with none rented.
            var pool = new InitialNumberPool(Math.Max(1, initial));
            var created = new List<TrackDriveNumber>();
            for (var k = 0; k < pool.Count; k++)
            {
                var rng = new SplitMix64(_seedMix ^ ((ulong)(k + 1) * 0xA24BAED4963EE407UL));
                var tollFree = k % 5 == 4;
                var number = NewNumber(_nextNumberId++, "US", tollFree, ref rng,
                    anchor - options.CallSpan - TimeSpan.FromDays(pool.Count - k));
                number.OfferId = TrackDriveCatalog.Offers[rng.Next(TrackDriveCatalog.Offers.Length)].Id;
                number.TrafficSourceId = TrackDriveCatalog.TrafficSources[rng.Next(TrackDriveCatalog.TrafficSources.Length)].Id;
                var provider = rng.Next(TrackDriveCatalog.Providers.Length);
                number.ProviderConfigurationId = TrackDriveCatalog.ProviderConfigurationBase + provider;
                number.RingPoolId = k % 3 == 0 ? 1 + k % 2 : (long?)null;
                number.TokenValues = new[] { "interest:" + TrackDriveCatalog.Interests[k % TrackDriveCatalog.Interests.Length] };
                number.Name = TrackDriveCatalog.Offers.First(o => o.Id == number.OfferId).Name + " " + number.HumanNumber;

                pool.Ids[k] = number.Id;
                pool.E164Utf8[k] = Encoding.ASCII.GetBytes(number.Number);
                pool.Offers[k] = Array.FindIndex(TrackDriveCatalog.Offers, o => o.Id == number.OfferId);
                pool.TrafficSources[k] = Array.FindIndex(TrackDriveCatalog.TrafficSources, t => t.Id == number.TrafficSourceId);
                pool.Providers[k] = provider;
                pool.RingPools[k] = number.RingPoolId ?? 0;
                created.Add(number);
            }

            Calls = new CallGenerator(seed, Math.Max(0, options.CallCount), anchor, options.CallSpan,
                Math.Max(0, options.InProgressCount), pool);

            var scan = Math.Min(Calls.Count, LastCallScan);
            var lastCall = new long[pool.Count];
            var remaining = pool.Count;
            for (long i = 0; i < scan && remaining > 0; i++)
            {
                Calls.Get(i, out var call);
                if (lastCall[call.Number] == 0) { lastCall[call.Number] = call.CreatedTicks; remaining--; }
            }
            for (var k = 0; k < initial; k++)
            {
                if (lastCall[k] != 0) created[k].LastCallAt = new DateTimeOffset(lastCall[k], TimeSpan.Zero);
                _numbers.Add(created[k].Id, created[k]);
            }
        }

        internal CallGenerator Calls { get; }

        public long CallCount => Calls.Count;

        /// <summary>Snapshot of the rented numbers in id order.</summary>
        public IReadOnlyList<TrackDriveNumber> Numbers
        {
            get { lock (_gate) return _numbers.Values.Select(n => n.Clone()).ToList(); }
        }

        /// <summary>Id of call index i (0 = newest).</summary>
        public long GetCallId(long index) => Calls.Count - index;

        public string GetCallUuid(long callId)
        {
            var index = RequireIndex(callId);
            Calls.Get(index, out var call);
            return CallGenerator.UuidString(call.UuidHi, call.UuidLo);
        }

        public DateTimeOffset GetCallCreatedAt(long callId) =>
            new DateTimeOffset(Calls.AnchorTicks - RequireIndex(callId) * Calls.StepTicks, TimeSpan.Zero);

        public bool IsInProgress(long callId) => Calls.IsInProgress(Calls.IndexOfId(callId));

        /// <summary>By id ("185923") or +E.164 ("+18005002562").</summary>
        public TrackDriveNumber? FindNumber(string idOrNumber)
        {
            lock (_gate) return FindLocked(idOrNumber)?.Clone();
        }

        private long RequireIndex(long callId)
        {
            var index = Calls.IndexOfId(callId);
            if (index < 0) throw new ArgumentOutOfRangeException(nameof(callId), "No such call.");
            return index;
        }

        internal TrackDriveNumber[] SnapshotNumbers()
        {
            lock (_gate) return _numbers.Values.Select(n => n.Clone()).ToArray();
        }

        internal TrackDriveNumber? FindLocked(string key)
        {
            if (key.Length == 0) return null;
            if (key[0] == '+')
                return _numbers.Values.FirstOrDefault(n => string.Equals(n.Number, key, StringComparison.Ordinal));
            if (key.All(char.IsDigit) && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && _numbers.TryGetValue(id, out var byId))
                return byId;
            // Digits of a full number without '+' (plain_number).
            return _numbers.Values.FirstOrDefault(n => string.Equals(n.PlainNumber, key, StringComparison.Ordinal));
        }

        internal TrackDriveNumber Purchase(string country, bool tollFree, long providerConfigurationId, long offerId,
            long? trafficSourceId, long? ringPoolId, IReadOnlyList<string>? tokenValues, DateTimeOffset now)
        {
            lock (_gate)
            {
                var id = _nextNumberId++;
                var rng = new SplitMix64(_seedMix ^ 0xB0_0000UL ^ ((ulong)id * 0xA24BAED4963EE407UL));
                var number = NewNumber(id, country, tollFree, ref rng, now);
                number.OfferId = offerId;
                number.TrafficSourceId = trafficSourceId;
                number.ProviderConfigurationId = providerConfigurationId;
                number.RingPoolId = ringPoolId;
                number.TokenValues = tokenValues ?? Array.Empty<string>();
                number.Name = (tollFree ? "Toll-free " : "Local ") + number.HumanNumber;
                _numbers.Add(id, number);
                return number.Clone();
            }
        }

        internal TrackDriveNumber? Update(string key, Action<TrackDriveNumber> change)
        {
            lock (_gate)
            {
                var number = FindLocked(key);
                if (number is null) return null;
                change(number);
                return number.Clone();
            }
        }

        internal TrackDriveNumber? Unrent(string key)
        {
            lock (_gate)
            {
                var number = FindLocked(key);
                if (number is null) return null;
                _numbers.Remove(number.Id);
                _usedDigits.Remove(number.PlainNumber);
                return number.Clone();
            }
        }

        private TrackDriveNumber NewNumber(long id, string country, bool tollFree, ref SplitMix64 rng, DateTimeOffset created)
        {
            (string Digits, int? AreaCode) made;
            do made = NumberFactory.Make(country, tollFree, ref rng);
            while (!_usedDigits.Add(made.Digits));
            var key1 = rng.Next();
            var key2 = rng.Next();
            return new TrackDriveNumber
            {
                Id = id,
                Number = "+" + made.Digits,
                Country = country,
                TollFree = tollFree,
                AreaCodeId = made.AreaCode,
                CreatedAt = new DateTimeOffset(created.UtcTicks - created.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero),
                HumanNumber = NumberFactory.Human(made.Digits, country),
                ProviderAuthKey = "PN" + key1.ToString("x16", CultureInfo.InvariantCulture) + key2.ToString("x16", CultureInfo.InvariantCulture),
                Checksum = SplitMix64.Mix(key1 ^ (ulong)id).ToString("x16", CultureInfo.InvariantCulture).Substring(0, 10),
            };
        }
    }
}
