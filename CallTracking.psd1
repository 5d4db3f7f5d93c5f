@{
    RootModule             = 'CallTracking.PowerShell.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '6f1c2a4e-8b3d-4c7a-9e52-1d0b7a3f5c84'
    Author                 = 'CallTracking contributors'
    CompanyName            = 'CallTracking'
    Copyright              = '(c) CallTracking contributors. All rights reserved.'
    Description            = 'Manage call-tracking accounts from PowerShell: rent, change and release tracking numbers, stream and export call logs, reports and statistics, and hang up live calls. This release speaks to TrackDrive end to end and ships an in-process sandbox that emulates the TrackDrive API, so every cmdlet can be tried without an account; AvidTrak and AVANSER follow in later releases.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    # Imported before RootModule: makes Dependencies/ resolvable before PowerShell reads the cmdlet assembly's types.
    NestedModules          = @('CallTracking.Bootstrap.dll')
    CmdletsToExport        = @(
        'Connect-CallTracking'
        'Get-CallTrackingConnection'
        'Disconnect-CallTracking'
        'Get-TrackingNumber'
        'New-TrackingNumber'
        'Set-TrackingNumber'
        'Remove-TrackingNumber'
        'Find-TrackingNumber'
        'Move-TrackingNumber'
        'Set-CallForwarding'
        'Remove-CallForwarding'
        'Get-CallLog'
        'Stop-Call'
        'Save-CallRecording'
        'Get-CallReport'
        'Get-CallStatistic'
        'Start-CallTrackingSandbox'
        'Stop-CallTrackingSandbox'
        'Get-CallTrackingSandboxRequest'
        'Send-CallTrackingSandboxEvent'
        'New-CallTrackingAccount'
        'Set-CallTrackingAccount'
        'Get-CallTrackingClient'
        'Get-CallTrackingBalance'
        'Add-RoundRobinTarget'
        'Get-RoundRobinTarget'
        'Set-RoundRobinTarget'
        'Remove-RoundRobinTarget'
        'New-LiteCampaign'
        'Get-LiteCampaign'
        'Get-VisitData'
        'Add-SmartReplacementNumber'
        'Remove-SmartReplacementNumber'
        'Add-MetroSiteNumber'
        'Add-MetroTrackingNumber'
        'Get-MetroSiteNumber'
        'Remove-MetroSiteNumber'
        'New-CallbackUriTemplate'
        'ConvertFrom-CallbackUri'
        'Receive-CallEvent'
        'Get-CallDataFeed'
        'Get-ProvisioningRequest'
        'Wait-ProvisioningRequest'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    FormatsToProcess       = @('CallTracking.format.ps1xml', 'Providers/TrackDrive/TrackDrive.format.ps1xml', 'Providers/AvidTrak/AvidTrak.format.ps1xml', 'Providers/AvidTrak/AvidTrak.Account.format.ps1xml', 'Providers/Avanser/Avanser.format.ps1xml')
    TypesToProcess         = @('Providers/TrackDrive/TrackDrive.types.ps1xml')
    PrivateData            = @{
        PSData = @{
            Tags         = @('CallTracking', 'TrackDrive', 'AvidTrak', 'AVANSER', 'Telephony', 'PhoneNumbers', 'CallLog', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = @'
0.1.0
- TrackDrive end to end: Connect-CallTracking (public/private key or auth_token, subdomain or base URI), tracking numbers
  (Get-, New-, Set-, Remove-TrackingNumber), call log (Get-CallLog, streamed page by page with progress, -OutFile for the
  provider's CSV), Get-CallReport, Get-CallStatistic and Stop-Call (hang up calls in progress).
- CSV-driven bulk work: every parameter binds from Import-Csv rows by property name (snake_case column names too); a bad
  cell is an error for that row only, never a silent default.
- Safe by default: -WhatIf and -Confirm on every change, ConfirmImpact High on Remove-TrackingNumber and Stop-Call,
  purchases, releases and hang-ups are never retried blindly, secrets never appear in verbose output or errors.
- AvidTrak end to end: every method of its API (numbers, purchases, forwarding, transfers between clients, round robin,
  lite campaigns, visit data, smart replacement, metro sites, accounts and balances), batched requests for CSV rows.
- AVANSER end to end: Telco provisioning with asynchronous requests (New-/Set-/Remove-TrackingNumber -Wait,
  Get-/Wait-ProvisioningRequest), WebAPI call reporting (Get-CallLog over getCDR, Save-CallRecording), HTTP callbacks and
  SMS forwards (New-CallbackUriTemplate, ConvertFrom-CallbackUri, Receive-CallEvent), data feeds (Get-CallDataFeed).
- Sandbox: Connect-CallTracking -Sandbox emulates each provider in-process; Start-CallTrackingSandbox serves them on a
  loopback port; Get-CallTrackingSandboxRequest shows what was sent; Send-CallTrackingSandboxEvent makes it send
  callbacks to a listener such as Receive-CallEvent.
'@
        }
    }
}
