using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CallTracking.Core.Http;

namespace CallTracking.Core.Json
{
    /// <summary>Parses one record at the reader's position (the reader is on its StartObject token).</summary>
    public delegate T RecordParser<T>(ref Utf8JsonReader reader);

    /// <summary>
    /// Small helpers over <see cref="Utf8JsonReader"/>: the module reads pages with the forward-only reader straight into
    /// typed records, never through a DOM, so a page costs one pass and no intermediate objects.
    /// </summary>
    public static class JsonValues
    {
        /// <summary>Reads the value at the reader (after a PropertyName) as string, long, decimal, bool, null or raw JSON text.</summary>
        public static object? ReadRaw(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String: return reader.GetString();
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out var l)) return l;
                    if (reader.TryGetDecimal(out var d)) return d;
                    return reader.GetDouble();
                case JsonTokenType.True: return BoxedTrue;
                case JsonTokenType.False: return BoxedFalse;
                case JsonTokenType.Null: return null;
                case JsonTokenType.StartArray:
                case JsonTokenType.StartObject:
                    if (!reader.HasValueSequence && CurrentSource.Length > 0)
                    {
                        // Slice the nested value's text out of the page buffer: no DOM for a value we only keep as text.
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        return Encoding.UTF8.GetString(CurrentSource.Span.Slice(_sliceOffset + start, (int)reader.BytesConsumed - start).ToArray());
                    }
                    using (var doc = JsonDocument.ParseValue(ref reader)) return doc.RootElement.GetRawText();
                default: throw new JsonException("Unexpected token " + reader.TokenType);
            }
        }

        // The page being parsed, so nested values can be sliced from it (parsing is synchronous on one thread).
        [ThreadStatic] private static ReadOnlyMemory<byte> _currentSource;
        private static ReadOnlyMemory<byte> CurrentSource => _currentSource;

        private static readonly object BoxedTrue = true;
        private static readonly object BoxedFalse = false;

        public static string? ReadString(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String: return reader.GetString();
                case JsonTokenType.Null: return null;
                case JsonTokenType.Number: return reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                case JsonTokenType.True: return "true";
                case JsonTokenType.False: return "false";
                default: return Convert.ToString(ReadRaw(ref reader), CultureInfo.InvariantCulture);
            }
        }

        public static long? ReadInt64(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var v)) return v;
            if (reader.TokenType == JsonTokenType.String && long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out v)) return v;
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType == JsonTokenType.StartArray || reader.TokenType == JsonTokenType.StartObject) reader.Skip();
            return null;
        }

        public static decimal? ReadDecimal(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var v)) return v;
            if (reader.TokenType == JsonTokenType.String && decimal.TryParse(reader.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out v)) return v;
            if (reader.TokenType == JsonTokenType.StartArray || reader.TokenType == JsonTokenType.StartObject) reader.Skip();
            return null;
        }

        public static bool? ReadBoolean(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.True: return true;
                case JsonTokenType.False: return false;
                case JsonTokenType.Number: return reader.TryGetInt64(out var n) ? n != 0 : (bool?)null;
                case JsonTokenType.String:
                    return Validation.ValueParsers.TryParseBoolean(reader.GetString(), out var b) ? b : (bool?)null;
                case JsonTokenType.StartArray:
                case JsonTokenType.StartObject:
                    reader.Skip(); return null;
                default: return null;
            }
        }

        /// <summary>Reads an array of strings; a single string becomes a one-item list.</summary>
        public static IReadOnlyList<string> ReadStringList(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null) return Array.Empty<string>();
            if (reader.TokenType == JsonTokenType.String) return new[] { reader.GetString()! };
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                // token_values as an object {"key":"value"} reads as "key:value" items.
                var pairs = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString();
                    reader.Read();
                    pairs.Add(key + ":" + ReadString(ref reader));
                }
                return pairs;
            }
            if (reader.TokenType != JsonTokenType.StartArray) { reader.Skip(); return Array.Empty<string>(); }
            var list = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var s = ReadString(ref reader);
                if (s != null) list.Add(s);
            }
            return list;
        }

        /// <summary>
        /// Reads a list envelope whole: either a bare array of records, or an object whose <paramref name="rootKey"/> is the
        /// array, with any other top-level object (metadata) read into a flat dictionary.
        /// </summary>
        public static List<T> ReadList<T>(ReadOnlyMemory<byte> body, string rootKey, RecordParser<T> parse, out Dictionary<string, object?> metadata)
        {
            var count = ScanList(body, rootKey, out metadata);
            var list = new List<T>(count);
            list.AddRange(EnumerateList(body, rootKey, parse));
            return list;
        }

        /// <summary>
        /// Checks a whole list reply (every token, so a cut-off or malformed page fails here, before any record is handed
        /// out), counts its records and reads its metadata. Records are then read one at a time by <see cref="EnumerateList"/>.
        /// </summary>
        public static int ScanList(ReadOnlyMemory<byte> body, string rootKey, out Dictionary<string, object?> metadata)
            => ScanList(body, rootKey, out metadata, out _);

        /// <summary>
        /// As <see cref="ScanList(ReadOnlyMemory{byte}, string, out Dictionary{string, object?})"/>; when the documented
        /// root key is absent but exactly one property holds a non-empty list of objects, that list is the records (root
        /// keys are partly gaps), and <paramref name="actualRoot"/> names it for <see cref="EnumerateList"/>.
        /// </summary>
        public static int ScanList(ReadOnlyMemory<byte> body, string rootKey, out Dictionary<string, object?> metadata, out string actualRoot)
        {
            metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
            actualRoot = rootKey;
            var count = 0;
            try
            {
                var reader = new Utf8JsonReader(body.Span);
                if (!reader.Read()) throw new JsonException("The reply is empty.");
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    count = SkipItems(ref reader);
                }
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    var foundRoot = false;
                    var candidates = new List<string>(1);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var name = reader.GetString()!;
                        reader.Read();
                        if (name == rootKey && reader.TokenType == JsonTokenType.StartArray)
                        {
                            foundRoot = true;
                            count = SkipItems(ref reader);
                        }
                        else if (reader.TokenType == JsonTokenType.StartArray && FirstItemIsObject(reader))
                        {
                            candidates.Add(name);
                            metadata[name] = ReadRaw(ref reader);
                        }
                        else if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                            {
                                var key = reader.GetString()!;
                                reader.Read();
                                metadata[key] = ReadRaw(ref reader);
                            }
                        }
                        else
                        {
                            metadata[name] = ReadRaw(ref reader);
                        }
                    }
                    if (!foundRoot)
                    {
                        if (candidates.Count != 1) throw new JsonException("The reply has no '" + rootKey + "' list.");
                        actualRoot = candidates[0];
                        metadata.Remove(actualRoot);
                        count = CountItems(body, actualRoot);
                    }
                }
                else throw new JsonException("The reply is not a JSON list.");
                if (reader.CurrentDepth != 0 || reader.Read()) throw new JsonException("The reply has trailing data or ended early.");
            }
            catch (JsonException ex)
            {
                throw new TransientContentException("The reply could not be read as JSON: " + ex.Message, ex);
            }
            return count;
        }

        private static bool FirstItemIsObject(Utf8JsonReader probe) // a copy: the caller's reader does not move
            => probe.Read() && probe.TokenType == JsonTokenType.StartObject;

        private static int CountItems(ReadOnlyMemory<byte> body, string key)
        {
            var reader = new Utf8JsonReader(body.Span);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(key);
                reader.Read();
                if (match && reader.TokenType == JsonTokenType.StartArray) return SkipItems(ref reader);
                reader.Skip();
            }
            throw new JsonException("The reply has no '" + key + "' list.");
        }

        private static int SkipItems(ref Utf8JsonReader reader)
        {
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A list item is not an object.");
                reader.Skip();
                count++;
            }
            if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("The list ended early.");
            return count;
        }

        /// <summary>Reads the records of a list reply already checked by <see cref="ScanList"/>, one per MoveNext.</summary>
        public static IEnumerable<T> EnumerateList<T>(ReadOnlyMemory<byte> body, string rootKey, RecordParser<T> parse)
        {
            var state = default(JsonReaderState);
            long offset = 0;
            var started = false;
            while (true)
            {
                var result = default(T);
                var has = false;
                var previous = _currentSource;
                _currentSource = body;
                try
                {
                    var reader = new Utf8JsonReader(body.Span.Slice((int)offset), true, state);
                    if (!started)
                    {
                        started = true;
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            // Find the root list; everything before it is metadata, already read by ScanList.
                            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                            {
                                if (reader.ValueTextEquals(rootKey)) { reader.Read(); if (reader.TokenType == JsonTokenType.StartArray) break; }
                                else { reader.Read(); reader.Skip(); }
                            }
                        }
                    }
                    if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        // The slice keeps absolute positions for raw-value slicing: shift by the offset.
                        _sliceOffset = (int)offset;
                        result = parse(ref reader);
                        has = true;
                    }
                    offset += reader.BytesConsumed;
                    state = reader.CurrentState;
                }
                finally
                {
                    _currentSource = previous;
                    _sliceOffset = 0;
                }
                if (!has) yield break;
                yield return result!;
            }
        }

        [ThreadStatic] private static int _sliceOffset;

        /// <summary>Reads a single record, either bare or wrapped as {"rootKey": {...}}.</summary>
        public static T ReadSingle<T>(ReadOnlyMemory<byte> body, string rootKey, RecordParser<T> parse)
        {
            var previous = _currentSource;
            _currentSource = body;
            try
            {
                var reader = new Utf8JsonReader(body.Span);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("The reply is not a JSON object.");
                // The documented root key, or any envelope that is one property holding one object ({"number": {...}}):
                // the single-object root key is a gap, so read it leniently. A bare record has several properties.
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
                            return parse(ref inner);
                    }
                }
                return parse(ref reader);
            }
            catch (JsonException ex)
            {
                throw new TransientContentException("The reply could not be read as JSON: " + ex.Message, ex);
            }
            finally
            {
                _currentSource = previous;
            }
        }

        /// <summary>Reads a date: ISO 8601 straight from the bytes; anything else through <paramref name="fallback"/>.</summary>
        public static DateTimeOffset? ReadDate(ref Utf8JsonReader reader, Func<string?, DateTimeOffset?> fallback)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)) return value;
            return fallback(ReadString(ref reader));
        }

        public static long? MetadataInt64(Dictionary<string, object?> metadata, string key)
        {
            if (!metadata.TryGetValue(key, out var v) || v is null) return null;
            if (v is long l) return l;
            if (v is decimal d) return (long)d;
            if (v is string s && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out l)) return l;
            return null;
        }
    }
}
