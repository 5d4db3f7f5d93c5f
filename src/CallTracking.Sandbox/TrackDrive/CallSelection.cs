using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace CallTracking.Sandbox.TrackDrive
{
    /// <summary>One page of calls: the indexes to write plus paging metadata.</summary>
    internal sealed class CallPage
    {
        public List<long> Indexes { get; } = new List<long>();
        public long NextCursor { get; set; }
        public long TotalCount { get; set; }
        public long? Page { get; set; }
        public int PerPage { get; set; }
    }

    /// <summary>Picks pages of calls. Positions p in [0, n) of the created_at range map to indexes arithmetically
    /// (or through a cached sort for other orders), so a cursor (p + 1) resumes in O(1).</summary>
    internal sealed class CallSelection
    {
        // Sorting by a computed field materialises the range; cap it so one request cannot exhaust memory.
        public const int MaxSortedCalls = 1_000_000;
        private const int CacheLimit = 64;

        private readonly CallGenerator _calls;
        private readonly ConcurrentDictionary<string, long> _counts = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int[]> _orders = new ConcurrentDictionary<string, int[]>(StringComparer.Ordinal);

        public CallSelection(CallGenerator calls) => _calls = calls;

        public CallPage Select(CallQuery query, long? cursor, long? page, int perPage)
        {
            var (lo, hi) = query.Range(_calls);
            var n = Math.Max(0, hi - lo + 1);
            var sorted = Sorted(query, lo, n);
            long IndexAt(long p) => sorted != null ? lo + sorted[p] : query.Ascending ? hi - p : lo + p;

            var result = new CallPage { PerPage = perPage, Page = cursor is null ? page ?? (long?)null : null };
            result.TotalCount = Count(query, lo, hi, n);

            long start;
            if (cursor is { } cur && cur != -1)
            {
                // 0 means "no more" (the seed's end marker).
                if (cur == 0) return result;
                start = cur - 1;
            }
            else if (page is { } pg && pg > 1)
            {
                var skip = (pg - 1) * perPage;
                if (!query.NeedsScan) start = skip;
                else
                {
                    start = n;
                    for (long p = 0, seen = 0; p < n; p++)
                    {
                        _calls.Get(IndexAt(p), out var c);
                        if (!query.Matches(c)) continue;
                        if (seen++ == skip) { start = p; break; }
                    }
                }
            }
            else start = 0;

            var pos = start;
            for (; pos < n && result.Indexes.Count < perPage; pos++)
            {
                var index = IndexAt(pos);
                if (query.NeedsScan)
                {
                    _calls.Get(index, out var c);
                    if (!query.Matches(c)) continue;
                }
                result.Indexes.Add(index);
            }
            // Point the cursor at the next match, so the last page says 0 instead of leading to an empty page.
            result.NextCursor = 0;
            for (; pos < n; pos++)
            {
                if (query.NeedsScan)
                {
                    _calls.Get(IndexAt(pos), out var c);
                    if (!query.Matches(c)) continue;
                }
                result.NextCursor = pos + 1;
                break;
            }
            return result;
        }

        /// <summary>Exact size of the filtered set: arithmetic for a date-only query, else one scan cached per filter string.</summary>
        public long Count(CallQuery query, long lo, long hi, long n)
        {
            if (!query.NeedsScan) return n;
            var key = query.Key + "#" + _calls.Version;
            if (_counts.TryGetValue(key, out var cached)) return cached;
            long count = 0;
            for (var i = lo; i <= hi; i++)
            {
                _calls.Get(i, out var c);
                if (query.Matches(c)) count++;
            }
            if (_counts.Count > CacheLimit) _counts.Clear();
            _counts[key] = count;
            return count;
        }

        private int[]? Sorted(CallQuery query, long lo, long n)
        {
            if (query.Order == "created_at" || n == 0) return null;
            if (n > MaxSortedCalls)
                throw TrackDriveParameterException.Invalid("order", query.Order,
                    "Ordering by a field other than created_at is limited to " + MaxSortedCalls
                    + " calls in the sandbox; narrow created_at_from/created_at_to.");
            var key = query.Order + (query.Ascending ? ":asc:" : ":desc:") + lo + ":" + n + ":" + _calls.Version;
            if (_orders.TryGetValue(key, out var cached)) return cached;
            var items = new SortItem[n];
            for (var p = 0; p < n; p++)
            {
                _calls.Get(lo + p, out var c);
                items[p] = new SortItem(SortKey(query.Order, c), p);
            }
            Array.Sort(items, query.Ascending ? SortItemComparer.Ascending : SortItemComparer.Descending);
            var positions = new int[n];
            for (var p = 0; p < n; p++) positions[p] = items[p].Position;
            if (_orders.Count > 8) _orders.Clear();
            _orders[key] = positions;
            return positions;
        }

        private static long SortKey(string order, in CallData c) =>
            order switch
            {
                "direction" => 0, // every sandbox call is inbound
                "number_id" => c.NumberId,
                "offer_id" => TrackDriveCatalog.Offers[c.Offer].Id,
                "traffic_source_id" => TrackDriveCatalog.TrafficSources[c.TrafficSource].Id,
                "sub_id" => c.SubId < 0 ? -1 : Rank(TrackDriveCatalog.SubIds, c.SubId),
                "buyer_id" => c.Buyer < 0 ? -1 : TrackDriveCatalog.Buyers[c.Buyer].Id,
                "caller_number" => c.CallerNumber,
                "updated_at" => c.EndedTicks < 0 ? c.CreatedTicks : c.EndedTicks,
                "total_duration" => c.TotalDuration,
                "hold_duration" => c.HoldDuration,
                "ivr_duration" => c.IvrDuration,
                "cost" => c.CostUnits,
                "charge" => c.TdCost,
                "answered_duration" => c.AnsweredDuration,
                "status" => Rank(TrackDriveSeedLists.CallStatuses, c.Status),
                "sub_status" => Rank(TrackDriveCatalog.SubStatuses, c.SubStatus),
                "buyer_converted" => c.BuyerConverted ? 1 : 0,
                "revenue" => c.BuyerRevenue,
                "offer_converted" => c.TsConverted ? 1 : 0,
                "payout" => c.TsPayout,
                "outgoing_webhooks_count" => c.Webhooks,
                "end_time" => c.EndedTicks < 0 ? long.MaxValue : c.EndedTicks,
                "lead_id" => c.ContactId,
                _ => c.CreatedTicks,
            };

        /// <summary>Alphabetical rank of list[i], so string columns sort like strings.</summary>
        private static long Rank(string[] list, int i)
        {
            var rank = 0;
            foreach (var s in list) if (string.CompareOrdinal(s, list[i]) < 0) rank++;
            return rank;
        }

        private readonly struct SortItem
        {
            public SortItem(long key, int position)
            {
                Key = key;
                Position = position;
            }

            public long Key { get; }
            public int Position { get; }
        }

        /// <summary>Ties keep newest first (lower position), so the order is total and pages never overlap.</summary>
        private sealed class SortItemComparer : IComparer<SortItem>
        {
            public static readonly SortItemComparer Ascending = new SortItemComparer(1);
            public static readonly SortItemComparer Descending = new SortItemComparer(-1);
            private readonly int _sign;

            private SortItemComparer(int sign) => _sign = sign;

            public int Compare(SortItem x, SortItem y)
            {
                var c = x.Key.CompareTo(y.Key) * _sign;
                return c != 0 ? c : x.Position.CompareTo(y.Position);
            }
        }
    }
}
