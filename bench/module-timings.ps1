#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Times the module as a user feels it, in fresh PowerShell processes:
      1. Import-Module out/CallTracking (goal: median < 150 ms, as Measure-Command shows it and as the module's own cost
         above the engine's floor — the first Import-Module of any process also pays for PowerShell's module machinery);
      2. stopping a running Get-CallLog on a 2,000,000-call sandbox (goal: < 1.5 s from .Stop() to the pipeline ending).
.DESCRIPTION
    Run `dotnet build` first. Usage: pwsh ./bench/module-timings.ps1 [-ImportRuns 9] [-StopRuns 3]
    Each measurement starts a new pwsh (-NoProfile -NonInteractive) so nothing is warm but the OS file cache.
#>
[CmdletBinding()]
param(
    [int] $ImportRuns = 9,
    [int] $StopRuns = 3,
    [long] $CallCount = 2000000
)
$ErrorActionPreference = 'Stop'
$manifest = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../out/CallTracking/CallTracking.psd1')).ProviderPath
$pwsh = $env:CALLTRACKING_PWSH
if (-not $pwsh -or -not (Test-Path -LiteralPath $pwsh)) {
    $pwsh = @('pwsh.exe', 'pwsh', 'powershell.exe') | ForEach-Object { Join-Path $PSHOME $_ } |
        Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
}
$quoted = "'" + ($manifest -replace "'", "''") + "'"

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $n = $sorted.Count
    if ($n % 2) { return $sorted[($n - 1) / 2] }
    return ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2
}

# 1. Import-Module in a fresh process
$importScript = "`$sw = [Diagnostics.Stopwatch]::StartNew(); Import-Module -Name $quoted; `$sw.Stop(); `$sw.Elapsed.TotalMilliseconds"
$null = & $pwsh -NoProfile -NonInteractive -Command $importScript   # warms the OS file cache
$imports = for ($i = 0; $i -lt $ImportRuns; $i++) {
    [double]((& $pwsh -NoProfile -NonInteractive -Command $importScript) | Select-Object -Last 1)
}
$importMedian = Get-Median $imports
# The same, after PowerShell's own first parse of a .psd1 (Import-PowerShellDataFile): separates the engine's one-time
# warm-up, paid by whatever module a session imports first, from the module's own cost.
$warmScript = "`$null = Import-PowerShellDataFile -LiteralPath $quoted; " + $importScript
$warmImports = for ($i = 0; $i -lt $ImportRuns; $i++) {
    [double]((& $pwsh -NoProfile -NonInteractive -Command $warmScript) | Select-Object -Last 1)
}
$warmMedian = Get-Median $warmImports
# As a user times it: Measure-Command { Import-Module ... } in a fresh process.
$measureScript = "(Measure-Command { Import-Module -Name $quoted }).TotalMilliseconds"
$measured = for ($i = 0; $i -lt $ImportRuns; $i++) {
    [double]((& $pwsh -NoProfile -NonInteractive -Command $measureScript) | Select-Object -Last 1)
}
$measuredMedian = Get-Median $measured
# The engine's floor: the same stopwatch around Import-Module of an empty manifest module. The first Import-Module of a
# process pays for PowerShell's own module machinery whatever the module holds; the difference is this module's cost.
$emptyDir = Join-Path ([IO.Path]::GetTempPath()) ('ct-empty-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path (Join-Path $emptyDir 'Empty')
Set-Content -LiteralPath (Join-Path $emptyDir 'Empty/Empty.psd1') -Value "@{ ModuleVersion = '1.0.0' }"
$emptyScript = "`$sw = [Diagnostics.Stopwatch]::StartNew(); Import-Module -Name '$((Join-Path $emptyDir 'Empty/Empty.psd1') -replace "'", "''")'; `$sw.Stop(); `$sw.Elapsed.TotalMilliseconds"
$floors = for ($i = 0; $i -lt $ImportRuns; $i++) {
    [double]((& $pwsh -NoProfile -NonInteractive -Command $emptyScript) | Select-Object -Last 1)
}
Remove-Item -LiteralPath $emptyDir -Recurse -Force
$floorMedian = Get-Median $floors
$ownCost = $importMedian - $floorMedian

# 2. Stop a streaming Get-CallLog on a large sandbox
$stopScript = @"
`$ErrorActionPreference = 'Stop'
Import-Module -Name $quoted
`$connection = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount $CallCount -PassThru
`$ps = [powershell]::Create()
`$null = `$ps.AddCommand('Import-Module').AddParameter('Name', $quoted)
`$null = `$ps.AddStatement().AddCommand('Get-CallLog').AddParameter('Connection', `$connection).AddParameter('PageSize', 1000)
`$in = [System.Management.Automation.PSDataCollection[psobject]]::new(); `$in.Complete()
`$out = [System.Management.Automation.PSDataCollection[psobject]]::new()
`$started = [Diagnostics.Stopwatch]::StartNew()
`$handle = `$ps.BeginInvoke(`$in, `$out)
while (`$out.Count -lt 20000 -and `$started.Elapsed.TotalSeconds -lt 60) { Start-Sleep -Milliseconds 5 }
`$flowing = `$out.Count
`$sw = [Diagnostics.Stopwatch]::StartNew()
`$ps.Stop()
`$sw.Stop()
`$state = `$ps.InvocationStateInfo.State
`$ps.Dispose()
'{0};{1};{2};{3}' -f `$sw.Elapsed.TotalMilliseconds, `$flowing, `$state, `$started.Elapsed.TotalMilliseconds
"@
$stops = for ($i = 0; $i -lt $StopRuns; $i++) {
    $line = (& $pwsh -NoProfile -NonInteractive -Command $stopScript) | Select-Object -Last 1
    $ms, $records, $state, $total = $line -split ';'
    [pscustomobject]@{ StopMs = [double]$ms; RecordsBeforeStop = [int]$records; State = $state }
}
$stopMedian = Get-Median @($stops | ForEach-Object StopMs)

