using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CallTracking.Core.Json
{
    /// <summary>
    /// The bytes a reader walks and where its span starts in them, passed explicitly to every parser (no thread-static
    /// state: a page may be parsed on any thread, and two pages at once). Nested values are sliced from it as text.
    /// </summary>
    public readonly struct JsonSource
    {
        public JsonSource(ReadOnlyMemory<byte> buffer, int offset)
        {
            Buffer = buffer;
            Offset = offset;
        }

        public ReadOnlyMemory<byte> Buffer { get; }
        /// <summary>Where the reader's span begins inside <see cref="Buffer"/> (readers over a slice count from 0).</summary>
        public int Offset { get; }
    }

    /// <summary>Parses one record at the reader's position (the reader is on its StartObject token).</summary>
    public delegate T RecordParser<T>(ref Utf8JsonReader reader, JsonSource source);

    /// <summary>
    /// Small helpers over <see cref="Utf8JsonReader"/>: pages are read with the forward-only reader straight into typed
    /// records, never through a DOM. The Try* readers leave the reader on the value when it is not of the wanted type, so
    /// the caller can keep it raw: a value is never lost to a failed conversion.
    /// </summary>
    public static class JsonValues
    {
        private static readonly object BoxedTrue = true;
        private static readonly object BoxedFalse = false;

        /// <summary>Reads the value at the reader (after a PropertyName) as string, long, decimal, bool, null or raw JSON text.</summary>
        public static object? ReadRaw(ref Utf8JsonReader reader, JsonSource source)
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
                    if (!reader.HasValueSequence && source.Buffer.Length > 0)
                    {
                        // Slice the nested value's text out of the page: no DOM for a value we only keep as text.
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        return Encoding.UTF8.GetString(source.Buffer.Span.Slice(source.Offset + start, (int)reader.BytesConsumed - start).ToArray());
                    }
                    using (var doc = JsonDocument.ParseValue(ref reader)) return doc.RootElement.GetRawText();
                default: throw new JsonException("Unexpected token " + reader.TokenType);
            }
        }

        /// <summary>A scalar as text (numbers and booleans as their JSON text); false for an object or array.</summary>
        public static bool TryString(ref Utf8JsonReader reader, out string? value)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String: value = reader.GetString(); return true;
                case JsonTokenType.Null: value = null; return true;
                case JsonTokenType.Number: value = NumberText(ref reader); return true;
                case JsonTokenType.True: value = "true"; return true;
                case JsonTokenType.False: value = "false"; return true;
                default: value = null; return false;
            }
        }

        /// <summary>As <see cref="TryString(ref Utf8JsonReader, out string?)"/>, with short strings shared through <paramref name="cache"/>.</summary>
        public static bool TryString(ref Utf8JsonReader reader, Utf8StringCache cache, out string? value)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                value = cache.GetString(ref reader);
                return true;
            }
            return TryString(ref reader, out value);
        }

        /// <summary>A number's JSON text, as sent ("007", "1e3" and "12.50" stay as they are).</summary>
        private static string NumberText(ref Utf8JsonReader reader)
        {
            var span = reader.HasValueSequence ? default : reader.ValueSpan;
            // A plain whole number (the usual id) formats back to the same text: no byte copy for it.
            if (span.Length > 0 && span.Length < 19 && (span[0] != (byte)'0' || span.Length == 1))
            {
                var plain = true;
                foreach (var b in span)
                {
                    if (b < (byte)'0' || b > (byte)'9') { plain = false; break; }
                }
                if (plain && reader.TryGetInt64(out var n)) return n.ToString(CultureInfo.InvariantCulture);
            }
            return Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : span.ToArray());
        }

        /// <summary>Reads a scalar as text; an object or array becomes its JSON text.</summary>
        public static string? ReadString(ref Utf8JsonReader reader, JsonSource source)
            => TryString(ref reader, out var s) ? s : Convert.ToString(ReadRaw(ref reader, source), CultureInfo.InvariantCulture);

        /// <summary>A whole number (or a string holding one); null for JSON null; false for anything else ("12.5", "x").</summary>
        public static bool TryInt64(ref Utf8JsonReader reader, out long? value)
        {
            value = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return true;
                case JsonTokenType.Number when reader.TryGetInt64(out var n): value = n; return true;
                case JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s): value = s; return true;
                default: return false;
            }
        }

        /// <summary>A number (or a string holding one, invariant culture); null for JSON null; false for "$1.50" and the like.</summary>
        public static bool TryDecimal(ref Utf8JsonReader reader, out decimal? value)
        {
            value = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return true;
                case JsonTokenType.Number when reader.TryGetDecimal(out var n): value = n; return true;
                case JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s): value = s; return true;
                default: return false;
            }
        }

        /// <summary>true/false, 0/1, or a string such as "yes"; null for JSON null; false for anything else.</summary>
        public static bool TryBoolean(ref Utf8JsonReader reader, out bool? value)
        {
            value = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return true;
                case JsonTokenType.True: value = true; return true;
                case JsonTokenType.False: value = false; return true;
                case JsonTokenType.Number when reader.TryGetInt64(out var n) && (n == 0 || n == 1): value = n == 1; return true;
                case JsonTokenType.String when Validation.ValueParsers.TryParseBoolean(reader.GetString(), out var b): value = b; return true;
                default: return false;
            }
        }

        /// <summary>A date: ISO 8601 straight from the bytes, anything else through <paramref name="parse"/>; false when neither reads it.</summary>
        public static bool TryDate(ref Utf8JsonReader reader, Func<string?, DateTimeOffset?> parse, out DateTimeOffset? value)
        {
            value = null;
            if (reader.TokenType == JsonTokenType.Null) return true;
            if (reader.TokenType != JsonTokenType.String) return false;
            if (reader.TryGetDateTimeOffset(out var iso)) { value = iso; return true; }
            var text = reader.GetString();
            if (string.IsNullOrEmpty(text)) return true;
            value = parse(text);
            return value.HasValue;
        }

        /// <summary>An array of scalars (a single string becomes a one-item list; {"k":"v"} becomes "k:v" items); false otherwise.</summary>
        public static bool TryStringList(ref Utf8JsonReader reader, JsonSource source, out IReadOnlyList<string> value)
            => TryStringList(ref reader, source, null, out value);

        /// <summary>
        /// As <see cref="TryStringList(ref Utf8JsonReader, JsonSource, out IReadOnlyList{string})"/>, the items shared through
        /// <paramref name="cache"/> when given (token values repeat: "interest:solar"), as a <see cref="Model.ValueList"/>.
        /// </summary>
        public static bool TryStringList(ref Utf8JsonReader reader, JsonSource source, Utf8StringCache? cache, out IReadOnlyList<string> value)
        {
            if (cache is null) return TryStringListCore(ref reader, out value);
            value = Model.ValueList.Empty;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return true;
                case JsonTokenType.String: value = new Model.ValueList(new[] { cache.GetString(ref reader) }); return true;
                case JsonTokenType.StartObject:
                {
                    var copy = reader; // look ahead: only flat objects of scalars read as key:value
                    var pairs = cache.RentList();
                    try
                    {
                        while (copy.Read() && copy.TokenType != JsonTokenType.EndObject)
                        {
                            var plainKey = !copy.ValueIsEscaped && !copy.HasValueSequence;
                            var key = plainKey ? copy.ValueSpan : default;
                            var keyText = plainKey ? null : copy.GetString();
                            copy.Read();
                            var type = copy.TokenType;
                            if (type != JsonTokenType.String && type != JsonTokenType.Number && type != JsonTokenType.True && type != JsonTokenType.False && type != JsonTokenType.Null) return false;
                            if (plainKey && !copy.ValueIsEscaped && !copy.HasValueSequence)
                            {
                                pairs.Add(cache.GetPair(key, type == JsonTokenType.Null ? ReadOnlySpan<byte>.Empty : copy.ValueSpan));
                                continue;
                            }
                            TryString(ref copy, out var v);
                            pairs.Add((keyText ?? Encoding.UTF8.GetString(key.ToArray())) + ":" + v);
                        }
                        reader = copy;
                        value = pairs.Count == 0 ? Model.ValueList.Empty : new Model.ValueList(pairs);
                        return true;
                    }
                    finally
                    {
                        cache.ReturnList(pairs);
                    }
                }
                case JsonTokenType.StartArray:
                {
                    var copy = reader;
                    var list = cache.RentList();
                    try
                    {
                        while (copy.Read() && copy.TokenType != JsonTokenType.EndArray)
                        {
                            if (!TryString(ref copy, cache, out var s)) return false;
                            if (s != null) list.Add(s);
                        }
                        reader = copy;
                        value = list.Count == 0 ? Model.ValueList.Empty : new Model.ValueList(list);
                        return true;
                    }
                    finally
                    {
                        cache.ReturnList(list);
                    }
                }
                default: return false;
            }
        }

        private static bool TryStringListCore(ref Utf8JsonReader reader, out IReadOnlyList<string> value)
        {
            value = Array.Empty<string>();
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return true;
                case JsonTokenType.String: value = new[] { reader.GetString()! }; return true;
                case JsonTokenType.StartObject:
                {
                    var copy = reader; // look ahead: only flat objects of scalars read as key:value
                    var pairs = new List<string>();
                    while (copy.Read() && copy.TokenType != JsonTokenType.EndObject)
                    {
                        var key = copy.GetString();
                        copy.Read();
                        if (!TryString(ref copy, out var v)) return false;
                        pairs.Add(key + ":" + v);
                    }
                    reader = copy;
                    value = pairs;
                    return true;
                }
                case JsonTokenType.StartArray:
                {
                    var copy = reader;
                    var list = new List<string>();
                    while (copy.Read() && copy.TokenType != JsonTokenType.EndArray)
                    {
                        if (!TryString(ref copy, out var s)) return false;
                        if (s != null) list.Add(s);
                    }
                    reader = copy;
                    value = list;
                    return true;
                }
                default: return false;
            }
        }

        public static long? MetadataInt64(IReadOnlyDictionary<string, object?> metadata, string key)
        {
            if (!metadata.TryGetValue(key, out var v) || v is null) return null;
            if (v is long l) return l;
            if (v is decimal d && decimal.Truncate(d) == d) return (long)d;
            if (v is string s && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l)) return l;
            return null;
        }
    }

    /// <summary>
    /// Collects the fields of a record that were not typed (unknown fields, or values whose typed read failed), so that
    /// nothing the provider sent is lost. The dictionary is made only when a first field needs it.
    /// </summary>
    public struct RawFields
    {
        private Dictionary<string, object?>? _fields;

        public void Keep(string name, ref Utf8JsonReader reader, JsonSource source)
            => (_fields ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = JsonValues.ReadRaw(ref reader, source);

        public IReadOnlyDictionary<string, object?>? Result => _fields;
    }
}
