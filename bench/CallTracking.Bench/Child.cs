using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Connections;
using CallTracking.Core.Json;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.TrackDrive;

namespace CallTracking.Bench
{
    /// <summary>
    /// One measured stream in its own process (so its peak working set is its own, not the server's): an in-process
    /// warm-up of a few pages, then the measured stream, then one RESULT line on stdout.
    /// Modes: core (CallTrackingConnection → TrackDrive.ListCallsAsync), baseline (HttpClient + Utf8JsonReader), and two
    /// attribution experiments: core-parser (baseline's HTTP, the core's public JsonPages.ReadList + TrackDriveParser.ParseCall
    /// on each page) and fetch-only (baseline's HTTP, calls skipped: transport + server floor).
    /// </summary>
    internal static class Child
    {
        public const string Token = "sandbox-token";

        public static async Task<int> RunAsync(string mode, long count, Uri server, int perPage, int warmupPages)
        {
            Func<long, Task<(long Count, ulong Checksum)>> stream;
            IDisposable? owned = null;
            switch (mode)
            {
                case "core":
                {
                    var connection = CallTrackingConnection.Open(new ConnectionOptions
                    {
                        Provider = TrackDriveApi.ProviderName,
                        Credential = ProviderCredential.FromPlainText("auth_token", Token),
                        BaseUri = server,
                    });
                    owned = connection;
                    stream = n => CoreAsync(connection, n, perPage);
                    break;
                }
                case "baseline":
                {
                    var client = new BaselineClient(server, Token);
                    owned = client;
                    stream = n => BaselineAsync(client, n, perPage);
                    break;
                }
                case "core-parser":
                {
                    var client = new BaselineClient(server, Token);
                    owned = client;
                    var parser = new TrackDriveParser("US");
                    stream = n => CoreParserAsync(client, parser, n, perPage);
                    break;
                }
                case "fetch-only":
                {
                    var client = new BaselineClient(server, Token);
                    owned = client;
                    stream = n => FetchOnlyAsync(client, n, perPage);
                    break;
                }
                default:
                    Console.Error.WriteLine("unknown child mode " + mode);
                    return 64;
            }

            using (owned)
            {
                if (warmupPages > 0) await stream(Math.Min(count, (long)warmupPages * perPage)).ConfigureAwait(false);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();

                var process = Process.GetCurrentProcess();
                var cpu0 = process.TotalProcessorTime;
                var alloc0 = GC.GetTotalAllocatedBytes(true);
                int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
                var watch = Stopwatch.StartNew();
                var (n, checksum) = await stream(count).ConfigureAwait(false);
                watch.Stop();
                var alloc = GC.GetTotalAllocatedBytes(true) - alloc0;
                process.Refresh();
                var cpu = process.TotalProcessorTime - cpu0;
                var (hwmKb, rssKb) = ProcStatus();
                var info = GC.GetGCMemoryInfo();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"RESULT mode={mode} count={n} checksum={checksum:x16} ms={watch.Elapsed.TotalMilliseconds:F1} cpu_ms={cpu.TotalMilliseconds:F0} hwm_kb={hwmKb} rss_kb={rssKb} alloc={alloc} gc0={GC.CollectionCount(0) - g0} gc1={GC.CollectionCount(1) - g1} gc2={GC.CollectionCount(2) - g2} heap={info.HeapSizeBytes}"));
            }
            return 0;
        }

        /// <summary>Order-sensitive mix of ids: same ids in the same order, same checksum.</summary>
        public static ulong Mix(ulong h, long id) => BaselineClient.MixId(h, id);

        private static async Task<(long, ulong)> CoreAsync(CallTrackingConnection connection, long limit, int perPage)
        {
            long n = 0;
            ulong h = 0;
            await foreach (var call in ((TrackDriveClient)connection.Client).ListCallsAsync(new TrackDriveCallQuery { PerPage = perPage, First = limit }, null, CancellationToken.None).ConfigureAwait(false))
            {
                n++;
                h = Mix(h, long.Parse(call.Id, NumberStyles.None, CultureInfo.InvariantCulture));
            }
            return (n, h);
        }

        private static async Task<(long, ulong)> BaselineAsync(BaselineClient client, long limit, int perPage)
        {
            long n = 0;
            ulong h = 0;
            var got = await client.StreamAsync(limit, perPage, c =>
            {
                n++;
                h = Mix(h, c.Id);
            }, CancellationToken.None).ConfigureAwait(false);
            if (got != n) throw new InvalidOperationException("baseline count drift");
            return (n, h);
        }

        private static async Task<(long, ulong)> CoreParserAsync(BaselineClient client, TrackDriveParser parser, long limit, int perPage)
        {
            long n = 0;
            ulong h = 0;
            long cursor = -1;
            while (n < limit)
            {
                var length = await client.FetchAsync(cursor, perPage, CancellationToken.None).ConfigureAwait(false);
                // As the core reads a page (JsonPages.ReadList: parsed whole, every token checked), on this one thread.
                var list = JsonPages.ReadList(client.Body(length).ToArray(), "calls", parser.ParseCall, perPage);
                foreach (var call in list.Items)
                {
                    if (n == limit) break;
                    n++;
                    h = Mix(h, long.Parse(call.Id, NumberStyles.None, CultureInfo.InvariantCulture));
                }
                var next = JsonValues.MetadataInt64(list.Metadata, "next_cursor");
                if (list.Items.Count == 0 || next is null || next.Value == 0) break;
                cursor = next.Value;
            }
            return (n, h);
        }

        private static async Task<(long, ulong)> FetchOnlyAsync(BaselineClient client, long limit, int perPage)
        {
            long n = 0;
            long cursor = -1;
            while (n < limit)
            {
                var length = await client.FetchAsync(cursor, perPage, CancellationToken.None).ConfigureAwait(false);
                var next = BaselineClient.NextCursorOnly(client.Body(length), out var c);
                n += Math.Min(c, limit - n);
                if (c == 0 || next is null || next.Value == 0) break;
                cursor = next.Value;
            }
            return (n, 0UL); // no ids read: checksum not comparable
        }

        /// <summary>VmHWM (peak resident set) and VmRSS of this process, in kB, from /proc/self/status (0 when absent).</summary>
        public static (long HwmKb, long RssKb) ProcStatus()
        {
            long hwm = 0, rss = 0;
            try
            {
                foreach (var line in File.ReadLines("/proc/self/status"))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kb(line);
                    else if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
                }
            }
            catch (IOException) { }
            if (hwm == 0) hwm = Process.GetCurrentProcess().PeakWorkingSet64 / 1024;
            return (hwm, rss);
        }

        private static long Kb(string line)
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
        }
    }
}
