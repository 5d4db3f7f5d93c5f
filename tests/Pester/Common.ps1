# Shared by the *.Tests.ps1 files (dot-sourced in BeforeAll): imports the built module and offers small helpers for the
# sandbox's request log. Run `dotnet build` first: the module is loaded from out/CallTracking.

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$script:RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath
$script:ModuleDir = Join-Path $script:RepoRoot 'out/CallTracking'
$script:ModuleManifest = Join-Path $script:ModuleDir 'CallTracking.psd1'
if (-not (Test-Path -LiteralPath $script:ModuleManifest)) {
    throw "$script:ModuleManifest not found: run dotnet build first."
}
Import-Module -Name $script:ModuleManifest -Force -ErrorAction Stop

# The PowerShell running these tests, for the tests that start a fresh process. Not [Environment]::ProcessPath: for the
# dotnet-tool install of pwsh that is the dotnet host.
$script:PwshPath = $env:CALLTRACKING_PWSH
if (-not $script:PwshPath -or -not (Test-Path -LiteralPath $script:PwshPath)) {
    $script:PwshPath = @('pwsh.exe', 'pwsh', 'powershell.exe') | ForEach-Object { Join-Path $PSHOME $_ } |
        Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
}
if (-not $script:PwshPath) { $script:PwshPath = (Get-Process -Id $PID).Path }

$script:SandboxToken = 'sandbox-token'

function New-TokenCredential([string] $Token = $script:SandboxToken) {
    [pscredential]::new('auth_token', (ConvertTo-SecureString -String $Token -AsPlainText -Force))
}

function New-BasicCredential([string] $Public = 'sandbox-public', [string] $Private = 'sandbox-private') {
    [pscredential]::new($Public, (ConvertTo-SecureString -String $Private -AsPlainText -Force))
}

function Clear-SandboxLog($Connection) {
    $Connection.SandboxInstance.Requests.Clear()
}

# Requests the connection's in-process sandbox received, optionally filtered by method and a regex on the path.
function Get-SandboxLog($Connection, [string] $Method, [string] $PathPattern) {
    @(Get-CallTrackingSandboxRequest -Connection $Connection | Where-Object {
            (-not $Method -or $_.Method -eq $Method) -and (-not $PathPattern -or $_.Path -match $PathPattern)
        })
}

function Add-SandboxFault($Connection, [hashtable] $Rule) {
    $Connection.SandboxInstance.Faults.Add([CallTracking.Sandbox.FaultRule]$Rule)
}

# A regex for the calls list endpoint (GET /api/v1/calls or /calls.json), not /calls/reports, /calls/stats or /calls/:id.
$script:CallsListPath = '/calls(\.json)?$'
$script:NumbersListPath = '/phone_numbers(\.json)?$'

# Every message of the streams 2..6 a script block wrote, as text (for secret checks).
function Get-AllStreamText([scriptblock] $Script) {
    $ErrorActionPreference = 'Continue'
    $records = & $Script *>&1
    ($records | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); $_.Exception.ToString(); "$($_.ErrorDetails)"; "$($_.TargetObject)" }
            elseif ($_ -is [System.Management.Automation.InformationalRecord]) { $_.Message }
            else { "$_" }
        }) -join "`n"
}
