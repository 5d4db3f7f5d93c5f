using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CallTracking.Core.Json
{
    /// <summary>
    /// Maps a property name as UTF-8 bytes to one shared string for the names a parser knows, so reading a record does not
    /// allocate a string per property (a 1,000,000-call listing reads some 38 million names). Unknown or escaped names
    /// fall back to a fresh string. <see cref="Find"/> also gives the name's index (for a switch on an int rather than on
    /// a string) and tries the name that followed the previous one last time first: records of one reply list their
    /// fields in the same order, so most names are matched with one comparison and no hashing.
    /// </summary>
    public sealed class Utf8NameTable
    {
        private readonly Entry[] _buckets;
        private readonly int _mask;
        private readonly byte[][] _utf8;
        private readonly string[] _names;
        // _next[i + 1]: the index that followed name i last time (_next[0]: the first name of a record). Racy by design:
        // a stale guess only costs a hash lookup.
        private readonly int[] _next;

        private struct Entry
        {
            public byte[]? Utf8;
            public int Index;
        }

        public Utf8NameTable(IEnumerable<string> names)
        {
            var list = new List<string>();
            foreach (var name in names)
                if (!list.Contains(name)) list.Add(name);
            _names = list.ToArray();
            _utf8 = new byte[_names.Length][];
            _next = new int[_names.Length + 1];
            var size = 1;
            while (size < _names.Length * 4) size <<= 1;
            _buckets = new Entry[size];
            _mask = size - 1;
            for (var n = 0; n < _names.Length; n++)
            {
                var bytes = Encoding.UTF8.GetBytes(_names[n]);
                _utf8[n] = bytes;
                var i = Hash(bytes) & _mask;
                while (_buckets[i].Utf8 != null) i = (i + 1) & _mask;
                _buckets[i] = new Entry { Utf8 = bytes, Index = n };
                _next[n] = n < _names.Length - 1 ? n + 1 : 0;
            }
            _next[_names.Length] = 0;
        }

        /// <summary>How many names the table knows (indexes run 0 to Count - 1, in the order given).</summary>
        public int Count => _names.Length;

        /// <summary>The name at <paramref name="index"/>.</summary>
        public string this[int index] => _names[index];

        /// <summary>The current property name (the reader is on a PropertyName token); one that cannot be decoded as its JSON text.</summary>
        public string Read(ref Utf8JsonReader reader)
        {
            var previous = -1;
            var index = Find(ref reader, ref previous);
            return index >= 0 ? _names[index] : JsonValues.Text(ref reader);
        }

        /// <summary>
        /// The index of the current property name, or -1 when the table does not know it (read it with
        /// <see cref="JsonValues.Text"/> then: a name that cannot be decoded is unknown).
        /// <paramref name="previous"/> is the index found for the record's previous property (-1 at its first); it is
        /// updated to this one.
        /// </summary>
        public int Find(ref Utf8JsonReader reader, ref int previous)
        {
            if (reader.HasValueSequence || reader.ValueIsEscaped)
            {
                previous = -1;
                return JsonValues.TryGetText(ref reader, out var text) ? Array.IndexOf(_names, text) : -1;
            }
            if (_names.Length == 0) return -1;
            var span = reader.ValueSpan;
            var slot = previous + 1;
            var guess = _next[slot];
            if (span.SequenceEqual(_utf8[guess]))
            {
                previous = guess;
                return guess;
            }
            var i = Hash(span) & _mask;
            while (true)
            {
                var entry = _buckets[i];
                if (entry.Utf8 is null) break;
                if (span.SequenceEqual(entry.Utf8))
                {
                    _next[slot] = entry.Index;
                    previous = entry.Index;
                    return entry.Index;
                }
                i = (i + 1) & _mask;
            }
            previous = -1;
            return -1;
        }

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
