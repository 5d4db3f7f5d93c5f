using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Paging;
using CsvHelper;
using CsvHelper.Configuration;

namespace CallTracking.Core.Export
{
    /// <summary>
    /// Copies a provider's CSV pages into one CSV stream: the header once, then every page's rows, re-written by CsvHelper
    /// so the file is valid whatever the pages looked like. Columns whose name is a secret (a number's own key) are left
    /// out; a page with the same columns in another order is written in the first page's order, one with other columns is
    /// an error; a cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is escaped. CSV replies carry no
    /// paging metadata, so paging stops at the first page shorter than the page size.
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
            int[]? kept = null;
            HashSet<string>? rowsOfPreviousPage = null;
            using var writer = new StreamWriter(destination, new UTF8Encoding(false), 65536, leaveOpen: true);
            using var csvOut = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
            while (!(first.HasValue && written >= first.Value))
            {
                var page = await fetchPage(pageNumber, cancellationToken).ConfigureAwait(false);
                if (page.Header is null)
                {
                    if (page.Rows.Count == 0 && pageNumber > 1) break; // an empty page after the last
                    throw new CallTrackingException(string.Empty, operation, CallTrackingErrorKind.ProviderFailure, "The CSV reply of page " + pageNumber + " has no header row.");
                }
                int[] order;
                if (header is null)
                {
                    header = page.Header;
                    kept = Enumerable.Range(0, header.Length).Where(i => !SecretNames.IsSecret(header[i])).ToArray();
                    foreach (var i in kept) csvOut.WriteField(header[i]);
                    await csvOut.NextRecordAsync().ConfigureAwait(false);
                    order = kept;
                }
                else order = Reorder(operation, pageNumber, header, kept!, page.Header);
                // Rows the previous page already gave (page numbers while rows arrive) are left out; a page of nothing
                // else means the paging does not advance, and the file would grow without end.
                var rowsOfThisPage = new HashSet<string>(StringComparer.Ordinal);
                var repeats = 0;
                foreach (var row in page.Rows)
                {
                    var key = string.Join("\u001f", row);
                    rowsOfThisPage.Add(key);
                    if (rowsOfPreviousPage != null && rowsOfPreviousPage.Contains(key)) repeats++;
                }
                if (page.Rows.Count > 0 && repeats == page.Rows.Count)
                    throw new CallTrackingException(string.Empty, operation, CallTrackingErrorKind.ProviderFailure,
                        "The CSV reply of page " + pageNumber + " repeats page " + (pageNumber - 1) + ": the provider's paging does not advance. The export was stopped; the file is not written.");
                if (repeats > 0)
                    Http.RequestDiagnostics.Current?.OnNotice(operation + ": page " + pageNumber + " of the CSV repeated " + repeats + " row(s) of page " + (pageNumber - 1) + " (rows were added while the list was read); left out", warning: false);
                var previous = rowsOfPreviousPage;
                rowsOfPreviousPage = rowsOfThisPage;
                foreach (var row in page.Rows)
                {
                    if (first.HasValue && written >= first.Value) break;
                    if (previous != null && repeats > 0 && previous.Contains(string.Join("\u001f", row))) continue;
                    foreach (var i in order) csvOut.WriteField(EscapeFormula(row[i]));
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

        /// <summary>
        /// A cell a spreadsheet would run as a formula (it starts with =, +, -, @, tab or CR) gets a leading apostrophe, as
        /// CsvHelper's InjectionOptions.Escape does — except a plain number (+18005550100, -12.50), which no spreadsheet
        /// runs and which must stay a number and a phone number.
        /// </summary>
        internal static string EscapeFormula(string cell)
        {
            if (string.IsNullOrEmpty(cell)) return cell;
            var c = cell[0];
            if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') return cell;
            if ((c == '+' || c == '-') && IsPlainNumber(cell)) return cell;
            return "'" + cell;
        }

        private static bool IsPlainNumber(string cell)
        {
            var digits = 0;
            for (var i = 1; i < cell.Length; i++)
            {
                var ch = cell[i];
                if (ch >= '0' && ch <= '9') digits++;
                else if (ch != '.' && ch != ' ' && ch != '(' && ch != ')' && ch != '-') return false;
            }
            return digits > 0;
        }

        /// <summary>Where each of the first page's kept columns is in this page's header; other columns are an error.</summary>
        private static int[] Reorder(string operation, int pageNumber, string[] firstHeader, int[] kept, string[] header)
        {
            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) position[header[i]] = i;
            var same = header.Length == firstHeader.Length && firstHeader.All(position.ContainsKey);
            if (!same)
                throw new CallTrackingException(string.Empty, operation, CallTrackingErrorKind.ProviderFailure,
                    "CSV page " + pageNumber + " has other columns (" + string.Join(",", header) + ") than page 1 (" + string.Join(",", firstHeader) + "): the file would mix them.");
            return kept.Select(i => position[firstHeader[i]]).ToArray();
        }
    }
}
