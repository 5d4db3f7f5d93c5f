using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Paging;
using CsvHelper;
using CsvHelper.Configuration;

namespace CallTracking.Core.Export
{
    /// <summary>
    /// Copies a provider's CSV pages into one CSV stream: the header once, then every page's rows, re-written by CsvHelper
    /// so the file is valid whatever the pages looked like. CSV replies carry no paging metadata, so paging stops at the
    /// first page shorter than the page size. Any provider that serves CSV by page number uses it.
    /// </summary>
    public static class CsvPageCopy
    {
        /// <summary>Fetches page <c>pageNumber</c> (1-based) of the CSV, as one request with its own retry budget.</summary>
        public delegate Task<CsvPage> CsvPageFetcher(int pageNumber, CancellationToken cancellationToken);

        /// <summary>Returns the number of rows written.</summary>
        public static async Task<long> CopyAsync(string operation, CsvPageFetcher fetchPage, int perPage, long? first, Stream destination,
            Action<PageProgress>? observer, CancellationToken cancellationToken)
        {
            if (fetchPage is null) throw new ArgumentNullException(nameof(fetchPage));
            if (destination is null) throw new ArgumentNullException(nameof(destination));
            long written = 0;
            var pageNumber = 1;
            string[]? header = null;
            using var writer = new StreamWriter(destination, new UTF8Encoding(false), 65536, leaveOpen: true);
            using var csvOut = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
            while (!(first.HasValue && written >= first.Value))
            {
                var page = await fetchPage(pageNumber, cancellationToken).ConfigureAwait(false);
                if (header is null && page.Header != null)
                {
                    header = page.Header;
                    foreach (var h in header) csvOut.WriteField(h);
                    await csvOut.NextRecordAsync().ConfigureAwait(false);
                }
                foreach (var row in page.Rows)
                {
                    if (first.HasValue && written >= first.Value) break;
                    foreach (var field in row) csvOut.WriteField(field);
                    await csvOut.NextRecordAsync().ConfigureAwait(false);
                    written++;
                }
                observer?.Invoke(new PageProgress(operation, pageNumber, written, null));
                if (page.Rows.Count < perPage) break;
                pageNumber++;
            }
            await csvOut.FlushAsync().ConfigureAwait(false);
            return written;
        }
    }
}
