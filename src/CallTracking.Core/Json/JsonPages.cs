using System;
using System.Collections.Generic;
using System.Text.Json;
using CallTracking.Core.Http;

namespace CallTracking.Core.Json
{
    /// <summary>What a scan of a list reply found: the records' count and place, and every top-level value beside them.</summary>
    public sealed class JsonListInfo
    {
        internal JsonListInfo(int count, string? root, Dictionary<string, object?> metadata, int lastItemStart)
        {
            Count = count;
            Root = root;
            Metadata = metadata;
            LastItemStart = lastItemStart;
        }

        public int Count { get; }
        /// <summary>The property holding the records; null for a bare array.</summary>
        public string? Root { get; }
        /// <summary>Flat metadata: members of nested objects (metadata.next_cursor → next_cursor) and top-level scalars.</summary>
        public IReadOnlyDictionary<string, object?> Metadata { get; }
        /// <summary>Byte offset of the last record's StartObject (-1 when there is none).</summary>
        internal int LastItemStart { get; }
    }

    /// <summary>A list reply read whole (<see cref="JsonPages.ReadList"/>): its records, and what a scan finds beside them.</summary>
    public sealed class JsonList<T>
    {
        internal JsonList(List<T> items, JsonListInfo info)
        {
            Items = items;
            Info = info;
        }

        public IReadOnlyList<T> Items { get; }
        public JsonListInfo Info { get; }
        public IReadOnlyDictionary<string, object?> Metadata => Info.Metadata;

        /// <summary>The last record (for paging that continues after the last id seen); default when the page is empty.</summary>
        public T? Last => Items.Count == 0 ? default : Items[Items.Count - 1];
    }

