using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CallTracking.Core.Json
{
    /// <summary>
    /// Maps a property name as UTF-8 bytes to one shared string for the names a parser knows, so reading a record does not
    /// allocate a string per property (a 1,000,000-call listing reads some 38 million names). Unknown or escaped names
    /// fall back to a fresh string.
    /// </summary>
    public sealed class Utf8NameTable
    {
        private readonly Entry[] _buckets;
        private readonly int _mask;

        private struct Entry
        {
            public byte[]? Utf8;
            public string? Name;
        }

        public Utf8NameTable(IEnumerable<string> names)
        {
            var list = new List<string>(names);
            var size = 1;
            while (size < list.Count * 4) size <<= 1;
            _buckets = new Entry[size];
            _mask = size - 1;
            foreach (var name in list)
            {
                var bytes = Encoding.UTF8.GetBytes(name);
                var i = Hash(bytes) & _mask;
                while (_buckets[i].Utf8 != null)
                {
                    if (_buckets[i].Name == name) goto next;
                    i = (i + 1) & _mask;
                }
                _buckets[i] = new Entry { Utf8 = bytes, Name = name };
            next:;
            }
        }

        /// <summary>The current property name (the reader is on a PropertyName token).</summary>
        public string Read(ref Utf8JsonReader reader)
        {
            if (!reader.HasValueSequence && !reader.ValueIsEscaped)
            {
                var span = reader.ValueSpan;
                var i = Hash(span) & _mask;
                while (true)
                {
                    var entry = _buckets[i];
                    if (entry.Utf8 is null) break;
                    if (span.SequenceEqual(entry.Utf8)) return entry.Name!;
                    i = (i + 1) & _mask;
                }
            }
            return reader.GetString()!;
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
