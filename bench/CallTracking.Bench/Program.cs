using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;

namespace CallTracking.Bench
{
    /// <summary>
    /// dotnet run -c Release --project bench/CallTracking.Bench [-- --sizes 100000,1000000] [--page-size 500] [--repeat 3]
    ///   [--quick] [--investigate] [--warmup-pages 4] [--prerendered]
    /// Starts one sandbox (HttpListener on loopback) in this process — or, with --prerendered, a server of pages rendered
    /// once and served from memory (<see cref="PageServer"/>), so the server's rendering is out of the measurement —
    /// and measures each stream in a fresh child process
    /// (this program again, with --child), so each child's peak working set (VmHWM) is its own and the server's memory is
    /// not counted. Exit code: 0 when every stream agreed (goals failing is reported, not an error); 2 on a count/checksum
    /// mismatch; 1 on a crash.
    /// </summary>
    internal static class Program
    {
        private const double ThroughputGoal = 0.8;
        private const double MemoryGoalMb = 20;

        private static async Task<int> Main(string[] args)
        {
            try
            {
                if (args.Length > 0 && args[0] == "--child") return await ChildMain(args).ConfigureAwait(false);
                if (args.Length > 0 && args[0] == "--serve") return Serve(args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
                if (args.Length > 0 && args[0] == "--serve-pages") return ServePages(args.Skip(1).ToArray());
                return await ParentMain(args).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine("bench: " + ex);
                return 1;
            }
        }

        /// <summary>--serve [CALLS]: only runs the sandbox (for probing it with curl or pointing --server at it) until stdin closes.</summary>
        private static int Serve(long calls)
        {
            using var sandbox = new CallTrackingSandbox(new SandboxOptions { Seed = 42 }.Use(new TrackDriveOptions { CallCount = calls }));
            sandbox.Start();
            Console.WriteLine(sandbox.TrackDriveBaseUri());
            Console.In.ReadToEnd();
            sandbox.Stop();
            return 0;
        }

        /// <summary>
        /// --serve-pages CALLS [--port P] [--seed S]: renders CALLS TrackDrive calls once with the sandbox's emulator and
        /// serves them from memory (<see cref="PageServer"/>) until stdin closes. Prints the TrackDrive base URI as the
        /// first stdout line, then the served totals on stderr when it stops.
        /// </summary>
        private static int ServePages(string[] args)
        {
            if (args.Length == 0 || !int.TryParse(args[0].Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                throw new ArgumentException("--serve-pages needs a positive call count");
            var port = 0;
            var seed = 42;
            for (var i = 1; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
                switch (args[i])
                {
                    case "--port": port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException("unknown option " + args[i]);
                }
            }
            var watch = Stopwatch.StartNew();
            var calls = PrerenderedCalls.Render(count, seed);
            using var server = new PageServer(calls, port);
            Console.Error.WriteLine($"page server: {calls.Count:N0} calls ({calls.Bytes / 1048576.0:F1} MB) rendered in {watch.Elapsed.TotalSeconds:F1} s; token {PrerenderedCalls.Token}");
            Console.WriteLine(server.TrackDriveBase);
            Console.Out.Flush();
            Console.In.ReadToEnd();
            var ignored = string.Join(", ", server.IgnoredParameters.Select(p => p.Key + "×" + p.Value));
            Console.Error.WriteLine($"page server: {server.Requests:N0} requests, {server.Records:N0} records on {server.Connections:N0} connections" + (ignored.Length == 0 ? "" : "; ignored parameters: " + ignored));
            return 0;
        }

        // --child MODE COUNT --server URI --page-size P --warmup-pages W
        private static Task<int> ChildMain(string[] args)
        {
            var mode = args[1];
            var count = long.Parse(args[2], CultureInfo.InvariantCulture);
            var o = Options.Parse(args.Skip(3).ToArray());
            return Child.RunAsync(mode, count, o.Server ?? throw new ArgumentException("--server is required for --child"), o.PageSize, o.WarmupPages);
        }

        private static async Task<int> ParentMain(string[] args)
        {
            var o = Options.Parse(args);
            if (o.Help)
            {
                Console.WriteLine("usage: CallTracking.Bench [--sizes 100000,1000000] [--page-size 500] [--repeat 3] [--quick] [--investigate] [--warmup-pages 4] [--server URI | --prerendered]   |   --serve [CALLS]   |   --serve-pages CALLS [--port P] [--seed S]");
                return 0;
            }
            var sizes = o.Sizes;
            var modes = o.Investigate ? new[] { "core", "baseline", "core-parser", "fetch-only" } : new[] { "core", "baseline" };

            CallTrackingSandbox? sandbox = null;
            PageServer? pages = null;
            Uri server;
            string serverKind;
            if (o.Server != null)
            {
                server = o.Server;
                serverKind = "given with --server";
            }
            else if (o.Prerendered)
            {
                pages = new PageServer(PrerenderedCalls.Render(checked((int)sizes.Max())));
                server = pages.TrackDriveBase;
                serverKind = $"pre-rendered pages, {sizes.Max():N0} calls, Seed=42, served from memory in the parent process";
            }
            else
            {
                sandbox = new CallTrackingSandbox(new SandboxOptions { Seed = 42 }.Use(new TrackDriveOptions { CallCount = sizes.Max() }));
                sandbox.Start();
                server = sandbox.TrackDriveBaseUri();
                serverKind = $"sandbox CallCount={sizes.Max():N0}, Seed=42, in the parent process";
            }

            try
            {
                Console.WriteLine($"CallTracking.Bench  {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z  .NET {Environment.Version}  {Environment.ProcessorCount} cores  {RuntimeGc()}");
                Console.WriteLine($"server {server}  ({serverKind})  per_page={o.PageSize}  repeat={o.Repeat}  in-child warm-up={o.WarmupPages} pages");
                Console.WriteLine($"load average at start: {LoadAverage()} (a busy machine makes records/s noisy; CPU-per-record and alloc/record are steadier)");
                Console.WriteLine("each run = one fresh child process; records/s = measured stream only (after the child's warm-up); peak = child's VmHWM");
                Console.WriteLine();

                // Warm-up once: JITs the server's paths and the OS socket paths before anything is measured.
                var warmSize = Math.Min(sizes.Min(), 20_000);
                var warm = new List<RunResult>();
                foreach (var mode in new[] { "core", "baseline" }) warm.Add(RunChild(mode, warmSize, server, o));
                Console.WriteLine($"warm-up: {warmSize:N0} records per stream: " + string.Join(", ", warm.Select(w => $"{w.Mode} {w.RecordsPerSecond:N0}/s")));
                if (!Agree(warm, warmSize)) return 2;

                var all = new Dictionary<long, List<RunResult>>();
                foreach (var size in sizes)
                {
                    var runs = new List<RunResult>();
                    for (var r = 0; r < o.Repeat; r++)
                    {
                        foreach (var mode in modes)
                        {
                            var res = RunChild(mode, size, server, o);
                            runs.Add(res);
                            Console.WriteLine($"  {size,9:N0}  run {r + 1}/{o.Repeat}  {mode,-11} {res.RecordsPerSecond,10:N0} rec/s  {res.Seconds,6:F2} s  peak {res.PeakMb,6:F1} MB  alloc {res.AllocPerRecord,6:N0} B/rec  client cpu {res.CpuSeconds,5:F2} s  server cpu {res.ServerCpuSeconds,5:F2} s");
                        }
                    }
                    if (!Agree(runs, size)) return 2;
                    all[size] = runs;
                }

                Report(all, modes, o);
                return 0;
            }
            finally
            {
                pages?.Dispose();
                if (sandbox != null)
                {
                    sandbox.Stop();
                    sandbox.Dispose();
                }
            }
        }

        private static string LoadAverage()
        {
            try { return File.ReadAllText("/proc/loadavg").Trim(); }
            catch (IOException) { return "n/a"; }
            catch (UnauthorizedAccessException) { return "n/a"; }
        }

        private static string RuntimeGc() => (System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC") + (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Interactive ? " (concurrent)" : "");

        /// <summary>Counts must equal the size, and every run that reads ids (all but fetch-only) must have the same checksum.</summary>
        private static bool Agree(List<RunResult> runs, long size)
        {
            var ok = true;
            foreach (var r in runs.Where(r => r.Count != size))
            {
                Console.Error.WriteLine($"MISMATCH: {r.Mode} streamed {r.Count:N0} records, expected {size:N0}");
                ok = false;
            }
            var sums = runs.Where(r => r.Mode != "fetch-only").Select(r => r.Checksum).Distinct().ToList();
            if (sums.Count > 1)
            {
                Console.Error.WriteLine($"MISMATCH: checksums differ for {size:N0}: " + string.Join(", ", runs.Where(r => r.Mode != "fetch-only").Select(r => r.Mode + "=" + r.Checksum)));
                ok = false;
            }
            if (!ok) Console.Error.WriteLine("FAIL: the core and the baseline did not stream the same calls.");
            return ok;
        }

        private static void Report(Dictionary<long, List<RunResult>> all, string[] modes, Options o)
        {
            Console.WriteLine();
            Console.WriteLine($"Results (median of {o.Repeat} runs; best run's records/s in brackets; peak = median child VmHWM)");
            Console.WriteLine();
            Console.WriteLine("| size      | stream      | records/s (median) [best] | wall s | client CPU s | server CPU s | peak MB | alloc B/rec | GC 0/1/2 |");
            Console.WriteLine("|-----------|-------------|---------------------------|--------|--------------|--------------|---------|-------------|----------|");
            foreach (var (size, runs) in all)
            {
                foreach (var mode in modes)
                {
                    var m = runs.Where(r => r.Mode == mode).ToList();
                    if (m.Count == 0) continue;
                    var med = Median(m, r => r.RecordsPerSecond);
                    Console.WriteLine($"| {size,9:N0} | {mode,-11} | {med.RecordsPerSecond,12:N0} [{m.Max(r => r.RecordsPerSecond),10:N0}] | {Median(m, r => r.Seconds).Seconds,6:F2} | {Median(m, r => r.CpuSeconds).CpuSeconds,12:F2} | {Median(m, r => r.ServerCpuSeconds).ServerCpuSeconds,12:F2} | {Median(m, r => r.PeakMb).PeakMb,7:F1} | {Median(m, r => r.AllocPerRecord).AllocPerRecord,11:N0} | {med.Gc0}/{med.Gc1}/{med.Gc2} |");
                }
            }
            Console.WriteLine();

            var goals = new List<(string Name, bool Pass, string Detail)>();
            foreach (var (size, runs) in all)
            {
                var core = Median(runs.Where(r => r.Mode == "core").ToList(), r => r.RecordsPerSecond).RecordsPerSecond;
                var baseRate = Median(runs.Where(r => r.Mode == "baseline").ToList(), r => r.RecordsPerSecond).RecordsPerSecond;
                var ratio = core / baseRate;
                goals.Add(($"throughput {size:N0}: core/baseline >= {ThroughputGoal:F2}", ratio >= ThroughputGoal, $"{core:N0} / {baseRate:N0} rec/s = {ratio:F3}"));
                var coreCpu = Median(runs.Where(r => r.Mode == "core").ToList(), r => r.CpuSeconds).CpuSeconds;
                var baseCpu = Median(runs.Where(r => r.Mode == "baseline").ToList(), r => r.CpuSeconds).CpuSeconds;
                Console.WriteLine($"(info) {size:N0}: client CPU per record core {coreCpu * 1e6 / size:F1} us vs baseline {baseCpu * 1e6 / size:F1} us (baseline/core = {baseCpu / coreCpu:F3}; less sensitive to a busy machine than records/s)");
            }
            if (all.Count >= 2)
            {
                var small = all.Keys.Min();
                var large = all.Keys.Max();
                foreach (var mode in new[] { "core", "baseline" })
                {
                    var a = Median(all[small].Where(r => r.Mode == mode).ToList(), r => r.PeakMb).PeakMb;
                    var b = Median(all[large].Where(r => r.Mode == mode).ToList(), r => r.PeakMb).PeakMb;
                    var growth = b - a;
                    if (mode == "core")
                        goals.Add(($"memory: core peak({large:N0}) - peak({small:N0}) <= {MemoryGoalMb:F0} MB", growth <= MemoryGoalMb, $"{b:F1} - {a:F1} = {growth:+0.0;-0.0} MB"));
                    else
                        Console.WriteLine($"(reference) baseline peak({large:N0}) - peak({small:N0}) = {b:F1} - {a:F1} = {growth:+0.0;-0.0} MB");
                }
            }
            Console.WriteLine();
            foreach (var g in goals) Console.WriteLine($"{(g.Pass ? "PASS" : "FAIL")}  {g.Name,-52} {g.Detail}");
            Console.WriteLine();
            Console.WriteLine("Counts and id checksums of core and baseline agreed for every size (the run stops with exit code 2 otherwise).");
        }

        private static RunResult Median(List<RunResult> runs, Func<RunResult, double> key)
        {
            var sorted = runs.OrderBy(key).ToList();
            return sorted[(sorted.Count - 1) / 2];
        }

        private static RunResult RunChild(string mode, long count, Uri server, Options o)
        {
            var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
            var psi = new ProcessStartInfo { FileName = self, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
                psi.ArgumentList.Add(typeof(Program).Assembly.Location); // run as `dotnet CallTracking.Bench.dll`
            foreach (var a in new[] { "--child", mode, count.ToString(CultureInfo.InvariantCulture), "--server", server.AbsoluteUri,
                                      "--page-size", o.PageSize.ToString(CultureInfo.InvariantCulture), "--warmup-pages", o.WarmupPages.ToString(CultureInfo.InvariantCulture) })
                psi.ArgumentList.Add(a);

            var parent = Process.GetCurrentProcess();
            var serverCpu0 = parent.TotalProcessorTime;
            using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start the child");
            var stderrTask = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                p.Kill(true);
                throw new TimeoutException($"child {mode} {count} did not finish in 10 minutes");
            }
            parent.Refresh();
            var serverCpu = (parent.TotalProcessorTime - serverCpu0).TotalSeconds;
            var stderr = stderrTask.Result;
            var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
            if (p.ExitCode != 0 || line is null)
                throw new InvalidOperationException($"child {mode} {count} failed (exit {p.ExitCode}):\n{stdout}\n{stderr}");
            return RunResult.Parse(line, serverCpu);
        }
    }

    internal sealed class RunResult
    {
        public string Mode = "";
        public long Count;
        public string Checksum = "";
        public double Seconds, CpuSeconds, ServerCpuSeconds;
        public long HwmKb, Alloc, Gc0, Gc1, Gc2;

        public double RecordsPerSecond => Count / Seconds;
        public double PeakMb => HwmKb / 1024.0;
        public double AllocPerRecord => Count == 0 ? 0 : (double)Alloc / Count;

        public static RunResult Parse(string line, double serverCpu)
        {
            var kv = line.Substring("RESULT ".Length).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            double D(string k) => double.Parse(kv[k], CultureInfo.InvariantCulture);
            long L(string k) => long.Parse(kv[k], CultureInfo.InvariantCulture);
            return new RunResult
            {
                Mode = kv["mode"], Count = L("count"), Checksum = kv["checksum"], Seconds = D("ms") / 1000, CpuSeconds = D("cpu_ms") / 1000,
                ServerCpuSeconds = serverCpu, HwmKb = L("hwm_kb"), Alloc = L("alloc"), Gc0 = L("gc0"), Gc1 = L("gc1"), Gc2 = L("gc2"),
            };
        }
    }

    internal sealed class Options
    {
        public long[] Sizes = { 100_000, 1_000_000 };
        public int PageSize = 500;
        public int Repeat = 3;
        public int WarmupPages = 4;
        public bool Investigate;
        public bool Prerendered;
        public bool Help;
        public Uri? Server;

        public static Options Parse(string[] args)
        {
            var o = new Options();
            bool sizesSet = false, repeatSet = false, quick = false;
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
                switch (args[i])
                {
                    case "--sizes": o.Sizes = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s.Replace("_", ""), CultureInfo.InvariantCulture)).ToArray(); sizesSet = true; break;
                    case "--page-size": o.PageSize = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--repeat": o.Repeat = int.Parse(Next(), CultureInfo.InvariantCulture); repeatSet = true; break;
                    case "--warmup-pages": o.WarmupPages = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--server": o.Server = new Uri(Next()); break;
                    case "--quick": quick = true; break;
                    case "--investigate": o.Investigate = true; break;
                    case "--prerendered": o.Prerendered = true; break;
                    case "-h": case "--help": o.Help = true; break;
                    default: throw new ArgumentException("unknown option " + args[i] + " (try --help)");
                }
            }
            if (quick)
            {
                if (!sizesSet) o.Sizes = new long[] { 10_000, 100_000 };
                if (!repeatSet) o.Repeat = 1;
            }
            if (o.PageSize < 1 || o.PageSize > 1000) throw new ArgumentException("--page-size must be 1..1000 (the API's limit)");
            if (o.Repeat < 1) throw new ArgumentException("--repeat must be at least 1");
            if (o.Server != null && o.Prerendered) throw new ArgumentException("--server and --prerendered exclude each other: --prerendered starts its own server");
            if (o.Sizes.Length == 0 || o.Sizes.Any(s => s < 1)) throw new ArgumentException("--sizes must be positive counts");
            o.Sizes = o.Sizes.Distinct().OrderBy(s => s).ToArray();
            return o;
        }
    }
}
