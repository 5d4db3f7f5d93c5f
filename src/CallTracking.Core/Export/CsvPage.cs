using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CallTracking.Core.Http;
using CsvHelper;
using CsvHelper.Configuration;

namespace CallTracking.Core.Export
{
    /// <summary>
    /// One page of a provider's CSV reply: its header and rows, parsed with CsvHelper (quoted commas and line breaks inside
    /// a field stay one row). A reply that does not parse is a <see cref="TransientContentException"/>, so a read retries it.
    /// </summary>
    public sealed class CsvPage
    {
        private CsvPage(string[]? header, List<string[]> rows)
        {
            Header = header;
            Rows = rows;
        }

        public string[]? Header { get; }
        public IReadOnlyList<string[]> Rows { get; }

        /// <summary>
        /// Reads one CSV page; a reply that is not CSV (an HTML or JSON error body, by its media type or its first
        /// character) is refused rather than read as a header.
        /// </summary>
        public static CsvPage Parse(ReadOnlyMemory<byte> body, string? mediaType)
        {
            var type = (mediaType ?? string.Empty).ToLowerInvariant();
            if (type.Contains("json") || type.Contains("html") || type.Contains("xml"))
                throw new TransientContentException("The reply is " + mediaType + ", not CSV.");
            var first = FirstCharacter(body.Span);
            if (first == '{' || first == '[' || first == '<')
                throw new TransientContentException("The reply starts with '" + first + "': it is not CSV.");
            return Parse(body);
        }

        private static char FirstCharacter(ReadOnlySpan<byte> span)
        {
            var i = span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF ? 3 : 0;
            for (; i < span.Length; i++)
                if (span[i] != (byte)' ' && span[i] != (byte)'\t' && span[i] != (byte)'\r' && span[i] != (byte)'\n') return (char)span[i];
            return '\0';
        }

        public static CsvPage Parse(ReadOnlyMemory<byte> body)
        {
            string[]? header = null;
            var rows = new List<string[]>();
            try
            {
                // Read the pooled page in place (no second copy of it).
                var segment = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(body, out var array) ? array : new ArraySegment<byte>(body.ToArray());
                using var reader = new StreamReader(new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false), Encoding.UTF8);
                // A quoted field that does not close where the field ends merged rows or was cut: never written as is. A
                // quote inside an unquoted field (=HYPERLINK("…") from a sloppy writer) is kept as it came.
                using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
                {
                    BadDataFound = args =>
                    {
                        if ((args.Field ?? string.Empty).TrimStart().StartsWith("\"", StringComparison.Ordinal))
                            throw new TransientContentException("The CSV reply has an unbalanced quote in row " + (args.Context?.Parser?.Row.ToString(CultureInfo.InvariantCulture) ?? "?") + ": the reply is incomplete or malformed.");
                    },
                    DetectColumnCountChanges = true,
                });
                while (csv.Read())
                {
                    var record = csv.Record ?? Array.Empty<string>();
                    if (header is null) header = record;
                    else rows.Add(record);
                }
            }
            catch (CsvHelperException ex)
            {
                throw new TransientContentException("The CSV reply could not be read: " + ex.Message, ex);
            }
            // A body cut mid-row, or an unbalanced quote that merged rows, leaves a row of another width: the page is
            // fetched again rather than written with a broken row.
            foreach (var row in rows)
                if (header != null && row.Length != header.Length)
                    throw new TransientContentException("A CSV row has " + row.Length + " fields, the header " + header.Length + ": the reply is incomplete or malformed.");
            return new CsvPage(header, rows);
        }
    }
}
