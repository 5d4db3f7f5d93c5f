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
    /// the caller can keep it raw: a value is never lost to a failed conversion, and no value ends the page. A string
    /// that cannot be decoded (a lone surrogate such as "\ud800", bytes that are not UTF-8) is not text: the Try* readers
    /// refuse it and <see cref="ReadRaw"/> keeps its JSON text as sent. Text is read as <see cref="ReplyValues"/> reads it:
    /// invariant, strict.
    /// </summary>
    public static class JsonValues
    {
        private static readonly object BoxedTrue = true;
        private static readonly object BoxedFalse = false;

        /// <summary>
        /// Reads the value at the reader (after a PropertyName) as string, long, decimal, double, bool, null or raw JSON text: a
        /// number beyond a double (1e400) as its text, a string that cannot be decoded as its JSON text (see <see cref="Text"/>).
        /// </summary>
        public static object? ReadRaw(ref Utf8JsonReader reader, JsonSource source)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String: return Text(ref reader);
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out var l)) return l;
                    if (reader.TryGetDecimal(out var d)) return d;
                    if (reader.TryGetDouble(out var x) && !double.IsInfinity(x) && !double.IsNaN(x)) return x;
                    return NumberText(ref reader);
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

        /// <summary>
        /// The string or property name at the reader; false when it cannot be decoded: a lone surrogate ("\ud800") or bytes
        /// that are not UTF-8 (the reader checks neither until the text is asked for).
        /// </summary>
        public static bool TryGetText(ref Utf8JsonReader reader, out string? value)
        {
            try
            {
                value = reader.GetString();
                return true;
            }
            catch (InvalidOperationException)
            {
                value = null;
                return false;
            }
        }

        /// <summary>
        /// The string or property name at the reader as text; one that cannot be decoded as its JSON text as sent (escapes
        /// such as \ud800 left as they are, bytes that are not UTF-8 as U+FFFD), so that it can still be kept and shown.
        /// </summary>
        public static string Text(ref Utf8JsonReader reader)
        {
            if (TryGetText(ref reader, out var text)) return text!;
            return ReplyValues.DecodeLenient(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        }

        /// <summary>A <see cref="JsonDocument"/> string's text; false when it is not a string or cannot be decoded.</summary>
        public static bool TryGetText(JsonElement element, out string? value)
        {
            value = null;
            if (element.ValueKind != JsonValueKind.String) return false;
            try
            {
                value = element.GetString();
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        /// <summary>A <see cref="JsonDocument"/> property's name; false when it cannot be decoded.</summary>
        public static bool TryGetName(JsonProperty property, out string? name)
        {
            try
            {
                name = property.Name;
                return true;
            }
            catch (InvalidOperationException)
            {
                name = null;
                return false;
            }
        }

        /// <summary>
        /// Whether the property name at the reader is <paramref name="text"/>; false for a name that cannot be decoded (the
        /// reader's own comparison throws on an escaped lone surrogate).
        /// </summary>
        public static bool NameIs(ref Utf8JsonReader reader, string text)
        {
            try
            {
                return reader.ValueTextEquals(text);
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        /// <summary>A scalar as text (numbers and booleans as their JSON text); false for an object or array, or a string that cannot be decoded.</summary>
        public static bool TryString(ref Utf8JsonReader reader, out string? value)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String: return TryGetText(ref reader, out value); // false: kept raw by the caller
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
                try
                {
                    value = cache.GetString(ref reader);
                    return true;
                }
                catch (InvalidOperationException)
                {
                    value = null;
                    return false;
                }
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

        /// <summary>
        /// A whole number within a long (or a string holding one: sign and digits only); null for JSON null; false for anything
        /// else ("12.5", "12,5", "1,000", 99999999999999999999, "x").
        /// </summary>
        public static bool TryInt64(ref Utf8JsonReader reader, out long? value)
        {
            value = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return true;
                case JsonTokenType.Number when reader.TryGetInt64(out var n): value = n; return true;
                case JsonTokenType.String when TryGetText(ref reader, out var text) && ReplyValues.TryParseWhole(text, out var s): value = s; return true;
                default: return false;
            }
        }

        /// <summary>
        /// A number (or a string holding one as JSON writes it: "12.5", "-0.25", "1e3"); null for JSON null; false for "$1.50",
        /// "12,5" (never 125), "1,234.50" and a number beyond a decimal.
        /// </summary>
        public static bool TryDecimal(ref Utf8JsonReader reader, out decimal? value)
        {
            value = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return true;
                case JsonTokenType.Number when reader.TryGetDecimal(out var n): value = n; return true;
                case JsonTokenType.String when TryGetText(ref reader, out var text) && ReplyValues.TryParseNumber(text, out var s): value = s; return true;
                default: return false;
            }
        }

        /// <summary>
        /// A duration given in seconds: a JSON number (60, 12.5, 1e3) or a string holding one ("12.5", "1e3"), exact to the
        /// tick; null for JSON null; false for a negative value, one beyond what a TimeSpan holds (1000000000000), "12,5" and
        /// any other text.
        /// </summary>
        public static bool TrySeconds(ref Utf8JsonReader reader, out TimeSpan? value)
        {
            value = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return true;
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out var whole)) return ReplyValues.TrySeconds(whole, out value);
                    return reader.TryGetDecimal(out var exact) && ReplyValues.TrySeconds(exact, out value);
                case JsonTokenType.String: return TryGetText(ref reader, out var text) && ReplyValues.TrySeconds(text, out value);
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
                case JsonTokenType.String when TryGetText(ref reader, out var text) && Validation.ValueParsers.TryParseBoolean(text, out var b): value = b; return true;
                default: return false;
            }
        }

        /// <summary>
        /// A date in an unambiguous form only: ISO 8601 (with a zone straight from the bytes; without one, as UTC), Unix time
        /// as a JSON number or a string of digits (seconds, or milliseconds when 13 digits; see
        /// <see cref="ReplyValues.TryEpoch(long, out DateTimeOffset?)"/>), then whatever <paramref name="parse"/> reads (a
        /// provider's own form). Null for JSON null or ""; false for anything else ("01/02/2026", "yesterday"), kept raw.
        /// </summary>
        public static bool TryDate(ref Utf8JsonReader reader, Func<string?, DateTimeOffset?> parse, out DateTimeOffset? value)
        {
            value = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return true;
                case JsonTokenType.Number: return reader.TryGetInt64(out var epoch) && ReplyValues.TryEpoch(epoch, out value);
                case JsonTokenType.String:
                    // The reader's ISO reading gives a date without a zone this machine's offset: only dates with one go that way.
                    if (!reader.ValueIsEscaped && !reader.HasValueSequence && ReplyValues.HasZone(reader.ValueSpan) && reader.TryGetDateTimeOffset(out var iso))
                    {
                        value = iso;
                        return true;
                    }
                    if (!TryGetText(ref reader, out var text)) return false;
                    if (string.IsNullOrEmpty(text)) return true;
                    if (ReplyValues.TryParseIsoDate(text, out var parsed)) { value = parsed; return true; }
                    if (ReplyValues.TryEpoch(text, out value)) return true;
                    value = parse(text);
                    return value.HasValue;
                default: return false;
            }
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
                case JsonTokenType.String:
                    if (!TryString(ref reader, cache, out var one)) return false;
                    value = new Model.ValueList(new[] { one! });
                    return true;
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
                            string? keyText = null;
                            if (!plainKey && !TryGetText(ref copy, out keyText)) return false;
                            copy.Read();
                            var type = copy.TokenType;
                            if (type != JsonTokenType.String && type != JsonTokenType.Number && type != JsonTokenType.True && type != JsonTokenType.False && type != JsonTokenType.Null) return false;
                            if (plainKey && !copy.ValueIsEscaped && !copy.HasValueSequence)
                            {
                                if (!cache.TryGetPair(key, type == JsonTokenType.Null ? ReadOnlySpan<byte>.Empty : copy.ValueSpan, out var pair)) return false;
                                pairs.Add(pair!);
                                continue;
                            }
                            if (!TryString(ref copy, out var v)) return false;
                            if (keyText is null && !ReplyValues.TryDecodeUtf8(key, out keyText)) return false;
                            pairs.Add(keyText + ":" + v);
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
                case JsonTokenType.String:
                    if (!TryGetText(ref reader, out var one)) return false;
                    value = new[] { one! };
                    return true;
                case JsonTokenType.StartObject:
                {
                    var copy = reader; // look ahead: only flat objects of scalars read as key:value
                    var pairs = new List<string>();
                    while (copy.Read() && copy.TokenType != JsonTokenType.EndObject)
                    {
                        if (!TryGetText(ref copy, out var key)) return false;
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

        /// <summary>A metadata value as a whole number within a long; null when absent or anything else (12.5, 99999999999999999999, "x").</summary>
        public static long? MetadataInt64(IReadOnlyDictionary<string, object?> metadata, string key)
        {
            if (!metadata.TryGetValue(key, out var v) || v is null) return null;
            if (v is long l) return l;
            if (v is decimal d && decimal.Truncate(d) == d && d >= long.MinValue && d <= long.MaxValue) return (long)d;
            if (v is string s && ReplyValues.TryParseWhole(s, out l)) return l;
            return null;
        }

        /// <summary>
        /// A metadata value that is a whole number of any size (17, 1000.0, 99999999999999999999, "17"), as its invariant text
        /// ("1000"): what a cursor is, a token to send back as it came rather than a quantity. Null otherwise (12.5, 1e30, "x").
        /// </summary>
        public static string? MetadataWholeNumber(IReadOnlyDictionary<string, object?> metadata, string key)
        {
            if (!metadata.TryGetValue(key, out var v) || v is null) return null;
            if (v is long l) return l.ToString(CultureInfo.InvariantCulture);
            if (v is decimal d) return decimal.Truncate(d) == d ? decimal.Truncate(d).ToString(CultureInfo.InvariantCulture) : null;
            if (!(v is string s) || s.Length == 0 || s.Length > 100) return null;
            for (var i = 0; i < s.Length; i++)
                if ((s[i] < '0' || s[i] > '9') && !(i == 0 && s[i] == '-' && s.Length > 1)) return null;
            return s;
        }
    }

    /// <summary>
    /// Collects the fields of a record that were not typed (unknown fields, or values whose typed read failed), so that
    /// nothing the provider sent is lost. The dictionary is made only when a first field needs it.
    /// </summary>
    public struct RawFields
    {
        private Dictionary<string, object?>? _fields;

        /// <summary>Keeps the value at the reader as sent (<see cref="JsonValues.ReadRaw"/>) under <paramref name="name"/>.</summary>
        public void Keep(string name, ref Utf8JsonReader reader, JsonSource source)
            => (_fields ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = JsonValues.ReadRaw(ref reader, source);

        public IReadOnlyDictionary<string, object?>? Result => _fields;
    }
}
