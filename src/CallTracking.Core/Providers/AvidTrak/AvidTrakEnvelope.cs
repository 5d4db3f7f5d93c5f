using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using CallTracking.Core.Http;
using CallTracking.Core.Json;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// AvidTrak's reply envelope in either format [seed]: JSON {"code":…,"status":"…","data":[…]|null} or XML
    /// &lt;response&gt;&lt;code/&gt;&lt;status/&gt;&lt;data&gt;&lt;row&gt;…&lt;/row&gt;&lt;/data&gt;&lt;/response&gt;, read into the
    /// same rows (XML through System.Xml's reader, never by hand). The code decides success, not the HTTP status.
    /// </summary>
    public sealed class AvidTrakEnvelope
    {
        private AvidTrakEnvelope(string? code, string? status, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows)
        {
            Code = code;
            Status = status;
            Rows = rows;
        }

        public string? Code { get; }
        public string? Status { get; }
        public IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows { get; }

        public bool IsSuccess => Code != null && ((IList<string>)AvidTrakApi.SuccessCodes).Contains(Code);

        private static readonly IReadOnlyList<IReadOnlyDictionary<string, object?>> NoRows = Array.Empty<IReadOnlyDictionary<string, object?>>();

        /// <summary>Reads a whole reply; a body that is neither is a <see cref="TransientContentException"/> (a read may retry it).</summary>
        public static AvidTrakEnvelope Parse(ReadOnlyMemory<byte> body)
        {
            var first = FirstNonSpace(body.Span);
            if (first == (byte)'{') return ParseJson(body);
            if (first == (byte)'<') return ParseXml(body, lenient: false);
            throw new TransientContentException("The AvidTrak reply is neither JSON nor XML.");
        }

        /// <summary>
        /// The code and status only, as far as the body can be read (the seed's own XML error example is not well formed):
        /// null when there is no envelope at all.
        /// </summary>
        public static AvidTrakEnvelope? TryReadHead(ReadOnlyMemory<byte> body)
        {
            try
            {
                var first = FirstNonSpace(body.Span);
                if (first == (byte)'{') return ParseJson(body);
                if (first == (byte)'<') return ParseXml(body, lenient: true);
            }
            catch (TransientContentException) { }
            return null;
        }

        private static byte FirstNonSpace(ReadOnlySpan<byte> span)
        {
            var i = 0;
            if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF) i = 3; // UTF-8 BOM
            for (; i < span.Length; i++)
                if (span[i] != (byte)' ' && span[i] != (byte)'\t' && span[i] != (byte)'\r' && span[i] != (byte)'\n') return span[i];
            return 0;
        }

        private static AvidTrakEnvelope ParseJson(ReadOnlyMemory<byte> body)
        {
            string? code = null, status = null;
            var rows = new List<IReadOnlyDictionary<string, object?>>();
            var source = new JsonSource(body, 0);
            try
            {
                var reader = new Utf8JsonReader(body.Span);
                reader.Read();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = JsonValues.Text(ref reader);
                    reader.Read();
                    switch (name)
                    {
                        case AvidTrakApi.Code: code = JsonValues.ReadString(ref reader, source); break;
                        case AvidTrakApi.Status: status = JsonValues.ReadString(ref reader, source); break;
                        case AvidTrakApi.Data:
                            if (reader.TokenType == JsonTokenType.StartArray)
                            {
                                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                                {
                                    if (reader.TokenType == JsonTokenType.StartObject) rows.Add(ReadJsonRow(ref reader, source));
                                    else rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal) { ["value"] = JsonValues.ReadRaw(ref reader, source) });
                                }
                            }
                            else if (reader.TokenType == JsonTokenType.StartObject) rows.Add(ReadJsonRow(ref reader, source));
                            else if (reader.TokenType != JsonTokenType.Null) rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal) { ["value"] = JsonValues.ReadRaw(ref reader, source) });
                            break;
                        default: reader.Skip(); break;
                    }
                }
                if (reader.CurrentDepth != 0 || reader.Read()) throw new JsonException("The reply has trailing data or ended early.");
            }
            catch (Exception ex) when (JsonPages.IsUnreadable(ex))
            {
                throw new TransientContentException("The AvidTrak reply could not be read as JSON: " + ex.Message, ex);
            }
            return new AvidTrakEnvelope(code, status, rows);
        }

        private static IReadOnlyDictionary<string, object?> ReadJsonRow(ref Utf8JsonReader reader, JsonSource source)
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = JsonValues.Text(ref reader);
                reader.Read();
                row[key] = JsonValues.ReadRaw(ref reader, source);
            }
            return row;
        }

        private static AvidTrakEnvelope ParseXml(ReadOnlyMemory<byte> body, bool lenient)
        {
            string? code = null, status = null;
            var rows = new List<IReadOnlyDictionary<string, object?>>();
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
            var segment = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(body, out var array) ? array : new ArraySegment<byte>(body.ToArray());
            try
            {
                using var stream = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
                using var reader = XmlReader.Create(stream, settings);
                reader.MoveToContent();
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != AvidTrakApi.XmlRoot)
                    throw new XmlException("The reply's root element is not <" + AvidTrakApi.XmlRoot + ">.");
                if (reader.IsEmptyElement) return new AvidTrakEnvelope(null, null, NoRows);
                reader.Read();
                while (!reader.EOF && reader.NodeType != XmlNodeType.EndElement)
                {
                    if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
                    switch (reader.LocalName)
                    {
                        case AvidTrakApi.Code: code = reader.ReadElementContentAsString().Trim(); break;
                        case AvidTrakApi.Status: status = reader.ReadElementContentAsString().Trim(); break;
                        case AvidTrakApi.Data: ReadXmlData(reader, rows); break;
                        default: reader.Skip(); break;
                    }
                }
            }
            catch (XmlException ex)
            {
                if (lenient && code != null) return new AvidTrakEnvelope(code, status, NoRows);
                throw new TransientContentException("The AvidTrak reply could not be read as XML: " + ex.Message, ex);
            }
            return new AvidTrakEnvelope(code, status, rows);
        }

        private static void ReadXmlData(XmlReader reader, List<IReadOnlyDictionary<string, object?>> rows)
        {
            if (reader.IsEmptyElement) { reader.Read(); return; }
            var depth = reader.Depth;
            reader.Read();
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == AvidTrakApi.XmlRow)
                {
                    var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                    if (reader.IsEmptyElement) { reader.Read(); rows.Add(row); continue; }
                    var rowDepth = reader.Depth;
                    reader.Read();
                    while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == rowDepth))
                    {
                        if (reader.NodeType == XmlNodeType.Element) row[reader.LocalName] = ReadField(reader);
                        else reader.Read();
                    }
                    reader.Read(); // </row>
                    rows.Add(row);
                }
                else if (reader.NodeType == XmlNodeType.Element) reader.Skip();
                else reader.Read();
            }
            reader.Read(); // </data>
        }

        /// <summary>
        /// A row field's text with entities decoded (&amp;amp; is &amp;, as the same value in JSON); a field that holds elements
        /// keeps them as XML text, as a nested JSON value is kept as its JSON text.
        /// </summary>
        private static string ReadField(XmlReader reader)
        {
            var element = (XElement)XNode.ReadFrom(reader);
            return (element.HasElements ? string.Concat(element.Nodes()) : element.Value).Trim();
        }
    }
}