    /// <summary>
    /// List and single-record replies read with the forward-only reader: a whole page is checked first (every token, so a
    /// cut-off or malformed page fails before any record is handed out), then records are read one at a time from the
    /// page's buffer. Root keys are partly undocumented, so they are read leniently.
    /// </summary>
    public static class JsonPages
    {
        /// <summary>
        /// Checks a list reply: a bare array of objects, or an object whose <paramref name="rootKey"/> (or, when that is
        /// absent, its only property holding a list of objects) is the records.
        /// </summary>
        public static JsonListInfo Scan(ReadOnlyMemory<byte> body, string rootKey)
        {
            var metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
            var source = new JsonSource(body, 0);
            try
            {
                var reader = new Utf8JsonReader(body.Span);
                if (!reader.Read()) throw new JsonException("The reply is empty.");
                int count, last;
                string? root;
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    root = null;
                    count = SkipItems(ref reader, out last);
                }
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    root = null;
                    count = 0;
                    last = -1;
                    var candidates = new List<string>(1);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var name = reader.GetString()!;
                        reader.Read();
                        if (name == rootKey && reader.TokenType == JsonTokenType.StartArray)
                        {
                            root = name;
                            count = SkipItems(ref reader, out last);
                        }
                        else if (reader.TokenType == JsonTokenType.StartArray && FirstItemIsObject(reader))
                        {
                            candidates.Add(name);
                            reader.Skip();
                        }
                        else if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                            {
                                var key = reader.GetString()!;
                                reader.Read();
                                metadata[key] = JsonValues.ReadRaw(ref reader, source);
                            }
                        }
                        else
                        {
                            metadata[name] = JsonValues.ReadRaw(ref reader, source);
                        }
                    }
                    if (root is null)
                    {
                        if (candidates.Count != 1) throw new JsonException("The reply has no '" + rootKey + "' list.");
                        root = candidates[0];
                        count = CountItems(body, root, out last);
                    }
                }
                else throw new JsonException("The reply is not a JSON list.");
                if (reader.CurrentDepth != 0 || reader.Read()) throw new JsonException("The reply has trailing data or ended early.");
                return new JsonListInfo(count, root, metadata, last);
            }
            catch (JsonException ex)
            {
                throw new TransientContentException("The reply could not be read as JSON: " + ex.Message, ex);
            }
        }

        /// <summary>
        /// Reads a whole list reply in one pass: every record parsed, every token checked (a cut-off or malformed page throws
        /// <see cref="TransientContentException"/> before any record is handed out), the metadata beside the records kept as
        /// <see cref="Scan"/> keeps it. The page's buffer is no longer needed afterwards, so the caller can release it at once.
        /// </summary>
        /// <param name="capacity">How many records to make room for at first (the page size asked for): no list regrowth.</param>
        public static JsonList<T> ReadList<T>(ReadOnlyMemory<byte> body, string rootKey, RecordParser<T> parse, int capacity = 0)
        {
            var metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
            var source = new JsonSource(body, 0);
            try
            {
                var reader = new Utf8JsonReader(body.Span);
                if (!reader.Read()) throw new JsonException("The reply is empty.");
                List<T>? items = null;
                string? root = null;
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    items = ReadItems(ref reader, source, parse, capacity);
                }
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    List<string>? candidates = null;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var isRoot = reader.ValueTextEquals(rootKey);
                        var name = isRoot ? rootKey : reader.GetString()!;
                        reader.Read();
                        if (isRoot && reader.TokenType == JsonTokenType.StartArray)
                        {
                            root = name;
                            items = ReadItems(ref reader, source, parse, capacity);
                        }
                        else if (reader.TokenType == JsonTokenType.StartArray && FirstItemIsObject(reader))
                        {
                            (candidates ??= new List<string>(1)).Add(name);
                            reader.Skip();
                        }
                        else if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                            {
                                var key = reader.GetString()!;
                                reader.Read();
                                metadata[key] = JsonValues.ReadRaw(ref reader, source);
                            }
                        }
                        else
                        {
                            metadata[name] = JsonValues.ReadRaw(ref reader, source);
                        }
                    }
                    if (root is null)
                    {
                        // The root key is partly undocumented: the only list of objects in the reply is the records.
                        if (candidates is null || candidates.Count != 1) throw new JsonException("The reply has no '" + rootKey + "' list.");
                        root = candidates[0];
                        var again = new Utf8JsonReader(body.Span);
                        again.Read();
                        while (again.Read() && again.TokenType == JsonTokenType.PropertyName)
                        {
                            var match = again.ValueTextEquals(root);
                            again.Read();
                            if (match && again.TokenType == JsonTokenType.StartArray) { items = ReadItems(ref again, source, parse, capacity); break; }
                            again.Skip();
                        }
                    }
                }
                else throw new JsonException("The reply is not a JSON list.");
                if (reader.CurrentDepth != 0 || reader.Read()) throw new JsonException("The reply has trailing data or ended early.");
                items ??= new List<T>(0);
                return new JsonList<T>(items, new JsonListInfo(items.Count, root, metadata, -1));
            }
            catch (JsonException ex)
            {
                throw new TransientContentException("The reply could not be read as JSON: " + ex.Message, ex);
            }
        }

        private static List<T> ReadItems<T>(ref Utf8JsonReader reader, JsonSource source, RecordParser<T> parse, int capacity)
        {
            var items = new List<T>(Math.Max(0, Math.Min(capacity, 10000)));
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A list item is not an object.");
                var depth = reader.CurrentDepth;
                items.Add(parse(ref reader, source));
                // A parser must leave the reader on the record's EndObject; anything else would misread what follows.
                if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != depth) throw new JsonException("A record was not read to its end.");
            }
            if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("The list ended early.");
            return items;
        }

        /// <summary>Reads the records of a list reply already checked by <see cref="Scan"/>, one per MoveNext.</summary>
        public static IEnumerable<T> Enumerate<T>(ReadOnlyMemory<byte> body, JsonListInfo info, RecordParser<T> parse)
        {
            var state = default(JsonReaderState);
            var offset = 0;
            var started = false;
            while (true)
            {
                var result = default(T);
                var has = false;
                var reader = new Utf8JsonReader(body.Span.Slice(offset), true, state);
                if (!started)
                {
                    started = true;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        // Find the root list; everything before it is metadata, already read by Scan.
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            if (reader.ValueTextEquals(info.Root ?? string.Empty)) { reader.Read(); if (reader.TokenType == JsonTokenType.StartArray) break; }
                            else { reader.Read(); reader.Skip(); }
                        }
                    }
                }
                if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    result = parse(ref reader, new JsonSource(body, offset));
                    has = true;
                }
                offset += (int)reader.BytesConsumed;
                state = reader.CurrentState;
                if (!has) yield break;
                yield return result!;
            }
        }

        /// <summary>The last record of a checked list (for paging that continues after the last id seen); default when empty.</summary>
        public static T? ReadLast<T>(ReadOnlyMemory<byte> body, JsonListInfo info, RecordParser<T> parse)
        {
            if (info.LastItemStart < 0) return default;
            var reader = new Utf8JsonReader(body.Span.Slice(info.LastItemStart));
            reader.Read();
            return parse(ref reader, new JsonSource(body, info.LastItemStart));
        }

        /// <summary>
        /// Reads a single record, bare or wrapped as {"rootKey": {...}} (or any one-property envelope holding one object:
        /// the single-object root key is undocumented).
        /// </summary>
        public static T ReadSingle<T>(ReadOnlyMemory<byte> body, string rootKey, RecordParser<T> parse)
        {
            var source = new JsonSource(body, 0);
            try
            {
                var reader = new Utf8JsonReader(body.Span);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("The reply is not a JSON object.");
                // Check the whole reply first: a record cut off mid-way must not be read as a shorter record.
                var check = reader;
                check.Skip();
                if (check.Read()) throw new JsonException("The reply has trailing data.");
                var probe = reader; // struct copy: look ahead without moving the real reader
                if (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
                {
                    var named = probe.ValueTextEquals(rootKey);
                    probe.Read();
                    if (probe.TokenType == JsonTokenType.StartObject)
                    {
                        var inner = probe;
                        probe.Skip();
                        if (named || (probe.Read() && probe.TokenType == JsonTokenType.EndObject))
                            return parse(ref inner, source);
                    }
                }
                return parse(ref reader, source);
            }
            catch (JsonException ex)
            {
                throw new TransientContentException("The reply could not be read as JSON: " + ex.Message, ex);
            }
        }

        private static bool FirstItemIsObject(Utf8JsonReader probe) // a copy: the caller's reader does not move
            => probe.Read() && probe.TokenType == JsonTokenType.StartObject;

        private static int CountItems(ReadOnlyMemory<byte> body, string key, out int last)
        {
            var reader = new Utf8JsonReader(body.Span);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(key);
                reader.Read();
                if (match && reader.TokenType == JsonTokenType.StartArray) return SkipItems(ref reader, out last);
                reader.Skip();
            }
            throw new JsonException("The reply has no '" + key + "' list.");
        }

        private static int SkipItems(ref Utf8JsonReader reader, out int last)
        {
            var count = 0;
            last = -1;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A list item is not an object.");
                last = (int)reader.TokenStartIndex;
                reader.Skip();
                count++;
            }
            if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("The list ended early.");
            return count;
        }
    }
}
