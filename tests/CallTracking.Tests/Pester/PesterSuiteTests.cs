using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace CallTracking.Tests.Pester
{
    /// <summary>
    /// Runs the Pester suite (tests/Pester/*.Tests.ps1) against the built module (out/CallTracking), one xunit test per file,
    /// in a fresh `pwsh -NoProfile -NonInteractive` process. Without pwsh, Pester 5 or the built module the tests are
    /// reported as skipped with the reason, never as passed. `bash build/install-test-tools.sh` installs pwsh and Pester.
    /// </summary>
    public sealed class PesterSuiteTests
    {
        private static readonly TimeSpan TimeoutPerFile = TimeSpan.FromMinutes(5);
        private const int PesterMissingExitCode = 3;
        private const string NoFiles = "(no tests/Pester/*.Tests.ps1 found)";

        private readonly ITestOutputHelper _output;

        public PesterSuiteTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Files()
        {
            var root = RepoRoot();
            var dir = root is null ? null : Path.Combine(root, "tests", "Pester");
            var files = dir != null && Directory.Exists(dir)
                ? Directory.GetFiles(dir, "*.Tests.ps1").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToList()
                : new List<string?>();
            if (files.Count == 0) return new[] { new object[] { NoFiles } };
            return files.Select(f => new object[] { f! });
        }

        [SkippableTheory]
        [MemberData(nameof(Files))]
        public void PesterFile(string file)
        {
            var root = RepoRoot();
            Skip.If(root is null, "repository root not found above " + AppContext.BaseDirectory);
            Skip.If(file == NoFiles, NoFiles);
            var testFile = Path.Combine(root!, "tests", "Pester", file);
            Assert.True(File.Exists(testFile), testFile + " is missing");

            var manifest = Path.Combine(root!, "out", "CallTracking", "CallTracking.psd1");
            Skip.If(!File.Exists(manifest), "out/CallTracking/CallTracking.psd1 not found: run dotnet build first");

            var pwsh = FindPwsh(root!);
            Skip.If(pwsh is null, "pwsh not found (CALLTRACKING_PWSH, .tools/pwsh, PATH): run bash build/install-test-tools.sh");

            var pester = FindPesterInNuGetCache();
            var work = Path.Combine(Path.GetTempPath(), "calltracking-pester-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(work);
            try
            {
                var summaryFile = Path.Combine(work, "summary.json");
                var resultFile = Path.Combine(work, Path.GetFileNameWithoutExtension(file) + ".nunit.xml");
                var script = RunnerScript(pester, testFile, resultFile, summaryFile);
                var (exitCode, output, timedOut) = Run(pwsh!, script, root!);

                _output.WriteLine("pwsh: " + pwsh + Environment.NewLine + "Pester: " + (pester ?? "Get-Module -ListAvailable"));
                _output.WriteLine(Tail(output, 60000));

                Assert.False(timedOut, file + ": pwsh did not finish within " + TimeoutPerFile.TotalMinutes + " minutes and was killed." + Environment.NewLine + Tail(output, 4000));
                Skip.If(exitCode == PesterMissingExitCode, "Pester 5 not found (CALLTRACKING_PESTER, NuGet cache, Get-Module -ListAvailable): run bash build/install-test-tools.sh");
                Assert.True(File.Exists(summaryFile), file + ": Invoke-Pester produced no result (exit code " + exitCode + ")." + Environment.NewLine + Tail(output, 4000));

                using var doc = JsonDocument.Parse(File.ReadAllText(summaryFile));
                var s = doc.RootElement;
                int Count(string name) => s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
                var failed = Count("Failed");
                var failedBlocks = Count("FailedBlocks");
                var failedContainers = Count("FailedContainers");
                var passed = Count("Passed");
                var message = new StringBuilder();
                message.Append(file).Append(": ").Append(passed).Append(" passed, ").Append(failed).Append(" failed, ")
                       .Append(Count("Skipped")).Append(" skipped, ").Append(failedBlocks).Append(" failed blocks, ")
                       .Append(failedContainers).Append(" failed containers");
                if (s.TryGetProperty("Failures", out var failures) && failures.ValueKind == JsonValueKind.Array)
                {
                    foreach (var f in failures.EnumerateArray())
                    {
                        message.AppendLine().Append("  FAILED ").Append(f.GetProperty("Name").GetString())
                               .AppendLine().Append("    ").Append((f.GetProperty("Message").GetString() ?? "").Replace("\n", "\n    "));
                    }
                }
                Assert.True(failed == 0 && failedBlocks == 0 && failedContainers == 0, message.ToString());
                Assert.True(passed > 0, message.ToString() + Environment.NewLine + "no test passed");
            }
            finally
            {
                try { Directory.Delete(work, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";

        private static string RunnerScript(string? pester, string testFile, string resultFile, string summaryFile)
        {
            var import = pester != null
                ? "Import-Module -Name " + Quote(pester) + " -MinimumVersion 5.0 -Force"
                : "$m = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0' } | Sort-Object Version -Descending | Select-Object -First 1; "
                  + "if (-not $m) { [Console]::Error.WriteLine('Pester 5 not found'); exit " + PesterMissingExitCode + " }; Import-Module -Name $m.Path -Force";
            return string.Join("; ", new[]
            {
                "$ErrorActionPreference = 'Stop'",
                "$ProgressPreference = 'SilentlyContinue'",
                "if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }",
                import,
                "$c = New-PesterConfiguration",
                "$c.Run.Path = " + Quote(testFile),
                "$c.Run.PassThru = $true",
                "$c.Output.Verbosity = 'Detailed'",
                "$c.TestResult.Enabled = $true",
                "$c.TestResult.OutputFormat = 'NUnitXml'",
                "$c.TestResult.OutputPath = " + Quote(resultFile),
                "$r = Invoke-Pester -Configuration $c",
                "$failures = @($r.Failed | ForEach-Object { [ordered]@{ Name = $_.ExpandedPath; Message = (@($_.ErrorRecord | ForEach-Object { $_.Exception.Message + ' ' + $_.ScriptStackTrace }) -join [Environment]::NewLine) } })",
                "$failures += @($r.FailedBlocks | ForEach-Object { [ordered]@{ Name = 'block ' + $_.ExpandedPath; Message = (@($_.ErrorRecord | ForEach-Object { $_.Exception.Message + ' ' + $_.ScriptStackTrace }) -join [Environment]::NewLine) } })",
                "$failures += @($r.FailedContainers | ForEach-Object { [ordered]@{ Name = 'container ' + $_.Item; Message = (@($_.ErrorRecord | ForEach-Object { $_.Exception.Message + ' ' + $_.ScriptStackTrace }) -join [Environment]::NewLine) } })",
                "[ordered]@{ Result = $r.Result; Passed = $r.PassedCount; Failed = $r.FailedCount; Skipped = $r.SkippedCount; NotRun = $r.NotRunCount; "
                    + "FailedBlocks = $r.FailedBlocksCount; FailedContainers = $r.FailedContainersCount; Failures = $failures } | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath " + Quote(summaryFile) + " -Encoding utf8",
                "exit 0",
            });
        }

        private (int ExitCode, string Output, bool TimedOut) Run(string pwsh, string script, string workingDirectory)
        {
            var info = new ProcessStartInfo(pwsh)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                WorkingDirectory = workingDirectory,
            };
            info.ArgumentList.Add("-NoProfile");
            info.ArgumentList.Add("-NonInteractive");
            info.ArgumentList.Add("-Command");
            info.ArgumentList.Add(script);
            info.Environment["NO_COLOR"] = "1";
            info.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
            info.Environment["POWERSHELL_UPDATECHECK"] = "Off";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine("stderr: " + e.Data); };
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)TimeoutPerFile.TotalMilliseconds))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                process.WaitForExit(10000);
                lock (output) return (-1, output.ToString(), true);
            }
            process.WaitForExit(); // drains the asynchronous readers
            lock (output) return (process.ExitCode, output.ToString(), false);
        }

        private static string Tail(string text, int max) => text.Length <= max ? text : "…" + text.Substring(text.Length - max);

        /// <summary>Walks up from the test assembly to the repository root (the folder holding tests/Pester and the module).</summary>
        internal static string? RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "tests", "Pester"))
                    && (File.Exists(Path.Combine(dir.FullName, "out", "CallTracking", "CallTracking.psd1"))
                        || File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))))
                    return dir.FullName;
            }
            return null;
        }

        private static bool IsWindows => Environment.OSVersion.Platform == PlatformID.Win32NT;

        internal static string? FindPwsh(string root)
        {
            var fromEnv = Environment.GetEnvironmentVariable("CALLTRACKING_PWSH");
            if (!string.IsNullOrWhiteSpace(fromEnv) && File.Exists(fromEnv)) return fromEnv;
            var exe = IsWindows ? "pwsh.exe" : "pwsh";
            var local = Path.Combine(root, ".tools", exe);
            if (File.Exists(local)) return local;
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (string.IsNullOrWhiteSpace(dir)) continue;
                var candidate = Path.Combine(dir.Trim(), exe);
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }

        /// <summary>CALLTRACKING_PESTER, then the newest Pester 5.x in the NuGet package folder; null = ask Get-Module.</summary>
        internal static string? FindPesterInNuGetCache()
        {
            var fromEnv = Environment.GetEnvironmentVariable("CALLTRACKING_PESTER");
            if (!string.IsNullOrWhiteSpace(fromEnv) && File.Exists(fromEnv)) return fromEnv;
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (string.IsNullOrWhiteSpace(packages))
                packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var pesterDir = Path.Combine(packages!, "pester");
            if (!Directory.Exists(pesterDir)) return null;
            return Directory.GetDirectories(pesterDir)
                .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(x => x.Version != null && x.Version.Major >= 5)
                .OrderByDescending(x => x.Version)
                .Select(x => Path.Combine(x.Dir, "tools", "Pester.psd1"))
                .FirstOrDefault(File.Exists);
        }
    }
}
