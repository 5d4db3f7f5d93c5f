using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
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

        /// <summary>True when two threads read the records, each one half (a large page whose middle boundary held).</summary>
        internal bool ReadInHalves { get; set; }
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
                        var name = JsonValues.Text(ref reader);
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
                                var key = JsonValues.Text(ref reader);
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
            catch (Exception ex) when (IsUnreadable(ex))
            {
                throw Unreadable(ex);
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
                if (body.Length >= SplitBytes && Environment.ProcessorCount > 1)
                {
                    var halves = ReadInHalves(body, rootKey, parse, capacity);
                    if (halves != null) return halves;
                }
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
                        var isRoot = JsonValues.NameIs(ref reader, rootKey);
                        var name = isRoot ? rootKey : JsonValues.Text(ref reader);
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
                                var key = JsonValues.Text(ref reader);
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
                            var match = JsonValues.NameIs(ref again, root);
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
            catch (Exception ex) when (IsUnreadable(ex))
            {
                throw Unreadable(ex);
            }
        }

        // A page at least this large is read by two threads, each one half of its records.
        private const int SplitBytes = 64 * 1024;
        private static readonly byte[] InsideRootList = { (byte)'{', (byte)'"', (byte)'r', (byte)'"', (byte)':', (byte)'[' };

        /// <summary>
        /// Reads a large page on two threads: this one from the start, another from a record boundary near the middle to the
        /// end. The boundary is only a guess (a nested list of objects can look the same): it counts only when this thread's
        /// reader, which checks every token from the start, ends a record of the root list exactly there. The other reader checks every
        /// token from there to the end, as the continuation of a root object's list, so together they check the whole
        /// reply. A wrong guess costs the other thread's work, never a wrong record: this thread reads on alone. Null when the
        /// reply is not the usual shape (a root object whose records come before any other list), for the plain path.
        /// </summary>
        private static JsonList<T>? ReadInHalves<T>(ReadOnlyMemory<byte> body, string rootKey, RecordParser<T> parse, int capacity)
        {
            var span = body.Span;
            var source = new JsonSource(body, 0);
            var metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
            var reader = new Utf8JsonReader(span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (true)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName) return null;
                var isRoot = JsonValues.NameIs(ref reader, rootKey);
                var name = isRoot ? rootKey : JsonValues.Text(ref reader);
                reader.Read();
                if (isRoot)
                {
                    if (reader.TokenType != JsonTokenType.StartArray) return null;
                    break;
                }
                if (reader.TokenType == JsonTokenType.StartArray) return null;
                ReadMember(ref reader, name, metadata, source);
            }
            // The boundary to look for: "}," and the first record's opening up to its first name ({"id"), which a string
            // value cannot hold unescaped, and a nested object only when it starts with the same name.
            var peek = reader;
            if (!peek.Read() || peek.TokenType != JsonTokenType.StartObject) return null;
            var recordStart = (int)peek.TokenStartIndex;
            if (!peek.Read() || peek.TokenType != JsonTokenType.PropertyName) return null;
            var opening = span.Slice(recordStart, (int)peek.BytesConsumed - recordStart);
            if (opening.Length > 64) return null;
            Span<byte> boundary = stackalloc byte[opening.Length + 2];
            boundary[0] = (byte)'}';
            boundary[1] = (byte)',';
            opening.CopyTo(boundary.Slice(2));
            var listStart = (int)reader.BytesConsumed;
            var middle = listStart + (span.Length - listStart) / 2;
            var found = span.Slice(middle).IndexOf(boundary);
            if (found < 0) return null;
            var comma = middle + found + 1;

            var tail = Task.Run(() => ReadTail(body, comma + 1, parse, capacity / 2 + 1));
            var items = new List<T>(Math.Max(0, Math.Min(capacity, 10000)));
            var atBoundary = false;
            try
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ReadItem(ref reader, source, parse, items);
                    var at = (int)reader.BytesConsumed;
                    if (at == comma) { atBoundary = true; break; }
                    if (at > comma) break; // the guess was inside a record: read on alone
                }
                if (!atBoundary)
                {
                    Settle(tail);
                    if (reader.TokenType != JsonTokenType.EndArray)
                    {
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) ReadItem(ref reader, source, parse, items);
                        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("The list ended early.");
                    }
                    ReadMembersToEnd(ref reader, metadata, source);
                    return new JsonList<T>(items, new JsonListInfo(items.Count, rootKey, metadata, -1));
                }
            }
            catch
            {
                Settle(tail);
                throw;
            }
            var (rest, restMetadata) = tail.GetAwaiter().GetResult(); // the other half's failure is the page's failure
            items.AddRange(rest);
            foreach (var pair in restMetadata) metadata[pair.Key] = pair.Value;
            return new JsonList<T>(items, new JsonListInfo(items.Count, rootKey, metadata, -1) { ReadInHalves = true });
        }

        /// <summary>The records from <paramref name="start"/> (a record's '{' inside the root list) to the end of the reply.</summary>
        private static (List<T> Items, Dictionary<string, object?> Metadata) ReadTail<T>(ReadOnlyMemory<byte> body, int start, RecordParser<T> parse, int capacity)
        {
            // The reader's state inside a root object's list, as if it had read {"r":[ ; then the rest of the reply.
            var prefix = new Utf8JsonReader(InsideRootList, false, default);
            while (prefix.Read()) { }
            var reader = new Utf8JsonReader(body.Span.Slice(start), true, prefix.CurrentState);
            var source = new JsonSource(body, start);
            var items = new List<T>(capacity);
            var metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) ReadItem(ref reader, source, parse, items);
            if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("The list ended early.");
            ReadMembersToEnd(ref reader, metadata, source);
            return (items, metadata);
        }

        /// <summary>The root object's members after its list, to the end of the reply (metadata, as the plain path keeps it).</summary>
        private static void ReadMembersToEnd(ref Utf8JsonReader reader, Dictionary<string, object?> metadata, JsonSource source)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = JsonValues.Text(ref reader);
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray && FirstItemIsObject(reader)) reader.Skip(); // another list of objects is not metadata
                else ReadMember(ref reader, name, metadata, source);
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0 || reader.Read()) throw new JsonException("The reply has trailing data or ended early.");
        }

        /// <summary>One member beside the records: a nested object is flattened (metadata.next_cursor → next_cursor).</summary>
        private static void ReadMember(ref Utf8JsonReader reader, string name, Dictionary<string, object?> metadata, JsonSource source)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = JsonValues.Text(ref reader);
                    reader.Read();
                    metadata[key] = JsonValues.ReadRaw(ref reader, source);
                }
            }
            else metadata[name] = JsonValues.ReadRaw(ref reader, source);
        }

        /// <summary>Waits for the other half's reader, whose result no longer counts: the page's buffer must outlive its reading.</summary>
        private static void Settle(Task task)
        {
            try { task.Wait(); }
            catch (AggregateException) { /* read from a wrong guess: it does not count */ }
        }

        private static void ReadItem<T>(ref Utf8JsonReader reader, JsonSource source, RecordParser<T> parse, List<T> items)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A list item is not an object.");
            var depth = reader.CurrentDepth;
            items.Add(parse(ref reader, source));
            // A parser must leave the reader on the record's EndObject; anything else would misread what follows.
            if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != depth) throw new JsonException("A record was not read to its end.");
        }

        private static List<T> ReadItems<T>(ref Utf8JsonReader reader, JsonSource source, RecordParser<T> parse, int capacity)
        {
            var items = new List<T>(Math.Max(0, Math.Min(capacity, 10000)));
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) ReadItem(ref reader, source, parse, items);
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
                            if (JsonValues.NameIs(ref reader, info.Root ?? string.Empty)) { reader.Read(); if (reader.TokenType == JsonTokenType.StartArray) break; }
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
                    var named = JsonValues.NameIs(ref probe, rootKey);
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
            catch (Exception ex) when (IsUnreadable(ex))
            {
                throw Unreadable(ex);
            }
        }

        /// <summary>
        /// What makes a page unreadable: JSON that is not JSON, and, as a net under the value readers (which keep a value that
        /// does not fit its type raw and throw nothing), any failure of a conversion they did not foresee: a terminating
        /// .NET exception would end the caller's whole pipeline, an unreadable page is retried and then reported.
        /// </summary>
        internal static bool IsUnreadable(Exception ex)
            => ex is JsonException || ex is InvalidOperationException || ex is OverflowException || ex is FormatException || ex is ArgumentException;

        internal static TransientContentException Unreadable(Exception ex)
            => new TransientContentException((ex is JsonException ? "The reply could not be read as JSON: " : "The reply could not be read (" + ex.GetType().Name + "): ") + ex.Message, ex);

        private static bool FirstItemIsObject(Utf8JsonReader probe) // a copy: the caller's reader does not move
            => probe.Read() && probe.TokenType == JsonTokenType.StartObject;

        private static int CountItems(ReadOnlyMemory<byte> body, string key, out int last)
        {
            var reader = new Utf8JsonReader(body.Span);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = JsonValues.NameIs(ref reader, key);
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
