using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace CallTracking.Tests.Pester
{
    /// <summary>
    /// Runs the Pester suite (tests/Pester/*.Tests.ps1) against the built module (out/CallTracking), one xunit test per file,
    /// in a fresh `pwsh -NoProfile -NonInteractive` process. pwsh is the repository's local tool (.config/dotnet-tools.json,
    /// restored here with `dotnet tool restore` when needed) and Pester the version this project downloads into the NuGet
    /// package folder, so a machine with only the .NET SDK runs the suite for real. Only when a restore cannot reach a
    /// package (and no other pwsh or Pester is there) are the tests reported as skipped, with the reason; never as passed.
    /// </summary>
    public sealed class PesterSuiteTests
    {
        private static readonly TimeSpan TimeoutPerFile = TimeSpan.FromMinutes(5);
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

            var (pwsh, pwshProblem) = Pwsh.Value;
            Skip.If(pwsh is null, pwshProblem);

            var (pester, pesterProblem) = FindPester();
            Skip.If(pester is null, pesterProblem);

            var work = Path.Combine(Path.GetTempPath(), "calltracking-pester-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(work);
            try
            {
                var summaryFile = Path.Combine(work, "summary.json");
                var resultFile = Path.Combine(work, Path.GetFileNameWithoutExtension(file) + ".nunit.xml");
                var script = RunnerScript(pester!, testFile, resultFile, summaryFile);
                var (exitCode, output, timedOut) = Run(pwsh!, new[] { "-NoProfile", "-NonInteractive", "-Command", script }, root!, TimeoutPerFile);

                _output.WriteLine("pwsh: " + pwsh + Environment.NewLine + "Pester: " + pester);
                _output.WriteLine(Tail(output, 60000));

                Assert.False(timedOut, file + ": pwsh did not finish within " + TimeoutPerFile.TotalMinutes + " minutes and was killed." + Environment.NewLine + Tail(output, 4000));
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

        private static string RunnerScript(string pester, string testFile, string resultFile, string summaryFile)
        {
            var import = "Import-Module -Name " + Quote(pester) + " -MinimumVersion 5.0 -Force";
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

        private static (int ExitCode, string Output, bool TimedOut) Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
        {
            var info = new ProcessStartInfo(fileName)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                WorkingDirectory = workingDirectory,
            };
            foreach (var a in arguments) info.ArgumentList.Add(a);
            info.Environment["NO_COLOR"] = "1";
            info.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
            info.Environment["POWERSHELL_UPDATECHECK"] = "Off";
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            // The tests that start a fresh pwsh (Common.ps1) and look up packages (Loading.Tests.ps1) use the same ones.
            if (Pwsh.IsValueCreated && Pwsh.Value.Path != null) info.Environment["CALLTRACKING_PWSH"] = Pwsh.Value.Path;
            if (NuGetPackageRoot != null) info.Environment["CALLTRACKING_NUGET_PACKAGES"] = NuGetPackageRoot;

            var output = new StringBuilder();
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine("stderr: " + e.Data); };
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
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
        private static string PwshFileName => IsWindows ? "pwsh.exe" : "pwsh";

        private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(5);
        private static readonly Lazy<(string? Path, string Problem)> Pwsh = new(() => FindPwsh(RepoRoot()));

        private static string? AssemblyMetadata(string key)
            => typeof(PesterSuiteTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == key)?.Value is { Length: > 0 } v ? v : null;

        /// <summary>The package folder this project was restored into, and the Pester version it downloaded there.</summary>
        internal static string? NuGetPackageRoot => AssemblyMetadata("NuGetPackageRoot");
        internal static string? PesterVersion => AssemblyMetadata("PesterVersion");

        /// <summary>
        /// CALLTRACKING_PWSH; then the repository's local tool (`dotnet tool run pwsh`, after `dotnet tool restore` when it
        /// is not restored yet), asked for its $PSHOME so that the suite starts pwsh itself; then a pwsh on PATH.
        /// </summary>
        internal static (string? Path, string Problem) FindPwsh(string? root)
        {
            var fromEnv = Environment.GetEnvironmentVariable("CALLTRACKING_PWSH");
            if (!string.IsNullOrWhiteSpace(fromEnv) && File.Exists(fromEnv)) return (fromEnv, "");
            var problem = "no repository root";
            if (root != null)
            {
                var (tool, toolProblem) = FindLocalToolPwsh(root);
                if (tool != null) return (tool, "");
                problem = toolProblem;
            }
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (string.IsNullOrWhiteSpace(dir)) continue;
                var candidate = Path.Combine(dir.Trim(), PwshFileName);
                if (File.Exists(candidate)) return (candidate, "");
            }
            return (null, "pwsh not found: the local tool (.config/dotnet-tools.json) is unavailable (" + problem + ") and there is no pwsh on PATH");
        }

        private static (string? Path, string Problem) FindLocalToolPwsh(string root)
        {
            if (!File.Exists(Path.Combine(root, ".config", "dotnet-tools.json"))) return (null, "no .config/dotnet-tools.json");
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
            var askHome = new[] { "tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-Command", "[Console]::Out.Write($PSHOME)" };
            var (exitCode, output, _) = Run(dotnet, askHome, root, ToolTimeout);
            if (exitCode != 0)
            {
                var (restoreExit, restoreOutput, _) = Run(dotnet, new[] { "tool", "restore" }, root, ToolTimeout);
                if (restoreExit != 0) return (null, "`dotnet tool restore` failed: " + Tail(restoreOutput.Trim(), 600));
                (exitCode, output, _) = Run(dotnet, askHome, root, ToolTimeout);
                if (exitCode != 0) return (null, "`dotnet tool run pwsh` failed after the restore: " + Tail(output.Trim(), 600));
            }
            var home = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0 && !l.StartsWith("stderr:", StringComparison.Ordinal));
            var pwsh = home is null ? null : Path.Combine(home, PwshFileName);
            return pwsh != null && File.Exists(pwsh) ? (pwsh, "") : (null, "the local tool's $PSHOME (" + home + ") has no " + PwshFileName);
        }

        /// <summary>CALLTRACKING_PESTER; then the Pester this project downloaded into its NuGet package folder.</summary>
        internal static (string? Path, string Problem) FindPester()
        {
            var fromEnv = Environment.GetEnvironmentVariable("CALLTRACKING_PESTER");
            if (!string.IsNullOrWhiteSpace(fromEnv) && File.Exists(fromEnv)) return (fromEnv, "");
            if (NuGetPackageRoot is null || PesterVersion is null) return (null, "the test assembly does not name its NuGet package folder and Pester version (built outside MSBuild?)");
            var psd1 = Path.Combine(NuGetPackageRoot, "pester", PesterVersion, "tools", "Pester.psd1");
            return File.Exists(psd1)
                ? (psd1, "")
                : (null, "Pester " + PesterVersion + " is not in the NuGet package folder (" + psd1 + "): the restore of the test project could not download it");
        }
    }
}
