#!/usr/bin/env pwsh
<#
.SYNOPSIS
    The benchmark's pwsh leg: the module as a pwsh user streams calls, against plain alternatives, in one pwsh process
    and over the same pre-rendered loopback pages.
.DESCRIPTION
    Starts `CallTracking.Bench --serve-pages N` (a child process that renders N TrackDrive calls once with the sandbox's
    TrackDrive emulator and serves them from memory: keep-alive, TCP_NODELAY, one gathered send per page, so the server
    is not what is measured), then, in this pwsh, for each of -Rounds rounds:

      (a) foreach ($c in Get-CallLog ...) {}           against   a bare HttpClient + Utf8JsonReader loop
          (bench/CallTracking.Bench/BaselineClient.cs, compiled here with Add-Type)          goal >= 1.0x
      (b) Get-CallLog | Measure-Object                 against   an Invoke-RestMethod cursor loop      goal >= 5x

    and, as a reference for (a), `foreach ($c in Get-BaselineCall ...) {}`: the same bare loop inside the thinnest
    cmdlet that can stream it (bench/MinimalCallCmdlet.cs: a worker fetches and parses, the pipeline thread only
    writes), i.e. what PowerShell's collecting of a cmdlet's output costs any cmdlet, whatever its engine.

    Each leg reads all N calls with the same per_page. Reported per leg: records/s, this process's CPU time per record
    (TotalProcessorTime delta, so prefetch threads count too), and the server's CPU. The ratios are the median over the
    rounds of each round's ratio (the two sides of a ratio run back to back). Counts must equal N and the ids seen by
    foreach must match the baseline's checksum; the script exits 2 otherwise. Goals are reported, never asserted.

    `foreach ($c in <pipeline>)` collects the pipeline before iterating; the leg writes it as
    `$items = Get-CallLog ...; foreach ($c in $items) {}`, which does the same work and lets the ids be checked after
    the clock stops.

    Build first: `dotnet build -c Release` (the module in out/CallTracking; a Debug build is reported with a warning)
    and the bench, bench/CallTracking.Bench in Release (the script builds it when its DLL is missing).
.EXAMPLE
    pwsh ./bench/pwsh-leg.ps1
.EXAMPLE
    pwsh ./bench/pwsh-leg.ps1 -Calls 1000000 -PageSize 1000 -Rounds 5
.EXAMPLE
    $r = ./bench/pwsh-leg.ps1 -PassThru; $r.ForeachVsBaseline
#>
[CmdletBinding()]
param(
    [ValidateRange(1000, 5000000)] [int] $Calls = 100000,
    [ValidateRange(1, 1000)] [int] $PageSize = 500,
    [ValidateRange(1, 20)] [int] $Rounds = 3,
    [ValidateRange(0, 1000000)] [int] $WarmupCalls = 20000,
    # Write-Progress costs the module's legs time in any host; off by default so the legs compare reading, not drawing.
    [switch] $KeepProgress,
    # Also output the results as an object (ratios, goals, and per leg the medians), for scripts.
    [switch] $PassThru
)
$ErrorActionPreference = 'Stop'
if (-not $KeepProgress) { $ProgressPreference = 'SilentlyContinue' }
$repo = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).ProviderPath
$manifest = Join-Path $repo 'out/CallTracking/CallTracking.psd1'
if (-not (Test-Path -LiteralPath $manifest)) { throw "The module is not built: run 'dotnet build' in $repo first ($manifest is missing)." }
$benchProject = Join-Path $repo 'bench/CallTracking.Bench'
$benchDll = Join-Path $benchProject 'bin/Release/net10.0/CallTracking.Bench.dll'
if (-not (Test-Path -LiteralPath $benchDll)) {
    & dotnet build $benchProject -c Release --nologo -v quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet build $benchProject -c Release failed." }
}
$token = 'sandbox-token'

function Get-Median([double[]] $Values) {
    $sorted = [double[]]($Values | Sort-Object)
    $n = $sorted.Count
    if ($n % 2) { return $sorted[($n - 1) / 2] }
    return ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2
}