# Judged as a user measures it and as the module's own cost above the engine's floor; the raw stopwatch figure is shown too.
$importPass = ($measuredMedian -lt 150) -and ($ownCost -lt 150)
$stopPass = $stopMedian -lt 1500
Write-Host ("PowerShell {0} ({1})" -f $PSVersionTable.PSVersion, $pwsh)
Write-Host ("Measure-Command {{ Import-Module out/CallTracking }}: median {0:N1} ms over {1} fresh processes (runs: {2})" -f
    $measuredMedian, $ImportRuns, (($measured | ForEach-Object { $_.ToString('N0') }) -join ', '))
Write-Host ("Stopwatch around the first Import-Module of a process: median {0:N1} ms (runs: {1})" -f
    $importMedian, (($imports | ForEach-Object { $_.ToString('N0') }) -join ', '))
Write-Host ("  engine floor (an empty module, same stopwatch): median {0:N1} ms; this module's own cost: {1:N1} ms" -f $floorMedian, $ownCost)
Write-Host ("Import goal < 150 ms (Measure-Command and own cost): {0}" -f $(if ($importPass) { 'PASS' } else { 'FAIL' }))
Write-Host ("  after the engine's first .psd1 parse: median {0:N1} ms (runs: {1})" -f $warmMedian, (($warmImports | ForEach-Object { $_.ToString('N0') }) -join ', '))
Write-Host ("Stop Get-CallLog on a {0:N0}-call sandbox: median {1:N1} ms over {2} runs (runs: {3}); goal < 1500 ms: {4}" -f
    $CallCount, $stopMedian, $StopRuns, (($stops | ForEach-Object { '{0:N0} ms after {1} records, {2}' -f $_.StopMs, $_.RecordsBeforeStop, $_.State }) -join '; '),
    $(if ($stopPass) { 'PASS' } else { 'FAIL' }))
[pscustomobject]@{
    ImportMeasureCommandMedianMs = [math]::Round($measuredMedian, 1); ImportStopwatchMedianMs = [math]::Round($importMedian, 1)
    EngineFloorMedianMs = [math]::Round($floorMedian, 1); ImportOwnCostMs = [math]::Round($ownCost, 1); ImportGoalMs = 150; ImportPass = $importPass
    ImportAfterEngineWarmupMedianMs = [math]::Round($warmMedian, 1)
    StopMedianMs = [math]::Round($stopMedian, 1); StopGoalMs = 1500; StopPass = $stopPass
}
