using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Http;
using CallTracking.Core.Paging;
using CsvHelper;
using CsvHelper.Configuration;
using Polly;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>
    /// Copies the provider's CSV pages into one CSV file: the header once, then every page's rows. CSV replies carry no
    /// metadata, so paging stops at the first page shorter than per_page. Rows are parsed with CsvHelper (quoted commas and
    /// line breaks inside fields stay one row) and re-written, so the file is valid whatever the pages looked like.
    /// </summary>
    internal static class CsvExport
    {
        public static async Task<long> CopyPagesAsync(TrackDriveClient client, string operation, string path, QueryBuilder baseQuery, int perPage, long? first, Stream destination, Action<PageProgress>? observer, CancellationToken cancellationToken)
        {
            long written = 0;
            var page = 1;
            string[]? header = null;
            using var writer = new StreamWriter(destination, new UTF8Encoding(false), 65536, leaveOpen: true);
            using var csvOut = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
            while (true)
            {
                var q = new QueryBuilder();
                foreach (var p in baseQuery.Pairs) q.Add(p.Key, p.Value);
                q.Add(TrackDriveApi.Page, (long)page).Add(TrackDriveApi.PerPage, (long)perPage);
                var rows = await client.PageRetryPipeline.ExecuteAsync(async ct =>
                {
                    using var response = await client.GetAsync(q.AppendTo(path), new RequestOperation(operation, OperationSafety.Read), ct).ConfigureAwait(false);
                    return ReadRows(response.Body);
                }, cancellationToken).ConfigureAwait(false);

                if (header is null && rows.Header != null)
                {
                    header = rows.Header;
                    foreach (var h in header) csvOut.WriteField(h);
                    await csvOut.NextRecordAsync().ConfigureAwait(false);
                }
                var count = 0;
                foreach (var row in rows.Rows)
                {
                    if (first.HasValue && written >= first.Value) break;
                    foreach (var field in row) csvOut.WriteField(field);
                    await csvOut.NextRecordAsync().ConfigureAwait(false);
                    written++;
                    count++;
                }
                observer?.Invoke(new PageProgress(operation, page, written, null));
                if (rows.Rows.Count < perPage || (first.HasValue && written >= first.Value)) break;
                page++;
            }
            await csvOut.FlushAsync().ConfigureAwait(false);
            return written;
        }

        private sealed class CsvPage
        {
            public string[]? Header;
            public System.Collections.Generic.List<string[]> Rows = new System.Collections.Generic.List<string[]>();
        }

        private static CsvPage ReadRows(ReadOnlyMemory<byte> body)
        {
            var page = new CsvPage();
            try
            {
                // Read the pooled page in place (no second copy of it).
                var segment = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(body, out var array) ? array : new ArraySegment<byte>(body.ToArray());
                using var reader = new StreamReader(new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false), Encoding.UTF8);
                using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectColumnCountChanges = true });
                while (csv.Read())
                {
                    var record = csv.Record ?? Array.Empty<string>();
                    if (page.Header is null) page.Header = record;
                    else page.Rows.Add(record);
                }
            }
            catch (CsvHelperException ex)
            {
                throw new TransientContentException("The CSV reply could not be read: " + ex.Message, ex);
            }
            return page;
        }
    }
}