# The page server: its own process, so its CPU is not this process's.
$psi = [Diagnostics.ProcessStartInfo]::new('dotnet')
foreach ($a in @($benchDll, '--serve-pages', "$Calls")) { $psi.ArgumentList.Add($a) }
$psi.RedirectStandardInput = $true
$psi.RedirectStandardOutput = $true
$psi.RedirectStandardError = $true
$psi.UseShellExecute = $false
$server = [Diagnostics.Process]::Start($psi)
$serverLog = $server.StandardError.ReadToEndAsync()
try {
    $base = $server.StandardOutput.ReadLine()
    if (-not $base) { throw "The page server did not start: $($serverLog.Result)" }
    $base = [uri] $base

    Import-Module -Name $manifest
    # Add-Type compiles without optimisation unless told; the baseline must be the optimised loop the C# bench runs.
    # The same loop inside a minimal cmdlet (MinimalCallCmdlet.cs) is the ceiling for any cmdlet under foreach.
    $benchTypes = Add-Type -Path (Join-Path $benchProject 'BaselineClient.cs'), (Join-Path $PSScriptRoot 'MinimalCallCmdlet.cs') -CompilerOptions '/optimize+' -PassThru
    Import-Module -Assembly ($benchTypes | Where-Object Name -eq 'GetBaselineCallCommand').Assembly
    $coreAssembly = [CallTracking.Core.Connections.CallTrackingConnection].Assembly
    $debuggable = $coreAssembly.GetCustomAttributes([Diagnostics.DebuggableAttribute], $false) | Select-Object -First 1
    $moduleBuild = if ($debuggable -and $debuggable.IsJITOptimizerDisabled) { 'Debug' } else { 'Release' }
    if ($moduleBuild -eq 'Debug') { Write-Warning "The module in out/CallTracking is a Debug build (unoptimised): run 'dotnet build -c Release' for figures worth comparing." }
    $credential = [pscredential]::new('auth_token', (ConvertTo-SecureString $token -AsPlainText -Force))
    $connection = Connect-CallTracking -Provider TrackDrive -Credential $credential -BaseUri $base -Name pwsh-leg -PassThru
    $baseline = [CallTracking.Bench.BaselineClient]::new($base, $token)

    $legs = [ordered]@{
        'foreach Get-CallLog' = {
            param([long] $Limit)
            $items = if ($Limit -lt $Calls) { Get-CallLog -Connection $connection -PageSize $PageSize -First $Limit } else { Get-CallLog -Connection $connection -PageSize $PageSize }
            foreach ($c in $items) { }
            , $items
        }
        'foreach Get-BaselineCall' = {
            param([long] $Limit)
            $items = Get-BaselineCall -Client $baseline -Limit $Limit -PerPage $PageSize
            foreach ($c in $items) { }
            , $items
        }
        'HttpClient+Utf8JsonReader' = {
            param([long] $Limit)
            $r = $baseline.CountAll($Limit, $PageSize)
            [pscustomobject]@{ Count = $r[0]; Checksum = $r[1] }
        }
        'Get-CallLog | Measure-Object' = {
            param([long] $Limit)
            $m = if ($Limit -lt $Calls) { Get-CallLog -Connection $connection -PageSize $PageSize -First $Limit | Measure-Object } else { Get-CallLog -Connection $connection -PageSize $PageSize | Measure-Object }
            [pscustomobject]@{ Count = [long] $m.Count; Checksum = $null }
        }
        'Invoke-RestMethod loop' = {
            param([long] $Limit)
            $n = 0L
            $cursor = -1
            do {
                $page = Invoke-RestMethod -Uri "$($base)calls?cursor=$cursor&per_page=$PageSize&auth_token=$token"
                $n += $page.calls.Count
                $cursor = $page.metadata.next_cursor
            } while ($cursor -ne 0 -and $n -lt $Limit)
            [pscustomobject]@{ Count = $n; Checksum = $null }
        }
    }

    function Invoke-Leg([string] $Name, [long] $Limit) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $self = [Diagnostics.Process]::GetCurrentProcess()
        $server.Refresh()
        $serverCpu0 = $server.TotalProcessorTime
        $cpu0 = $self.TotalProcessorTime
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $out = & $legs[$Name] $Limit
        $watch.Stop()
        $self.Refresh(); $server.Refresh()
        $cpu = ($self.TotalProcessorTime - $cpu0).TotalSeconds
        $serverCpu = ($server.TotalProcessorTime - $serverCpu0).TotalSeconds
        if ($Name -eq 'foreach Get-CallLog' -or $Name -eq 'foreach Get-BaselineCall') {
            # After the clock: count and id checksum of what foreach saw.
            $count = [long] $out.Count
            $checksum = [CallTracking.Bench.BaselineClient]::Checksum([long[]] @($out.Id))
            $out = $null
        }
        else {
            $count = [long] $out.Count
            $checksum = $out.Checksum
        }
        [pscustomobject]@{
            Leg = $Name; Count = $count; Checksum = $checksum; Seconds = $watch.Elapsed.TotalSeconds
            RecordsPerSecond = $count / $watch.Elapsed.TotalSeconds
            CpuSeconds = $cpu; CpuMicrosPerRecord = 1e6 * $cpu / [math]::Max(1, $count)
            ServerCpuSeconds = $serverCpu
        }
    }

    $load = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg -Raw).Trim() } else { 'n/a' }
    Write-Host ("pwsh leg  {0:yyyy-MM-dd HH:mm}Z  PowerShell {1} on .NET {2}  {3} cores  load {4}" -f [datetime]::UtcNow, $PSVersionTable.PSVersion, [Environment]::Version, [Environment]::ProcessorCount, $load)
    Write-Host ("server {0} (pre-rendered pages, separate process)  calls {1:N0}  per_page {2}  rounds {3}  progress {4}  module build {5}" -f $base, $Calls, $PageSize, $Rounds, $(if ($KeepProgress) { 'shown' } else { 'off' }), $moduleBuild)

    if ($WarmupCalls -gt 0) {
        $warm = foreach ($name in $legs.Keys) { Invoke-Leg $name ([math]::Min($WarmupCalls, $Calls)) }
        Write-Host ('warm-up ({0:N0} calls a leg): {1}' -f [math]::Min($WarmupCalls, $Calls), (($warm | ForEach-Object { '{0} {1:N0}/s' -f $_.Leg, $_.RecordsPerSecond }) -join ', '))
    }

    $results = [Collections.Generic.List[object]]::new()
    $mismatch = $false
    for ($round = 1; $round -le $Rounds; $round++) {
        # Each ratio's two sides run back to back; the pairs swap order every round.
        $order = if ($round % 2) { @('foreach Get-CallLog', 'HttpClient+Utf8JsonReader', 'foreach Get-BaselineCall', 'Get-CallLog | Measure-Object', 'Invoke-RestMethod loop') }
                 else { @('foreach Get-BaselineCall', 'HttpClient+Utf8JsonReader', 'foreach Get-CallLog', 'Invoke-RestMethod loop', 'Get-CallLog | Measure-Object') }
        $thisRound = @{}
        foreach ($name in $order) {
            $r = Invoke-Leg $name $Calls
            $r | Add-Member -NotePropertyName Round -NotePropertyValue $round
            $results.Add($r)
            $thisRound[$name] = $r
            Write-Host ('  round {0}/{1}  {2,-29} {3,10:N0} rec/s  {4,7:F2} s  cpu {5,6:F2} us/rec  server cpu {6,5:F2} s' -f $round, $Rounds, $name, $r.RecordsPerSecond, $r.Seconds, $r.CpuMicrosPerRecord, $r.ServerCpuSeconds)
            if ($r.Count -ne $Calls) { Write-Warning "$name streamed $($r.Count) records, expected $Calls"; $mismatch = $true }
        }
        foreach ($leg in 'foreach Get-CallLog', 'foreach Get-BaselineCall') {
            if ($thisRound[$leg].Checksum -ne $thisRound['HttpClient+Utf8JsonReader'].Checksum) {
                Write-Warning "Round $round : the ids $leg saw differ from the baseline's (checksums $($thisRound[$leg].Checksum) vs $($thisRound['HttpClient+Utf8JsonReader'].Checksum))."
                $mismatch = $true
            }
        }
    }

    $summary = foreach ($name in $legs.Keys) {
        $mine = @($results | Where-Object Leg -eq $name)
        [pscustomobject]@{
            Leg = $name
            RecordsPerSecond = [math]::Round((Get-Median ($mine.RecordsPerSecond)), 0)
            BestRecordsPerSecond = [math]::Round(($mine.RecordsPerSecond | Measure-Object -Maximum).Maximum, 0)
            CpuMicrosPerRecord = [math]::Round((Get-Median ($mine.CpuMicrosPerRecord)), 2)
            Seconds = [math]::Round((Get-Median ($mine.Seconds)), 2)
            ServerCpuSeconds = [math]::Round((Get-Median ($mine.ServerCpuSeconds)), 2)
        }
    }
    function Get-Ratio([string] $Mine, [string] $Theirs) {
        $per = for ($round = 1; $round -le $Rounds; $round++) {
            $a = $results | Where-Object { $_.Round -eq $round -and $_.Leg -eq $Mine }
            $b = $results | Where-Object { $_.Round -eq $round -and $_.Leg -eq $Theirs }
            $a.RecordsPerSecond / $b.RecordsPerSecond
        }
        Get-Median $per
    }
    $ratioA = Get-Ratio 'foreach Get-CallLog' 'HttpClient+Utf8JsonReader'
    $ratioB = Get-Ratio 'Get-CallLog | Measure-Object' 'Invoke-RestMethod loop'
    $ratioCeiling = Get-Ratio 'foreach Get-BaselineCall' 'HttpClient+Utf8JsonReader'
    $ratioModule = Get-Ratio 'foreach Get-CallLog' 'foreach Get-BaselineCall'
    $cpuA = ($summary | Where-Object Leg -eq 'foreach Get-CallLog').CpuMicrosPerRecord / ($summary | Where-Object Leg -eq 'HttpClient+Utf8JsonReader').CpuMicrosPerRecord

    Write-Host ''
    Write-Host ("Median of {0} rounds ({1:N0} calls a leg, per_page {2}):" -f $Rounds, $Calls, $PageSize)
    $summary | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
    Write-Host ('(a) foreach Get-CallLog / HttpClient+Utf8JsonReader = {0:F2}x records/s (goal >= 1.0: {1}); CPU per record {2:F2}x the baseline''s' -f $ratioA, $(if ($ratioA -ge 1.0) { 'PASS' } else { 'FAIL' }), $cpuA)
    Write-Host ('    reference: the same baseline loop inside a minimal cmdlet, under the same foreach (foreach Get-BaselineCall) = {0:F2}x the bare loop; foreach Get-CallLog = {1:F2}x that' -f $ratioCeiling, $ratioModule)
    Write-Host ('(b) Get-CallLog | Measure-Object / Invoke-RestMethod loop = {0:F2}x records/s (goal >= 5: {1})' -f $ratioB, $(if ($ratioB -ge 5.0) { 'PASS' } else { 'FAIL' }))
    if ($mismatch) { Write-Host 'MISMATCH: a leg did not stream the expected calls (see the warnings above).' }
    else { Write-Host 'Every leg streamed every call; both foreach legs and the baseline saw the same ids in the same order.' }

    if ($PassThru) {
        [pscustomobject]@{
            Calls = $Calls; PageSize = $PageSize; Rounds = $Rounds; ModuleBuild = $moduleBuild
            ForeachVsBaseline = [math]::Round($ratioA, 3); ForeachVsBaselineGoal = 1.0
            MeasureObjectVsInvokeRestMethod = [math]::Round($ratioB, 3); MeasureObjectVsInvokeRestMethodGoal = 5.0
            ForeachCpuPerRecordVsBaseline = [math]::Round($cpuA, 3)
            MinimalCmdletForeachVsBaseline = [math]::Round($ratioCeiling, 3)
            ForeachVsMinimalCmdletForeach = [math]::Round($ratioModule, 3)
            Legs = $summary
            Consistent = -not $mismatch
        }
    }
    $exitCode = if ($mismatch) { 2 } else { 0 }
}
finally {
    if ($baseline) { $baseline.Dispose() }
    if ($connection) { Disconnect-CallTracking -Name pwsh-leg -ErrorAction SilentlyContinue }
    if (-not $server.HasExited) {
        $server.StandardInput.Close()
        if (-not $server.WaitForExit(10000)) { $server.Kill() }
    }
    $tail = $serverLog.Result.Trim()
    if ($tail) { Write-Host $tail }
}
exit $exitCode
