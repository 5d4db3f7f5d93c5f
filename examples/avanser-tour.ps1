#!/usr/bin/env pwsh
<#
.SYNOPSIS
    A tour of the CallTracking module's AVANSER cmdlets against the built-in AVANSER sandbox on loopback: no account,
    no network.

.DESCRIPTION
    Run `dotnet build` at the repository root first (it lays the module out in out/CallTracking), then:
        pwsh ./examples/avanser-tour.ps1
    The tour starts the sandbox on 127.0.0.1, connects with the sandbox login (Telco API and WebAPI in one connection),
    pulls call records page by page (last_id), saves two recordings, builds a callback URL, receives three callbacks
    the sandbox sends, reads the data feed and provisions two numbers. Against the live API, connect with your own login and no -BaseUri.
#>
[CmdletBinding()]
param(
    # How many calls the sandbox computes (on demand: no memory cost).
    [int] $CallCount = 5000,
    # The loopback port Receive-CallEvent listens on.
    [int] $CallbackPort = 0
)
$ErrorActionPreference = 'Stop'

$manifest = Join-Path $PSScriptRoot '../out/CallTracking/CallTracking.psd1'
if (-not (Test-Path -LiteralPath $manifest)) {
    throw "The module is not built: run 'dotnet build' at the repository root first (expected $manifest)."
}
Import-Module -Name $manifest -Force

Write-Host '1. Start the AVANSER sandbox on loopback and connect with its login' -ForegroundColor Cyan
$sandbox = Start-CallTrackingSandbox -Provider Avanser -SandboxCallCount $CallCount -SandboxProvisioningDelaySec 1
# The sandbox's documented login (Get-Help Start-CallTrackingSandbox); yours would come from a secret store.
$login = [pscredential]::new('sandbox@avanser.test', (ConvertTo-SecureString 'sandbox-password' -AsPlainText -Force))
$connection = Connect-CallTracking -Provider Avanser -Credential $login -ClientId 5995 -TelcoBaseUri $sandbox.BaseUriFor('Avanser', 'Telco') -WebApiBaseUri $sandbox.BaseUriFor('Avanser', 'WebApi') -Name avanser -PassThru
$connection | Format-List Name, Provider, UserName, Endpoints | Out-Host

Write-Host '2. Call records of the last 30 days (getCDR, paged by last_id)' -ForegroundColor Cyan
$anchor = $sandbox.Clock.Now
$calls = @(Get-CallLog -Start $anchor.AddDays(-30) -End $anchor -PageSize 500 -Audio)
Write-Host ("{0} calls, {1} distinct ids, in {2} requests" -f $calls.Count, @($calls.Id | Select-Object -Unique).Count, @(Get-CallTrackingSandboxRequest -Sandbox $sandbox | Where-Object { $_.Query['action'] -eq 'getCDR' }).Count)
$calls | Select-Object -First 5 | Format-Table | Out-Host

Write-Host '3. Save two recordings (getAudio)' -ForegroundColor Cyan
$folder = Join-Path ([System.IO.Path]::GetTempPath()) ("avanser-tour-{0}" -f [guid]::NewGuid())
try {
    $calls | Where-Object RecordingUrl | Select-Object -First 2 | Save-CallRecording -Directory $folder |
        Format-Table Name, Length -AutoSize | Out-Host
}
finally {
    Remove-Item -LiteralPath $folder -Recurse -ErrorAction SilentlyContinue
}

Write-Host '4. The callback URL to give AVANSER (the example''s tags; -All for every tag)' -ForegroundColor Cyan
$template = New-CallbackUriTemplate -BaseUri https://hooks.example.com/avanser/call
$template.CallbackUri | Out-Host

Write-Host '5. Receive three callbacks the sandbox sends' -ForegroundColor Cyan
if ($CallbackPort -eq 0) {
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start(); $CallbackPort = $probe.LocalEndpoint.Port; $probe.Stop()
}
$target = [uri]"http://127.0.0.1:$CallbackPort/avanser/call"
# The sandbox sends in the background as soon as the listener takes connections.
$sandbox | Send-CallTrackingSandboxEvent -Uri $target -Count 3 -NoWait
$received = @(Receive-CallEvent -Port $CallbackPort -Path /avanser/call -Count 3 -TimeoutSec 30)
Write-Host ("{0} callbacks received" -f $received.Count)
$received | Format-Table | Out-Host

Write-Host '6. The data feed (JSON here; CSV and XML give the same records)' -ForegroundColor Cyan
$feed = [uri]::new($sandbox.BaseUriFor('Avanser', 'Feed'), 'calls.json')
@(Get-CallDataFeed -Uri $feed -Credential $login) | Select-Object -First 3 | Format-Table | Out-Host

Write-Host '7. Provision two numbers from rows (asynchronous requests, awaited together)' -ForegroundColor Cyan
$rows = @(
    [pscustomobject]@{ ServiceType = 'Transfer'; AnswerPoint = '+61298765432'; CustomId = 'tour-1' }
    [pscustomobject]@{ ServiceType = 'Transfer'; AnswerPoint = '+61298765433'; CustomId = 'tour-2' }
)
$rows | New-TrackingNumber -CallbackUri $template.CallbackUri -Wait -TimeoutSec 60 -Confirm:$false | Format-Table | Out-Host

Write-Host '8. What the sandbox received (secrets shown as ***)' -ForegroundColor Cyan
Get-CallTrackingSandboxRequest -Sandbox $sandbox -Last 3 | Format-Table Method, Path, StatusCode -AutoSize | Out-Host

Disconnect-CallTracking -Connection $connection
Stop-CallTrackingSandbox -Sandbox $sandbox -Force
Write-Host 'Done. Next: Get-Help about_CallTracking_Avanser' -ForegroundColor Green
