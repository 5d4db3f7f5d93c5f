using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml;
using CallTracking.Core.Validation;
using CsvHelper;
using CsvHelper.Configuration;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>The three formats of the data feed [seed].</summary>
    public enum AvanserFeedFormat
    {
        Json,
        Csv,
        Xml,
    }

    /// <summary>One item read from a feed: a record, or the error of one row (the reading goes on with the next).</summary>
    public sealed class AvanserFeedItem
    {
        internal AvanserFeedItem(long rowNumber, AvanserFeedCallRecord? record, string? error)
        {
            RowNumber = rowNumber;
            Record = record;
            Error = error;
        }

        public long RowNumber { get; }
        public AvanserFeedCallRecord? Record { get; }
        /// <summary>Why the row gave no record (names the row); null for a record.</summary>
        public string? Error { get; }
    }

    /// <summary>A feed that cannot be read on (malformed JSON or XML, broken CSV quoting): names the row it broke in.</summary>
    public sealed class AvanserFeedFormatException : FormatException
    {
        public AvanserFeedFormatException(string message, long rowNumber, Exception? inner = null) : base(message, inner) { RowNumber = rowNumber; }
        public long RowNumber { get; }
    }

    /// <summary>
    /// Reads an AVANSER data feed (JSON, CSV or XML) from a stream into <see cref="AvanserFeedCallRecord"/>s, one at a time
    /// as the stream is read: JSON with Utf8JsonReader over a bounded buffer (one record's bytes at a time), CSV with
    /// CsvHelper, XML with XmlReader. The three formats go through one mapping (<see cref="Map"/>), so they give equal
    /// records. A value that does not read as its type leaves its property null (Raw keeps it); a row that is not a record
    /// (a CSV row with the wrong number of cells, a JSON value that is not an object, no call_id) is an item with an error;
    /// a feed that cannot be read on throws <see cref="AvanserFeedFormatException"/> naming the row.
    /// </summary>
    public static class AvanserFeedReader
    {
        // ---- Format ---------------------------------------------------------------------------------------------------------

        /// <summary>The format named by -Format (Json, Csv, Xml; Auto or null = null).</summary>
        public static AvanserFeedFormat? ParseFormat(string? name)
        {
            if (string.IsNullOrWhiteSpace(name) || string.Equals(name, "Auto", StringComparison.OrdinalIgnoreCase)) return null;
            if (Enum.TryParse<AvanserFeedFormat>(name!.Trim(), true, out var f) && Enum.IsDefined(typeof(AvanserFeedFormat), f)) return f;
            throw new CallTrackingArgumentException("Format", name, "one of " + string.Join(", ", AvanserApi.FeedFormats));
        }

        /// <summary>The format a Content-Type names (null: none, or text/plain, octet-stream…).</summary>
        public static AvanserFeedFormat? FromContentType(string? contentType)
        {
            if (string.IsNullOrWhiteSpace(contentType)) return null;
            var media = contentType!.Split(';')[0].Trim().ToLowerInvariant();
            if (AvanserApi.FeedJsonContentTypes.Contains(media) || media.EndsWith("+json", StringComparison.Ordinal)) return AvanserFeedFormat.Json;
            if (AvanserApi.FeedCsvContentTypes.Contains(media)) return AvanserFeedFormat.Csv;
            if (AvanserApi.FeedXmlContentTypes.Contains(media) || media.EndsWith("+xml", StringComparison.Ordinal)) return AvanserFeedFormat.Xml;
            return null;
        }

        /// <summary>The format a file name or URL path's extension names (null when none does).</summary>
        public static AvanserFeedFormat? FromName(string? name)
        {
            if (string.IsNullOrWhiteSpace(name)) return null;
            var ext = Path.GetExtension(name!.Split('?', '#')[0]).ToLowerInvariant();
            if (AvanserApi.FeedJsonExtensions.Contains(ext)) return AvanserFeedFormat.Json;
            if (AvanserApi.FeedCsvExtensions.Contains(ext)) return AvanserFeedFormat.Csv;
            if (AvanserApi.FeedXmlExtensions.Contains(ext)) return AvanserFeedFormat.Xml;
            return null;
        }

        /// <summary>The format the first byte that is not white space (nor a byte order mark) shows: [ or { JSON, &lt; XML, else CSV.</summary>
        public static AvanserFeedFormat FromFirstByte(int b) => b == '[' || b == '{' ? AvanserFeedFormat.Json : b == '<' ? AvanserFeedFormat.Xml : AvanserFeedFormat.Csv;

        /// <summary>
        /// Decides the format (explicit, else Content-Type, else the name's extension, else the first byte) and reads the
        /// stream. <paramref name="decided"/> says how it was decided (for -Verbose).
        /// </summary>
        public static IEnumerable<AvanserFeedItem> Read(Stream stream, AvanserFeedFormat? format, string? contentType, string? name, out AvanserFeedFormat chosen, out string decided)
        {
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            if (format.HasValue) { chosen = format.Value; decided = "-Format"; }
            else if (FromContentType(contentType) is AvanserFeedFormat byType) { chosen = byType; decided = "Content-Type " + contentType; }
            else if (FromName(name) is AvanserFeedFormat byName) { chosen = byName; decided = "the extension of " + Path.GetFileName(name!.Split('?', '#')[0]); }
            else
            {
                var prefixed = PrefixedStream.Peek(stream, out var first);
                stream = prefixed;
                chosen = FromFirstByte(first);
                decided = first < 0 ? "an empty feed" : "its first character '" + (char)first + "'";
            }
            return Read(stream, chosen);
        }

        /// <summary>Reads a stream in the given format, lazily (nothing is read before the first MoveNext).</summary>
        public static IEnumerable<AvanserFeedItem> Read(Stream stream, AvanserFeedFormat format)
        {
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            var rows = format switch
            {
                AvanserFeedFormat.Json => JsonRows(stream),
                AvanserFeedFormat.Csv => CsvRows(stream),
                _ => XmlRows(stream),
            };
            return rows.Select(r => r.Error != null ? new AvanserFeedItem(r.Number, null, r.Error) : Map(r));
        }

        // ---- Rows -------------------------------------------------------------------------------------------------------------

        /// <summary>One row as a format gives it: field names and their text (null for a JSON null or an XML nil).</summary>
        internal sealed class FeedRow
        {
            public FeedRow(long number, List<KeyValuePair<string, string?>> fields, string where) { Number = number; Fields = fields; Where = where; }
            public FeedRow(long number, string error) { Number = number; Fields = new List<KeyValuePair<string, string?>>(); Where = string.Empty; Error = error; }
            public long Number { get; }
            public List<KeyValuePair<string, string?>> Fields { get; }
            /// <summary>Where the row is in its input ("line 12"), for messages.</summary>
            public string Where { get; }
            public string? Error { get; }
        }

        // JSON: the records are the objects that are elements of an array, at any depth (the seed's bare array, or an object
        // that aggregates arrays by year/month/day [seed: "Data is aggregated by Year, Month and Day"; the nesting assumed]).
        private sealed class JsonScan
        {
            public byte[] Buffer = new byte[64 * 1024];
            public int Start;
            public int End;
            public bool Final;
            public JsonReaderState State = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            public readonly Stack<bool> InArray = new Stack<bool>();
            public bool SawRoot;
            public long Row;
            public readonly List<FeedRow> Ready = new List<FeedRow>();
            /// <summary>The error the chunk broke on, thrown after the rows before it are handed out.</summary>
            public AvanserFeedFormatException? Failure;
        }

        private static IEnumerable<FeedRow> JsonRows(Stream stream)
        {
            var s = new JsonScan();
            var bomChecked = false;
            while (true)
            {
                if (!s.Final)
                {
                    if (s.Start == s.End) s.Start = s.End = 0;
                    if (s.End == s.Buffer.Length)
                    {
                        if (s.Start > 0)
                        {
                            System.Buffer.BlockCopy(s.Buffer, s.Start, s.Buffer, 0, s.End - s.Start);
                            s.End -= s.Start;
                            s.Start = 0;
                        }
                        else
                        {
                            if (s.Buffer.Length >= AvanserApi.FeedMaxRecordBytes)
                                throw new AvanserFeedFormatException("The JSON feed's row " + (s.Row + 1) + " is larger than " + AvanserApi.FeedMaxRecordBytes + " bytes (an unterminated object?).", s.Row + 1);
                            Array.Resize(ref s.Buffer, s.Buffer.Length * 2);
                        }
                    }
                    var n = stream.Read(s.Buffer, s.End, s.Buffer.Length - s.End);
                    if (n == 0) s.Final = true; else s.End += n;
                }
                if (!bomChecked)
                {
                    if (s.End - s.Start < 3 && !s.Final) continue;
                    if (s.End - s.Start >= 3 && s.Buffer[s.Start] == 0xEF && s.Buffer[s.Start + 1] == 0xBB && s.Buffer[s.Start + 2] == 0xBF) s.Start += 3;
                    bomChecked = true;
                }
                JsonChunk(s);
                foreach (var row in s.Ready) yield return row;
                s.Ready.Clear();
                if (s.Failure != null) throw s.Failure;
                if (s.Final)
                {
                    if (!s.SawRoot) throw new AvanserFeedFormatException("The JSON feed is empty (expected an array of call records).", 0);
                    if (s.InArray.Count > 0) throw new AvanserFeedFormatException("The JSON feed ends inside a value after row " + s.Row + " (cut off?).", s.Row + 1);
                    yield break;
                }
            }
        }

        private static void JsonChunk(JsonScan s)
        {
            var span = new ReadOnlySpan<byte>(s.Buffer, s.Start, s.End - s.Start);
            var reader = new Utf8JsonReader(span, s.Final, s.State);
            long consumed = 0;
            var state = s.State;
            try
            {
                while (true)
                {
                    consumed = reader.BytesConsumed;
                    state = reader.CurrentState;
                    if (!reader.Read()) break;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartArray:
                            s.SawRoot = true;
                            s.InArray.Push(true);
                            break;
                        case JsonTokenType.StartObject when s.InArray.Count > 0 && s.InArray.Peek():
                        {
                            var from = (int)reader.TokenStartIndex;
                            if (!reader.TrySkip())
                            {
                                // The record is not all in the buffer: go back to its start and read more.
                                s.Start += (int)consumed;
                                s.State = state;
                                return;
                            }
                            s.Row++;
                            var record = span.Slice(from, (int)reader.BytesConsumed - from);
                            s.Ready.Add(JsonRecord(record, s.Row));
                            break;
                        }
                        case JsonTokenType.StartObject:
                            s.SawRoot = true;
                            s.InArray.Push(false);
                            break;
                        case JsonTokenType.EndArray:
                        case JsonTokenType.EndObject:
                            s.InArray.Pop();
                            break;
                        case JsonTokenType.PropertyName:
                        case JsonTokenType.Comment:
                            break;
                        default:
                            if (s.InArray.Count == 0) { s.Failure = new AvanserFeedFormatException("The JSON feed is a single " + reader.TokenType + " value, not an array of call records.", 0); return; }
                            if (s.InArray.Peek()) { s.Row++; s.Ready.Add(new FeedRow(s.Row, "Row " + s.Row + " of the JSON feed is " + reader.TokenType + ", not an object")); }
                            break;
                    }
                }
                s.Start += (int)reader.BytesConsumed;
                s.State = reader.CurrentState;
            }
            catch (JsonException ex)
            {
                s.Failure = new AvanserFeedFormatException("The JSON feed is malformed in row " + (s.Row + 1) + " (after row " + s.Row + ", line " + ((ex.LineNumber ?? 0) + 1)
                    + ", byte " + ((ex.BytePositionInLine ?? 0) + 1) + " of the line): " + FirstSentence(ex.Message), s.Row + 1, ex);
            }
        }

        private static FeedRow JsonRecord(ReadOnlySpan<byte> json, long row)
        {
            var fields = new List<KeyValuePair<string, string?>>(48);
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            reader.Read(); // StartObject
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString() ?? string.Empty;
                reader.Read();
                string? value;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String: value = reader.GetString(); break;
                    case JsonTokenType.Number: value = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()); break;
                    case JsonTokenType.True: value = "true"; break;
                    case JsonTokenType.False: value = "false"; break;
                    case JsonTokenType.Null: value = null; break;
                    default:
                        using (var doc = JsonDocument.ParseValue(ref reader)) value = doc.RootElement.GetRawText();
                        break;
                }
                fields.Add(new KeyValuePair<string, string?>(name, value));
            }
            return new FeedRow(row, fields, "row " + row);
        }

        private static IEnumerable<FeedRow> CsvRows(Stream stream)
        {
            string? bad = null;
            var config = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                Delimiter = AvanserApi.FeedCsvDelimiter,
                HasHeaderRecord = true,
                DetectColumnCountChanges = false,
                IgnoreBlankLines = true,
                MissingFieldFound = null,
                HeaderValidated = null,
                BadDataFound = args => bad ??= "a stray quote in " + Shorten(args.Field),
            };
            using var text = new StreamReader(stream, new UTF8Encoding(false), true, 16 * 1024, leaveOpen: true);
            using var csv = new CsvReader(text, config);
            long row = 0;
            if (!CsvStep(csv, 0)) yield break;
            var header = csv.Parser.Record ?? Array.Empty<string>();
            header = header.Select(h => (h ?? string.Empty).Trim()).ToArray();
            if (!header.Contains(AvanserApi.FeedIdField, StringComparer.OrdinalIgnoreCase))
                throw new AvanserFeedFormatException("The CSV feed's header has no " + AvanserApi.FeedIdField + " column (it starts: " + Shorten(string.Join(",", header)) + ").", 0);
            while (CsvStep(csv, row + 1))
            {
                row++;
                var cells = csv.Parser.Record ?? Array.Empty<string>();
                var line = csv.Parser.RawRow;
                if (bad != null)
                {
                    yield return new FeedRow(row, "Row " + row + " of the CSV feed (line " + line + ") has " + bad);
                    bad = null;
                    continue;
                }
                if (cells.Length != header.Length)
                {
                    yield return new FeedRow(row, "Row " + row + " of the CSV feed (line " + line + ") has " + cells.Length + " cells; the header has " + header.Length);
                    continue;
                }
                var fields = new List<KeyValuePair<string, string?>>(header.Length);
                for (var i = 0; i < header.Length; i++) fields.Add(new KeyValuePair<string, string?>(header[i], cells[i]));
                yield return new FeedRow(row, fields, "line " + line);
            }
        }

        private static bool CsvStep(CsvReader csv, long row)
        {
            try { return csv.Read(); }
            catch (CsvHelperException ex)
            {
                throw new AvanserFeedFormatException("The CSV feed cannot be read on at row " + row + ": " + FirstSentence(ex.Message), row, ex);
            }
        }

        private static IEnumerable<FeedRow> XmlRows(Stream stream)
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreWhitespace = true,
                IgnoreProcessingInstructions = true,
                CloseInput = false,
            };
            using var xml = XmlReader.Create(stream, settings);
            long row = 0;
            while (XmlStep(xml, row, x => x.Read()))
            {
                if (xml.NodeType != XmlNodeType.Element || !AvanserApi.FeedXmlRecordElements.Contains(xml.LocalName, StringComparer.OrdinalIgnoreCase)) continue;
                row++;
                var line = ((IXmlLineInfo)xml).LineNumber;
                var r = row;
                yield return XmlStep(xml, row, x => XmlRecord(x, r, line));
            }
        }

        private static FeedRow XmlRecord(XmlReader xml, long row, int line)
        {
            var fields = new List<KeyValuePair<string, string?>>(48);
            if (xml.MoveToFirstAttribute())
            {
                do
                {
                    if (xml.Prefix == "xmlns" || xml.LocalName == "xmlns") continue;
                    fields.Add(new KeyValuePair<string, string?>(xml.LocalName, xml.Value));
                } while (xml.MoveToNextAttribute());
                xml.MoveToElement();
            }
            if (xml.IsEmptyElement) return new FeedRow(row, fields, "line " + line);
            var depth = xml.Depth;
            xml.Read();
            while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element) { xml.Read(); continue; }
                var name = xml.LocalName;
                var nil = xml.GetAttribute(AvanserApi.FeedXmlNilAttribute) ?? xml.GetAttribute(AvanserApi.FeedXmlNilAttribute, "http://www.w3.org/2001/XMLSchema-instance");
                if (nil != null && (nil == "true" || nil == "1"))
                {
                    xml.Skip();
                    fields.Add(new KeyValuePair<string, string?>(name, null));
                }
                else fields.Add(new KeyValuePair<string, string?>(name, xml.ReadElementContentAsString()));
            }
            return new FeedRow(row, fields, "line " + line);
        }

        private static T XmlStep<T>(XmlReader xml, long row, Func<XmlReader, T> step)
        {
            try { return step(xml); }
            catch (XmlException ex)
            {
                throw new AvanserFeedFormatException("The XML feed is malformed in row " + Math.Max(row, 1) + " (line " + ex.LineNumber + ", position " + ex.LinePosition + "): " + FirstSentence(ex.Message), Math.Max(row, 1), ex);
            }
        }

        // ---- Mapping (the same for every format) ---------------------------------------------------------------------------

        /// <summary>The record of one row: every field of AvanserApi.FeedFields typed, every field kept in Raw.</summary>
        internal static AvanserFeedItem Map(FeedRow row)
        {
            var raw = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var f in row.Fields)
            {
                var d = AvanserApi.FindFeedField(f.Key);
                var text = string.IsNullOrEmpty(f.Value) ? null : f.Value;
                object? value = text;
                if (text != null && d != null && IsWhole(d.Kind) && long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) value = n;
                else if (text != null && d != null && d.Kind == AvanserFeedFieldKind.Flag && ValueParsers.TryParseBoolean(text.Trim(), out var b)) value = b ? 1L : 0L;
                raw[d?.Name ?? f.Key] = value;
            }
            string? Text(string name) => raw.TryGetValue(name, out var v) && v != null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

            var id = Text(AvanserApi.FeedIdField);
            if (id is null)
                return new AvanserFeedItem(row.Number, null, "Row " + row.Number + " of the feed (" + row.Where + ") has no " + AvanserApi.FeedIdField
                    + (raw.Count == 0 ? " (no fields at all)" : " among its fields (" + Shorten(string.Join(", ", raw.Keys)) + ")"));
            var record = new AvanserFeedCallRecord(id, raw) { RowNumber = row.Number, InProgress = false };
            var zone = Zone(Text(AvanserApi.FeedTimeZoneField));
            var parameters = new string?[AvanserApi.FeedParameterCount];
            foreach (var d in AvanserApi.FeedFields)
            {
                var v = Text(d.Name);
                if (v is null) continue;
                if (d.Property.StartsWith("CallParameters[", StringComparison.Ordinal))
                {
                    parameters[int.Parse(d.Property.Substring(15, d.Property.Length - 16), CultureInfo.InvariantCulture) - 1] = v;
                    continue;
                }
                Assign(record, d, v, zone, raw);
            }
            record.CallParameters = parameters;
            return new AvanserFeedItem(row.Number, record, null);
        }

        private static bool IsWhole(AvanserFeedFieldKind k) => k == AvanserFeedFieldKind.Integer || k == AvanserFeedFieldKind.Seconds || k == AvanserFeedFieldKind.UnixTime;

        private static void Assign(AvanserFeedCallRecord c, AvanserFeedField d, string v, TimeZoneInfo? zone, Dictionary<string, object?> raw)
        {
            switch (d.Property)
            {
                case "Id": break; // the constructor's
                case "RecordingUrl": c.RecordingUrl = v; break;
                case "ConnectionDuration": c.ConnectionDuration = Seconds(v); break;
                case "Direction": c.Direction = v; break;
                case "TotalDuration": c.TotalDuration = Seconds(v); break;
                case "AnsweredDuration": c.AnsweredDuration = Seconds(v); break;
                case "LocalEndTime": c.LocalEndTime = Local(v, zone, TzOffset(raw, "call_tz_end_time")); break;
                case "LocalTime": c.LocalTime = Local(v, zone, TzOffset(raw, "call_tz_start_time")); break;
                case "LocalStartTime": c.LocalStartTime = Local(v, zone, TzOffset(raw, "call_tz_start_time")); break;
                case "HasAudio": c.HasAudio = Flag(v); break;
                case "IsArtic": c.IsArtic = Flag(v); break;
                case "Status": c.Status = v; break;
                case "StatusCode": c.StatusCode = (int?)Int64(v); break;
                case "TimeZone": c.TimeZone = v; break;
                case "EndedAt": c.EndedAt = Tz(v); break;
                case "CreatedAt": c.CreatedAt = Tz(v); break;
                case "UnixEndTime": c.UnixEndTime = Unix(v); break;
                case "UnixTime": c.UnixTime = Unix(v); break;
                case "UniqueId": c.UniqueId = v; break;
                case "CallerCountry": c.CallerCountry = v; break;
                case "CallerCity": c.CallerCity = v; break;
                case "CallerNumber":
                    if (string.Equals(v.Trim(), AvanserApi.PrivateCaller, StringComparison.OrdinalIgnoreCase)) c.CallerPrivate = true;
                    else c.CallerNumber = Phone(v);
                    break;
                case "CallerState": c.CallerState = v; break;
                case "ClientId": c.ClientId = Int64(v); break;
                case "CustomGroup": c.CustomGroup = v; break;
                case "CustomId": c.CustomId = v; break;
                case "PrivateReference": c.PrivateReference = v; break;
                case "TargetName": c.TargetName = v; break;
                case "ConnectedTo": c.ConnectedTo = Phone(v); break;
                case "TrackingMasterId": c.TrackingMasterId = Int64(v); break;
                case "TrackingName": c.TrackingName = v; break;
                case "TrackingNotes": c.TrackingNotes = v; break;
                case "CalledNumber": c.CalledNumber = Phone(v); break;
                case "TrackingWpcId": c.TrackingWpcId = Int64(v); break;
                default: throw new InvalidOperationException("No property " + d.Property + " for the feed field " + d.Name + " (AvanserApi.FeedFields)");
            }
        }

        // ---- Values -------------------------------------------------------------------------------------------------------------

        private static readonly Dictionary<string, TimeZoneInfo?> Zones = new Dictionary<string, TimeZoneInfo?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The zone of an IANA name (null when this system does not know it: the tz forms' offsets are used then).</summary>
        private static TimeZoneInfo? Zone(string? name)
        {
            if (string.IsNullOrWhiteSpace(name)) return null;
            lock (Zones)
            {
                if (Zones.TryGetValue(name!, out var known)) return known;
                TimeZoneInfo? zone;
                try { zone = TimeZoneInfo.FindSystemTimeZoneById(name!.Trim()); }
                catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException || ex is System.Security.SecurityException) { zone = null; }
                return Zones[name!] = zone;
            }
        }

        private static TimeSpan? TzOffset(Dictionary<string, object?> raw, string field)
            => raw.TryGetValue(field, out var v) && v is string s && Tz(s) is DateTimeOffset d ? d.Offset : (TimeSpan?)null;

        /// <summary>A wall-clock time in the zone: its offset from the zone (an ambiguous hour takes the tz form's offset when it is one of the two).</summary>
        private static DateTimeOffset? Local(string v, TimeZoneInfo? zone, TimeSpan? tzOffset)
        {
            if (!DateTime.TryParseExact(v.Trim(), new[] { "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
            local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            TimeSpan offset;
            if (zone != null)
            {
                if (zone.IsAmbiguousTime(local) && tzOffset.HasValue && zone.GetAmbiguousTimeOffsets(local).Contains(tzOffset.Value)) offset = tzOffset.Value;
                else if (zone.IsInvalidTime(local)) { if (!tzOffset.HasValue) return null; offset = tzOffset.Value; }
                else offset = zone.GetUtcOffset(local);
            }
            else if (tzOffset.HasValue) offset = tzOffset.Value;
            else return null;
            try { return new DateTimeOffset(local, offset); }
            catch (ArgumentException) { return null; }
        }

        /// <summary>"2020-05-26T17:00:18+1000" (also +10:00 and Z).</summary>
        private static DateTimeOffset? Tz(string v)
        {
            var t = v.Trim();
            if (t.Length > 5 && (t[t.Length - 5] == '+' || t[t.Length - 5] == '-') && t.Substring(t.Length - 4).All(char.IsDigit))
                t = t.Substring(0, t.Length - 2) + ":" + t.Substring(t.Length - 2);
            return DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : (DateTimeOffset?)null;
        }

        private static DateTimeOffset? Unix(string v)
            => long.TryParse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) && s >= 0 && s <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(s) : (DateTimeOffset?)null;

        private static TimeSpan? Seconds(string v)
            => long.TryParse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) && s >= 0 && s < 1_000_000_000 ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;

        private static long? Int64(string v) => long.TryParse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;

        private static bool? Flag(string v) => ValueParsers.TryParseBoolean(v.Trim(), out var b) ? b : (bool?)null;

        private static string Phone(string v)
            => PhoneNumberNormalizer.TryNormalize(v.Trim(), AvanserApi.DefaultCountry, out var e164, out _) ? e164! : v;

        private static string Shorten(string? s) => s is null ? string.Empty : s.Length <= 80 ? s : s.Substring(0, 77) + "...";

        private static string FirstSentence(string message)
        {
            var m = message ?? string.Empty;
            var cut = m.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0) m = m.Substring(0, cut);
            cut = m.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) m = m.Substring(0, cut);
            return Shorten(m.Trim().TrimEnd('.').Replace("\r", " ").Replace("\n", " ").Trim());
        }

        // ---- A stream with its first bytes read ahead (to see the first character without losing it) ------------------------

        internal sealed class PrefixedStream : Http.ReadOnlyStream
        {
            private readonly Stream _inner;
            private readonly byte[] _prefix;
            private int _at;

            private PrefixedStream(Stream inner, byte[] prefix) { _inner = inner; _prefix = prefix; }

            /// <summary>Reads ahead to the first byte that is not white space or a byte order mark; the stream returned reads from the start.</summary>
            public static Stream Peek(Stream inner, out int first)
            {
                var read = new List<byte>();
                first = -1;
                var one = new byte[1];
                while (read.Count < 64 * 1024)
                {
                    if (inner.Read(one, 0, 1) == 0) break;
                    read.Add(one[0]);
                    var b = one[0];
                    if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF) continue;
                    first = b;
                    break;
                }
                return new PrefixedStream(inner, read.ToArray());
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (_at < _prefix.Length)
                {
                    var n = Math.Min(count, _prefix.Length - _at);
                    System.Buffer.BlockCopy(_prefix, _at, buffer, offset, n);
                    _at += n;
                    BytesRead += n;
                    return n;
                }
                var read = _inner.Read(buffer, offset, count);
                BytesRead += read;
                return read;
            }

        }
    }
}
