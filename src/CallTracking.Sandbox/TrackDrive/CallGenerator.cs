using System;
using System.Collections.Concurrent;
using System.Text;
using System.Threading;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>Computes call i (0 = newest) from (Seed, id); only hang-ups are stored.</summary>
    internal sealed class CallGenerator
    {
        // Weighted status table (percent per status index of TrackDriveSeedLists.CallStatuses); sums to 100.
        private static readonly int[] StatusWeights = { 20, 30, 2, 8, 6, 3, 3, 2, 4, 8, 3, 2, 2, 1, 1, 2, 2, 1 };
        private static readonly int[] StatusTable = BuildStatusTable();

        public const int StatusForwarded = 0;
        public const int StatusCallerHungUp = 9;

        private const ulong Low48 = 0xFFFF_FFFF_FFFFUL;
        private const ulong UuidMultiplier = 0x9E37_79B9_7F4BUL; // odd, so multiplying is a bijection mod 2^48

        private readonly ulong _seedMix;
        private readonly ulong _uuidMask;
        private readonly ulong _uuidInverse;
        private readonly ConcurrentDictionary<long, long> _hangUps = new ConcurrentDictionary<long, long>();
        private int _version;

        public CallGenerator(int seed, long count, DateTimeOffset anchor, TimeSpan span, int inProgressCount, InitialNumberPool pool)
        {
            _seedMix = SplitMix64.Mix((ulong)(uint)seed ^ 0x5EED_0000_0000UL);
            _uuidMask = SplitMix64.Mix(_seedMix ^ 0x0001_D000UL) & Low48;
            // Newton's iteration for the inverse of an odd number mod 2^64 (hence mod 2^48).
            var inverse = UuidMultiplier;
            for (var i = 0; i < 6; i++) inverse *= 2 - UuidMultiplier * inverse;
            _uuidInverse = inverse;
            Count = count;
            AnchorTicks = anchor.UtcTicks;
            StepTicks = Math.Max(1, span.Ticks / Math.Max(1, count));
            InProgressCount = inProgressCount;
            Pool = pool;
            ContactPool = Math.Max(1, count / 3);
        }

        public long Count { get; }
        public long AnchorTicks { get; }
        public long StepTicks { get; }
        public int InProgressCount { get; }
        public InitialNumberPool Pool { get; }
        private long ContactPool { get; }

        /// <summary>Bumped by every hang-up, so cached counts and orderings for an older state are not reused.</summary>
        public int Version => Volatile.Read(ref _version);

        /// <summary>The call id a uuid's last 48 bits point to (the caller still compares the whole uuid).</summary>
        public long IdFromUuidTail(ulong tail48) => (long)((((tail48 & Low48) ^ _uuidMask) * _uuidInverse) & Low48);

        public long IndexOfId(long id) => id >= 1 && id <= Count ? Count - id : -1;

        public bool IsInProgress(long index) => index >= 0 && index < InProgressCount && index < Count && !_hangUps.ContainsKey(Count - index);

        /// <summary>Hangs up an in-progress call; false when it was not in progress.</summary>
        public bool HangUp(long index, DateTimeOffset now)
        {
            if (!IsInProgress(index)) return false;
            var created = AnchorTicks - index * StepTicks;
            var ended = Math.Max(now.UtcTicks, created + TimeSpan.TicksPerSecond);
            if (!_hangUps.TryAdd(Count - index, ended)) return false;
            Interlocked.Increment(ref _version);
            return true;
        }

        /// <summary>Inclusive index range of calls whose created_at is within [from, to]; empty when Lo &gt; Hi.</summary>
        public (long Lo, long Hi) CreatedRange(DateTimeOffset? from, DateTimeOffset? to)
        {
            long lo = 0, hi = Count - 1;
            if (to is { } t)
            {
                // created(i) <= to  <=>  i * step >= anchor - to
                var d = AnchorTicks - t.UtcTicks;
                if (d > 0) lo = Math.Max(lo, (d + StepTicks - 1) / StepTicks);
            }
            if (from is { } f)
            {
                // created(i) >= from  <=>  i * step <= anchor - from
                var d = AnchorTicks - f.UtcTicks;
                if (d < 0) return (0, -1);
                hi = Math.Min(hi, d / StepTicks);
            }
            return (lo, hi);
        }

        public void Get(long index, out CallData c)
        {
            c = default;
            c.Index = index;
            c.Id = Count - index;
            c.CreatedTicks = AnchorTicks - index * StepTicks;

            // Every draw happens in a fixed order regardless of state, so a hang-up changes nothing else about the call.
            var rng = new SplitMix64(_seedMix ^ ((ulong)c.Id * 0xD1B54A32D192ED03UL));
            var a = rng.Next();
            var b = rng.Next();
            c.UuidHi = (a & ~0xF000UL) | 0x4000UL; // version 4
            // RFC 4122 variant; the last 48 bits are a scrambled id, so a uuid leads back to its call in O(1).
            c.UuidLo = (b & 0x3FFF_0000_0000_0000UL) | 0x8000_0000_0000_0000UL | ((((ulong)c.Id * UuidMultiplier) & Low48) ^ _uuidMask);
            c.SidHi = rng.Next();
            c.SidLo = rng.Next();

            c.Number = rng.Next(Pool.Count);
            c.NumberId = Pool.Ids[c.Number];
            c.NumberE164 = Pool.E164Utf8[c.Number];
            c.Offer = Pool.Offers[c.Number];
            c.TrafficSource = Pool.TrafficSources[c.Number];
            c.Provider = Pool.Providers[c.Number];
            c.RingPoolId = Pool.RingPools[c.Number];

            c.ContactId = 1 + rng.NextLong(ContactPool);
            var contact = new SplitMix64(_seedMix ^ 0xC0_11E7UL ^ ((ulong)c.ContactId * 0x9E3779B97F4A7C15UL));
            c.City = contact.Next(TrackDriveCatalog.Cities.Length);
            var line = 2_000_000 + contact.Next(8_000_000);
            c.CallerNumber = 10_000_000_000L + TrackDriveCatalog.Cities[c.City].AreaCode * 10_000_000L + line;

            var baseStatus = index < InProgressCount ? StatusForwarded : StatusTable[rng.Next(100)];
            var buyerDraw = rng.Next(TrackDriveCatalog.Buyers.Length);
            var hungBeforeBuyer = rng.Chance(50);
            c.BuyerRepeat = rng.Chance(12);
            c.TsRepeat = rng.Chance(15);
            var dupeA = rng.Chance(50);
            var dupeB = rng.Chance(50);
            c.IvrDuration = rng.Next(31);
            var onHold = rng.Chance(25);
            var holdSeconds = 5 + rng.Next(116);
            var talkSeconds = 10 + rng.Next(1791);
            var ringSeconds = 1 + rng.Next(20);
            var recorded = rng.Chance(80);
            var buyerConverts = rng.Chance(60);
            var tsConverts = rng.Chance(55);
            var revenueSteps = rng.Next(56);
            var payoutPercent = 40 + rng.Next(31);
            var payoutSteps = rng.Next(30);
            c.SubId = rng.Chance(30) ? -1 : rng.Next(TrackDriveCatalog.SubIds.Length);
            c.Interest = rng.Next(TrackDriveCatalog.Interests.Length);
            var noReason = rng.Chance(10);
            var reasonDraw = rng.Next(4);
            c.Webhooks = rng.Next(4);
            c.SubStatus = rng.Next(TrackDriveCatalog.SubStatuses.Length);

            var hasBuyer = baseStatus <= 3 || (baseStatus == StatusCallerHungUp && !hungBeforeBuyer);
            c.Buyer = hasBuyer ? buyerDraw : -1;
            var answered = baseStatus == StatusForwarded || baseStatus == 1;
            c.BuyerDupe = c.BuyerRepeat && dupeA;
            c.OfferDupe = c.TsRepeat && dupeB;
            c.HoldDuration = onHold ? holdSeconds : 0;
            c.AnsweredDuration = answered ? talkSeconds : 0;
            c.TotalDuration = c.IvrDuration + c.HoldDuration + c.AnsweredDuration + ringSeconds;
            c.HasRecording = answered && recorded;
            c.BuyerConverted = hasBuyer && c.AnsweredDuration >= 90 && buyerConverts;
            c.TsConverted = c.AnsweredDuration >= 60 && tsConverts;
            c.BuyerRevenue = c.BuyerConverted ? 500 + revenueSteps * 100 : 0;
            c.TsPayout = !c.TsConverted ? 0 : c.BuyerRevenue > 0 ? c.BuyerRevenue * payoutPercent / 100 : 300 + payoutSteps * 50;

            c.InProgress = index < InProgressCount;
            c.Status = baseStatus;
            c.EndedTicks = c.CreatedTicks + c.TotalDuration * TimeSpan.TicksPerSecond;
            if (c.InProgress)
            {
                if (!_hangUps.IsEmpty && _hangUps.TryGetValue(c.Id, out var ended))
                {
                    c.InProgress = false;
                    c.Status = StatusCallerHungUp;
                    c.EndedTicks = ended;
                    c.TotalDuration = (int)Math.Min(int.MaxValue, (ended - c.CreatedTicks) / TimeSpan.TicksPerSecond);
                }
                else
                {
                    c.EndedTicks = -1;
                }
            }
            c.HangupReason = c.InProgress || noReason ? -1 : c.Status == StatusCallerHungUp ? 0 : answered ? reasonDraw % 2 : 2 + reasonDraw;
            var minutes = (c.TotalDuration + 59) / 60;
            c.TdCost = minutes * 150L;
            c.ProviderCost = minutes * 85L;
        }

        /// <summary>Lower-case GUID text "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" into 36 bytes.</summary>
        public static void FormatUuid(ulong hi, ulong lo, Span<byte> dst)
        {
            Hex(hi >> 32, 8, dst);
            dst[8] = (byte)'-';
            Hex(hi >> 16, 4, dst.Slice(9));
            dst[13] = (byte)'-';
            Hex(hi, 4, dst.Slice(14));
            dst[18] = (byte)'-';
            Hex(lo >> 48, 4, dst.Slice(19));
            dst[23] = (byte)'-';
            Hex(lo, 12, dst.Slice(24));
        }

        /// <summary>The low <paramref name="digits"/> hex digits of value, most significant first.</summary>
        public static void Hex(ulong value, int digits, Span<byte> dst)
        {
            for (var i = digits - 1; i >= 0; i--)
            {
                dst[i] = HexDigits[(int)(value & 0xF)];
                value >>= 4;
            }
        }

        private static readonly byte[] HexDigits = System.Text.Encoding.ASCII.GetBytes("0123456789abcdef");

        public static string UuidString(ulong hi, ulong lo)
        {
            Span<byte> buffer = stackalloc byte[36];
            FormatUuid(hi, lo, buffer);
            return Encoding.ASCII.GetString(buffer.ToArray());
        }

        public static byte Hex(int v) => (byte)(v < 10 ? '0' + v : 'a' + v - 10);

        private static int[] BuildStatusTable()
        {
            var table = new int[100];
            var p = 0;
            for (var s = 0; s < StatusWeights.Length; s++)
                for (var k = 0; k < StatusWeights[s]; k++) table[p++] = s;
            return table;
        }
    }

    /// <summary>The numbers calls are made to: the initially rented ones (calls keep them even after an unrent).</summary>
    internal sealed class InitialNumberPool
    {
        public InitialNumberPool(int count)
        {
            Count = count;
            Ids = new long[count];
            E164Utf8 = new byte[count][];
            Offers = new int[count];
            TrafficSources = new int[count];
            Providers = new int[count];
            RingPools = new long[count];
        }

        public int Count { get; }
        public long[] Ids { get; }
        public byte[][] E164Utf8 { get; }
        public int[] Offers { get; }
        public int[] TrafficSources { get; }
        public int[] Providers { get; }
        public long[] RingPools { get; }
    }
}
