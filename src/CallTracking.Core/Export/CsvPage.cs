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

        public static CsvPage Parse(ReadOnlyMemory<byte> body)
        {
            string[]? header = null;
            var rows = new List<string[]>();
            try
            {
                // Read the pooled page in place (no second copy of it).
                var segment = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(body, out var array) ? array : new ArraySegment<byte>(body.ToArray());
                using var reader = new StreamReader(new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false), Encoding.UTF8);
                using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectColumnCountChanges = true });
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
            return new CsvPage(header, rows);
        }
    }
}
