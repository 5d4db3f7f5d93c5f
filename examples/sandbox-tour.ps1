#!/usr/bin/env pwsh
<#
.SYNOPSIS
    A five-minute tour of the CallTracking module against its built-in TrackDrive sandbox: no account, no network.

.DESCRIPTION
    Run `dotnet build` at the repository root first (it lays the module out in out/CallTracking), then:
        pwsh ./examples/sandbox-tour.ps1
    The tour connects to an in-process sandbox, lists tracking numbers, pulls a week of calls (relative to the newest
    call) grouped by status, previews a purchase with -WhatIf, and shows the requests the sandbox received.
#>
[CmdletBinding()]
param(
    # How many calls the sandbox generates (computed on demand: millions cost no memory).
    [int] $CallCount = 20000
)
$ErrorActionPreference = 'Stop'

$manifest = Join-Path $PSScriptRoot '../out/CallTracking/CallTracking.psd1'
if (-not (Test-Path -LiteralPath $manifest)) {
    throw "The module is not built: run 'dotnet build' at the repository root first (expected $manifest)."
}
Import-Module -Name $manifest -Force

Write-Host '1. Connect to the in-process TrackDrive sandbox' -ForegroundColor Cyan
$connection = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount $CallCount -SandboxNumberCount 8 -PassThru
$connection | Format-List Name, Provider, BaseUri, IsSandbox | Out-Host

Write-Host '2. Tracking numbers' -ForegroundColor Cyan
Get-TrackingNumber | Format-Table Id, Number, Country, TollFree, OfferId, TrafficSourceId -AutoSize | Out-Host

Write-Host '3. A week of calls, relative to the newest call, grouped by status' -ForegroundColor Cyan
$newest = Get-CallLog -First 1
$to = $newest.CreatedAt.UtcDateTime.AddMinutes(1)
$from = $to.AddDays(-7)
$week = Get-CallLog -CreatedAfter $from -CreatedBefore $to -PageSize 500
Write-Host ("{0} calls from {1:u} to {2:u}" -f @($week).Count, $from, $to)
$week | Group-Object Status | Sort-Object Count -Descending | Format-Table Count, Name -AutoSize | Out-Host

Write-Host '4. Revenue by status over the same week (GET /calls/stats)' -ForegroundColor Cyan
Get-CallStatistic -GroupBy status -Stat revenue -CreatedAfter $from -CreatedBefore $to |
    Sort-Object Value -Descending | Format-Table Group, Value -AutoSize | Out-Host

Write-Host '5. Preview a purchase with -WhatIf (nothing is bought)' -ForegroundColor Cyan
New-TrackingNumber -ProviderConfigurationId 150 -OfferId 101 -Country US -TollFree -WhatIf

Write-Host '6. What the sandbox received (secrets shown as ***)' -ForegroundColor Cyan
$requests = Get-CallTrackingSandboxRequest
Write-Host ("{0} requests; no POST was sent: {1}" -f @($requests).Count, (-not ($requests | Where-Object Method -eq 'POST')))
$requests | Select-Object -Last 3 | Format-Table Method, Path, StatusCode, Duration -AutoSize | Out-Host

Disconnect-CallTracking -Connection $connection
Write-Host 'Done. Next: Get-Help about_CallTracking' -ForegroundColor Green
