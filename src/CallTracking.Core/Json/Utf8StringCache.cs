using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace CallTracking.Core.Json
{
    /// <summary>
    /// One shared string per distinct short value of a field that repeats across records (status, offer, buyer, city,
    /// the tracking number called…, token pairs such as "interest:solar"): a listing kept in memory (`$calls = Get-CallLog`)
    /// then holds each such value once, not once per record, and the garbage collector has that many fewer objects to trace
    /// and copy. A small direct-mapped table: a slot holds the last value that hashed to it, so a field with many distinct
    /// values costs a comparison, never memory. Safe to share between threads (a slot is replaced whole, by one reference
    /// write).
    /// </summary>
    public sealed class Utf8StringCache
    {
        /// <summary>Longer values are read as fresh strings (they rarely repeat).</summary>
        public const int MaxLength = 48;

        private readonly Entry?[] _slots;
        private readonly int _mask;
        private List<string>? _spare;

        private sealed class Entry
        {
            public Entry(byte[] utf8, object value)
            {
                Utf8 = utf8;
                Value = value;
            }

            public readonly byte[] Utf8;
            public readonly object Value;
        }

        public Utf8StringCache(int slots = 1024)
        {
            var size = 16;
            while (size < slots) size <<= 1;
            _slots = new Entry?[size];
            _mask = size - 1;
        }

        /// <summary>
        /// The string at the reader (a String token), shared with earlier equal values; throws the reader's
        /// InvalidOperationException for a string that cannot be decoded (a lone surrogate, bytes that are not UTF-8).
        /// </summary>
        public string GetString(ref Utf8JsonReader reader)
        {
            if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxLength) return reader.GetString()!;
            var span = reader.ValueSpan;
            var i = Hash(span) & _mask;
            var entry = _slots[i];
            if (entry != null && span.SequenceEqual(entry.Utf8)) return (string)entry.Value;
            var value = reader.GetString()!;
            _slots[i] = new Entry(span.ToArray(), value);
            return value;
        }

        /// <summary>
        /// The text "key:value" for UTF-8 key and value text (unescaped), shared with earlier equal pairs; false when the bytes
        /// are not UTF-8 (never a pair with U+FFFD in it: the caller keeps the value as sent).
        /// </summary>
        public bool TryGetPair(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, out string? pair)
        {
            try
            {
                pair = GetPair(key, value);
                return true;
            }
            catch (DecoderFallbackException)
            {
                pair = null;
                return false;
            }
        }

        /// <summary>As <see cref="TryGetPair"/>; throws <see cref="DecoderFallbackException"/> when the bytes are not UTF-8.</summary>
        public string GetPair(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        {
            var length = key.Length + 1 + value.Length;
            if (length > MaxLength) return Decode(key) + ":" + Decode(value);
            Span<byte> text = stackalloc byte[MaxLength];
            key.CopyTo(text);
            text[key.Length] = (byte)':';
            value.CopyTo(text.Slice(key.Length + 1));
            var pair = text.Slice(0, length);
            var i = Hash(pair) & _mask;
            var entry = _slots[i];
            if (entry != null && pair.SequenceEqual(entry.Utf8)) return (string)entry.Value;
            var bytes = pair.ToArray();
            var made = ReplyValues.StrictUtf8.GetString(bytes);
            _slots[i] = new Entry(bytes, made);
            return made;
        }

        /// <summary>
        /// A cleared list to gather a record's values in before they are copied into the record (one per cache, lent to one
        /// reader at a time: a second reader at the same moment gets a new one), so building a value list leaves no garbage.
        /// </summary>
        internal List<string> RentList() => Interlocked.Exchange(ref _spare, null) ?? new List<string>(8);

        internal void ReturnList(List<string> list)
        {
            list.Clear();
            _spare = list;
        }

        private static string Decode(ReadOnlySpan<byte> utf8) => ReplyValues.StrictUtf8.GetString(utf8.ToArray());

        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            unchecked
            {
                var h = (int)2166136261;
                foreach (var b in bytes) h = (h ^ b) * 16777619;
                return h & int.MaxValue;
            }
        }
    }
}
