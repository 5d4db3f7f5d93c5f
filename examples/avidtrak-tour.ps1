#!/usr/bin/env pwsh
<#
.SYNOPSIS
    A tour of the CallTracking module's AvidTrak cmdlets against the built-in AvidTrak sandbox on loopback: no account,
    no network.

.DESCRIPTION
    Run `dotnet build` at the repository root first (it lays the module out in out/CallTracking), then:
        pwsh ./examples/avidtrak-tour.ps1
    The tour starts the sandbox on 127.0.0.1, connects as its agency with the agency's pincode, lists the clients and
    their balances (one connection per client, from the client's pin), searches numbers in an area code, previews a
    purchase with -WhatIf, then sets call forwarding for many numbers from a CSV file and shows how few requests that
    took. Against the live API, connect with your own pincode and no -BaseUri.
#>
[CmdletBinding()]
param(
    # How many forwarding rows the CSV step writes and imports.
    [int] $ForwardingRows = 300,
    # Xml makes the sandbox answer in AvidTrak's XML envelope (read into the same objects as JSON).
    [ValidateSet('Json', 'Xml')] [string] $Format = 'Json'
)
$ErrorActionPreference = 'Stop'

$manifest = Join-Path $PSScriptRoot '../out/CallTracking/CallTracking.psd1'
if (-not (Test-Path -LiteralPath $manifest)) {
    throw "The module is not built: run 'dotnet build' at the repository root first (expected $manifest)."
}
Import-Module -Name $manifest -Force

Write-Host '1. Start the AvidTrak sandbox on loopback and connect as its agency' -ForegroundColor Cyan
$sandbox = Start-CallTrackingSandbox -Provider AvidTrak -SandboxNumberCount 4 -SandboxClientCount 3
# The sandbox agency's documented pincode (Get-Help Start-CallTrackingSandbox); yours would come from a secret store.
$agencyPin = [pscredential]::new('sandbox-agency', (ConvertTo-SecureString 'sandbox-agency-pin' -AsPlainText -Force))
$agency = Connect-CallTracking -Provider AvidTrak -Credential $agencyPin -BaseUri $sandbox.BaseUri -Format $Format -Name agency -PassThru
$agency | Format-List Name, Provider, UserName, BaseUri | Out-Host

Write-Host '2. The agency''s clients (each pin comes back as a PSCredential, never as text)' -ForegroundColor Cyan
$clients = @(Get-CallTrackingClient)
$clients | Format-Table | Out-Host

Write-Host '3. Balances: the agency''s, then one per client through its own connection' -ForegroundColor Cyan
Get-CallTrackingBalance | Format-Table | Out-Host
$balances = foreach ($client in $clients) {
    $connection = Connect-CallTracking -Provider AvidTrak -Credential $client.Credential -Name $client.UserName -BaseUri $sandbox.BaseUri -PassThru
    Get-CallTrackingBalance -Connection $connection
    Disconnect-CallTracking -Connection $connection
}
$balances | Format-Table ConnectionName, Balance, Currency -AutoSize | Out-Host

Write-Host '4. Search local numbers in area code 410' -ForegroundColor Cyan
$found = @(Find-TrackingNumber -Connection $agency -NumberType Local -AreaCode 410 -Quantity 5)
$found | Format-Table | Out-Host

Write-Host '5. Preview a purchase with -WhatIf (nothing is bought)' -ForegroundColor Cyan
$found | Select-Object -First 2 | New-TrackingNumber -Connection $agency -WhatIf

Write-Host "6. Bulk forwarding from a CSV of $ForwardingRows rows" -ForegroundColor Cyan
$owned = @(Get-TrackingNumber -Connection $agency)
$csv = Join-Path ([System.IO.Path]::GetTempPath()) ("avidtrak-forwarding-{0}.csv" -f [guid]::NewGuid())
try {
    # Two forward targets, so the rows coalesce into two groups of sid[] calls.
    1..$ForwardingRows | ForEach-Object {
        [pscustomobject]@{
            sid            = $owned[$_ % $owned.Count].Id
            forward_number = if ($_ % 2) { '+14105550100' } else { '+14105550199' }
            extension      = ''
        }
    } | Export-Csv -LiteralPath $csv -NoTypeInformation

    $before = @(Get-CallTrackingSandboxRequest -Sandbox $sandbox).Count
    $results = @(Import-Csv -LiteralPath $csv | Set-CallForwarding -Connection $agency -Confirm:$false)
    $requests = @(Get-CallTrackingSandboxRequest -Sandbox $sandbox).Count - $before
    Write-Host ("{0} rows -> {1} result rows, {2} succeeded, in {3} requests" -f $ForwardingRows, $results.Count, @($results | Where-Object Succeeded).Count, $requests)
    $results | Select-Object -First 3 | Format-Table | Out-Host
}
finally {
    Remove-Item -LiteralPath $csv -ErrorAction SilentlyContinue
}

Write-Host '7. The last requests the sandbox received (the pincode shown as ***)' -ForegroundColor Cyan
Get-CallTrackingSandboxRequest -Sandbox $sandbox -Last 3 | Format-Table @{ n = 'method'; e = { $_.Query['method'] } }, @{ n = 'pincode'; e = { $_.Query['pincode'] } }, StatusCode -AutoSize | Out-Host

Disconnect-CallTracking -Connection $agency
Stop-CallTrackingSandbox -Sandbox $sandbox -Force
Write-Host 'Done. Next: Get-Help about_CallTracking_AvidTrak' -ForegroundColor Green
