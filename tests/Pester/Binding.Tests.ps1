# The binder matrix (issue 5, section 2): in the real PowerShell binder, for each shared cmdlet and each provider, the
# documented invocation forms bind to the intended parameter set, a parameter of another provider is a WrongProvider error
# naming that provider, piped objects are checked for kind and provider, and tab completion follows the connection.
#
# Which set bound is read from behaviour: what reached the TrackDrive sandbox (its request log), or the check that only one
# set performs (a piped record's kind is checked only when it binds -InputObject, not when its Id binds -Id by name).
# AvidTrak and AVANSER connections are made with dummy credentials: connecting sends nothing, and the cases here answer
# (NotSupported, WrongProvider, NamedParameterNotFound) before anything is sent.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    $pin = [pscredential]::new('agency', (ConvertTo-SecureString 'pin-dummy-0000' -AsPlainText -Force))
    $login = [pscredential]::new('ops@example.com', (ConvertTo-SecureString 'pw-dummy' -AsPlainText -Force))
    $script:avid = Connect-CallTracking -Provider AvidTrak -Credential $pin -Name bind-avid -PassThru
    $script:avan = Connect-CallTracking -Provider Avanser -Credential $login -ClientId 5995 -Name bind-avan -PassThru
    # TrackDrive last, so it is the current connection the Describe blocks below start from.
    $script:td = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 40 -SandboxNumberCount 12 -Name bind-td -PassThru
    $script:numbers = @(Get-TrackingNumber -Connection $td)

    # What reached the sandbox since the last Clear-SandboxLog: "METHOD /path?query" (query sorted, token left out).
    function Get-Sent {
        @(Get-CallTrackingSandboxRequest -Connection $td | ForEach-Object {
                $q = @($_.Query.GetEnumerator() | Where-Object Key -ne 'auth_token' | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join '&'
                "$($_.Method) $($_.Path)" + $(if ($q) { "?$q" } else { '' })
            })
    }

    # The error record a script block ends with (terminating, or the first non-terminating one under -ErrorAction Stop).
    function Get-ErrorOf([scriptblock] $Script) {
        try { $null = & $Script; $null } catch { $_ }
    }

    # Runs a script in a new runspace that has imported the module (its own connections: none at first).
    function Invoke-InNewRunspace([string] $Script) {
        $iss = [initialsessionstate]::CreateDefault2()
        $iss.ImportPSModule([string[]]@($ModuleManifest))
        $ps = [powershell]::Create($iss)
        try {
            $out = $ps.AddScript($Script).Invoke()
            [pscustomobject]@{ Output = @($out); Errors = @($ps.Streams.Error) }
        }
        finally { $ps.Dispose() }
    }

    function Complete([string] $Line) {
        @([System.Management.Automation.CommandCompletion]::CompleteInput($Line, $Line.Length, $null).CompletionMatches | ForEach-Object CompletionText)
    }

    function New-Csv([string] $Name, [string] $Text) {
        $path = Join-Path $TestDrive $Name
        Set-Content -LiteralPath $path -Value $Text -Encoding utf8
        $path
    }
}

AfterAll {
    foreach ($c in @($td, $avid, $avan)) { if ($c) { Disconnect-CallTracking -Connection $c } }
}

Describe 'Get-CallLog binds' {
    BeforeEach { Clear-SandboxLog $td }

    It 'no argument: the List set (the call log)' {
        @(Get-CallLog -First 2).Count | Should -Be 2
        Get-Sent | Should -Be @('GET /api/v1/calls?cursor=-1&per_page=2')
    }

    It '-Id named and 123 positional: ById' {
        $null = Get-CallLog -Id 7
        $null = Get-CallLog 8
        Get-Sent | Should -Be @('GET /api/v1/calls/7', 'GET /api/v1/calls/8')
    }

    It 'a TrackDrive filter on a TrackDrive connection: List, sent under its seed name' {
        $null = @(Get-CallLog -Status forwarded -First 1)
        Get-Sent | Should -Be @('GET /api/v1/calls?cursor=-1&per_page=1&status=forwarded')
    }

    It 'Import-Csv rows: ById by property name, through the call_id and uuid aliases' {
        $calls = @(Get-CallLog -First 2)
        $csv = New-Csv 'calls.csv' "call_id`n$($calls[0].Id)`n$($calls[1].Id)"
        $uuids = New-Csv 'uuids.csv' "uuid,status`n$($calls[0].Uuid),forwarded"
        Clear-SandboxLog $td
        @(Import-Csv -LiteralPath $csv | Get-CallLog).Id | Should -Be @($calls[0].Id, $calls[1].Id)
        $null = Import-Csv -LiteralPath $uuids | Get-CallLog
        # The row's status column is not a filter: list filters do not bind from the pipeline.
        Get-Sent | Should -Be @("GET /api/v1/calls/$($calls[0].Id)", "GET /api/v1/calls/$($calls[1].Id)", "GET /api/v1/calls/$($calls[0].Uuid)")
    }

    It 'Get-CallLog -First 1 | Get-CallLog: InputObject (the piped call is fetched again)' {
        $call = Get-CallLog -First 1
        Clear-SandboxLog $td
        ($call | Get-CallLog).Id | Should -Be $call.Id
        Get-Sent | Should -Be @("GET /api/v1/calls/$($call.Id)")
    }

    It 'a piped record binds InputObject, not -Id by property name: a piped number is refused for its kind' {
        $number = $numbers[0]
        Clear-SandboxLog $td
        $err = Get-ErrorOf { $number | Get-CallLog -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*GetCallLogCommand'
        $err.Exception.Message | Should -Match 'does not act on a number'
        Get-Sent | Should -Be @()
    }

    It 'a call of another provider is refused (WrongProvider) and nothing is sent' {
        $foreign = [CallTracking.Core.Model.CallRecord]::new('AvidTrak', '77')
        $err = Get-ErrorOf { $foreign | Get-CallLog -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'WrongProvider,*GetCallLogCommand'
        $err.Exception.Message | Should -Match 'from AvidTrak'
        Get-Sent | Should -Be @()
    }

    It 'a TrackDrive call piped to an AvidTrak connection is refused (WrongProvider), not NotSupported' {
        $call = Get-CallLog -First 1
        $err = Get-ErrorOf { $call | Get-CallLog -Connection bind-avid -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'WrongProvider,*GetCallLogCommand'
        $err.Exception.Message | Should -Match 'TrackDrive'
    }
}

Describe 'Get-TrackingNumber binds' {
    BeforeEach { Clear-SandboxLog $td }

    It 'no argument: List; a TrackDrive filter: List with its seed name' {
        $null = @(Get-TrackingNumber -First 2)
        $null = @(Get-TrackingNumber -OfferId 100 -First 1)
        Get-Sent | Should -Be @('GET /api/v1/phone_numbers?page=1&per_page=2', 'GET /api/v1/phone_numbers?offer_id=100&page=1&per_page=1')
    }

    It '-Id named and positional: ById' {
        $null = Get-TrackingNumber -Id $numbers[0].Id
        $null = Get-TrackingNumber $numbers[1].Id
        Get-Sent | Should -Be @("GET /api/v1/phone_numbers/$($numbers[0].Id)", "GET /api/v1/phone_numbers/$($numbers[1].Id)")
    }

    It 'Import-Csv rows: ById by property name (phone_number_id)' {
        $csv = New-Csv 'ids.csv' "phone_number_id,offer_id`n$($numbers[2].Id),999`n$($numbers[3].Id),999"
        @(Import-Csv -LiteralPath $csv | Get-TrackingNumber).Id | Should -Be @($numbers[2].Id, $numbers[3].Id)
        Get-Sent | Should -Be @("GET /api/v1/phone_numbers/$($numbers[2].Id)", "GET /api/v1/phone_numbers/$($numbers[3].Id)")
    }

    It 'piped numbers: InputObject; a piped call is refused for its kind' {
        $two = @($numbers[0..1])
        Clear-SandboxLog $td
        @($two | Get-TrackingNumber).Id | Should -Be @($two.Id)
        $call = Get-CallLog -First 1
        $err = Get-ErrorOf { $call | Get-TrackingNumber -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*GetTrackingNumberCommand'
        $err.Exception.Message | Should -Match 'does not act on a call'
        (Get-Sent) -match 'phone_numbers/' | Should -Be @("GET /api/v1/phone_numbers/$($two[0].Id)", "GET /api/v1/phone_numbers/$($two[1].Id)")
    }
}

Describe 'New-TrackingNumber binds' {
    BeforeEach { Clear-SandboxLog $td }

    It 'named TrackDrive parameters buy one number; -WhatIf sends nothing' {
        New-TrackingNumber -ProviderConfigurationId 150 -OfferId 101 -Country US -WhatIf
        Get-Sent | Should -Be @()
        $n = New-TrackingNumber -ProviderConfigurationId 150 -OfferId 101 -Country US -TollFree
        $n.OfferId | Should -Be 101
        $post = @(Get-SandboxLog $td 'POST')
        $post.Count | Should -Be 1
        $post[0].Body | Should -Match '"offer_id"\s*:\s*101'
        $post[0].Body | Should -Match '"toll_free"\s*:\s*true'
    }

    It 'Import-Csv rows with snake_case columns (provider_configuration_id, offer_id, toll_free) buy one number each' {
        $csv = New-Csv 'buy.csv' "provider_configuration_id,offer_id,country,toll_free`n150,102,US,false`n150,103,CA,yes"
        $bought = @(Import-Csv -LiteralPath $csv | New-TrackingNumber)
        @($bought.OfferId) | Should -Be @(102, 103)
        @($bought.Country) | Should -Be @('US', 'CA')
        $posts = @(Get-SandboxLog $td 'POST')
        $posts.Count | Should -Be 2
        $posts[0].Body | Should -Match '"toll_free"\s*:\s*false'
        $posts[1].Body | Should -Match '"toll_free"\s*:\s*true'
    }
}

Describe 'Set-TrackingNumber binds' {
    BeforeEach { Clear-SandboxLog $td }

    It '-Id named and positional: ById, only the change is sent' {
        Set-TrackingNumber -Id $numbers[4].Id -OfferId 5
        Set-TrackingNumber $numbers[5].Id -TrafficSourceId 6
        $puts = @(Get-SandboxLog $td 'PUT')
        @($puts.Path) | Should -Be @("/api/v1/phone_numbers/$($numbers[4].Id)", "/api/v1/phone_numbers/$($numbers[5].Id)")
        $puts[0].Body | Should -Match '^\{\s*"offer_id"\s*:\s*5\s*\}$'
        $puts[1].Body | Should -Match '^\{\s*"traffic_source_id"\s*:\s*6\s*\}$'
    }

    It 'Get-TrackingNumber -First 2 | Set-TrackingNumber -OfferId 5 -WhatIf: InputObject, nothing changed' {
        Get-TrackingNumber -First 2 | Set-TrackingNumber -OfferId 5 -WhatIf
        @(Get-Sent) | Should -Be @('GET /api/v1/phone_numbers?page=1&per_page=2')
    }

    It 'piped numbers are changed by the command line only, not by their own properties' {
        Get-TrackingNumber -First 2 | Set-TrackingNumber -OfferId 5
        $puts = @(Get-SandboxLog $td 'PUT')
        @($puts.Path) | Should -Be @("/api/v1/phone_numbers/$($numbers[0].Id)", "/api/v1/phone_numbers/$($numbers[1].Id)")
        foreach ($p in $puts) { $p.Body | Should -Match '^\{\s*"offer_id"\s*:\s*5\s*\}$' }
    }

    It 'Import-Csv rows: ById by property name, each row its own change (offer_id)' {
        $csv = New-Csv 'set.csv' "phone_number_id,offer_id`n$($numbers[6].Id),7`n$($numbers[7].Id),8"
        Import-Csv -LiteralPath $csv | Set-TrackingNumber
        $puts = @(Get-SandboxLog $td 'PUT')
        @($puts.Path) | Should -Be @("/api/v1/phone_numbers/$($numbers[6].Id)", "/api/v1/phone_numbers/$($numbers[7].Id)")
        $puts[0].Body | Should -Match '"offer_id"\s*:\s*7'
        $puts[1].Body | Should -Match '"offer_id"\s*:\s*8'
    }

    It 'a piped call is refused and nothing is changed' {
        $call = Get-CallLog -First 1
        $err = Get-ErrorOf { $call | Set-TrackingNumber -OfferId 5 -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*SetTrackingNumberCommand'
        @(Get-SandboxLog $td 'PUT').Count | Should -Be 0
    }
}

Describe 'Remove-TrackingNumber binds' {
    BeforeEach { Clear-SandboxLog $td }

    It 'Remove-TrackingNumber 185901 -WhatIf (positional ById) sends nothing; the real run releases that number' {
        $numbers[0].Id | Should -Be '185901' # the sandbox's first number: the documented example is a real id here
        Remove-TrackingNumber 185901 -WhatIf
        Get-Sent | Should -Be @()
        $id = $numbers[8].Id
        Remove-TrackingNumber $id -Confirm:$false
        Get-Sent | Should -Be @("DELETE /api/v1/phone_numbers/$id")
    }

    It 'Import-Csv rows: ById by property name (phone_number_id)' {
        $csv = New-Csv 'remove.csv' "phone_number_id`n$($numbers[9].Id)"
        Import-Csv -LiteralPath $csv | Remove-TrackingNumber -Confirm:$false
        Get-Sent | Should -Be @("DELETE /api/v1/phone_numbers/$($numbers[9].Id)")
    }

    It 'a piped number: InputObject, released' {
        $n = Get-TrackingNumber -Id $numbers[10].Id
        Clear-SandboxLog $td
        $n | Remove-TrackingNumber -Confirm:$false
        Get-Sent | Should -Be @("DELETE /api/v1/phone_numbers/$($n.Id)")
    }

    It 'Get-CallLog -First 1 | Remove-TrackingNumber: the call is refused (InvalidArgument naming a call) and nothing is sent' {
        $err = Get-ErrorOf { Get-CallLog -First 1 | Remove-TrackingNumber -Confirm:$false -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*RemoveTrackingNumberCommand'
        $err.Exception.Message | Should -Match 'does not act on a call'
        $err.Exception.Message | Should -Match "call \d+"
        # Only the producer's list request: no DELETE, to the call's id or anything else.
        Get-Sent | Should -Be @('GET /api/v1/calls?cursor=-1&per_page=1')
    }
}

Describe 'Stop-Call binds' {
    BeforeEach { Clear-SandboxLog $td }

    It '-Id named, positional and -WhatIf' {
        Stop-Call 12 -WhatIf
        Get-Sent | Should -Be @()
        Stop-Call 12 -Confirm:$false -ErrorAction SilentlyContinue
        Stop-Call -Id 13 -Confirm:$false -ErrorAction SilentlyContinue
        Get-Sent | Should -Be @('DELETE /api/v1/calls/12', 'DELETE /api/v1/calls/13')
    }

    It 'Import-Csv rows: ById by property name (call_id); a piped call: InputObject' {
        $csv = New-Csv 'stop.csv' "call_id`n14"
        Import-Csv -LiteralPath $csv | Stop-Call -Confirm:$false -ErrorAction SilentlyContinue
        $call = Get-CallLog -Id 15
        $call | Stop-Call -Confirm:$false -ErrorAction SilentlyContinue
        Get-Sent | Should -Be @('DELETE /api/v1/calls/14', 'GET /api/v1/calls/15', 'DELETE /api/v1/calls/15')
    }

    It 'a piped number is refused for its kind' {
        $err = Get-ErrorOf { $numbers[0] | Stop-Call -Confirm:$false -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*StopCallCommand'
        $err.Exception.Message | Should -Match 'does not act on a number'
        Get-Sent | Should -Be @()
    }
}

Describe 'Get-CallReport and Get-CallStatistic bind' {
    BeforeEach { Clear-SandboxLog $td }

    It 'Get-CallReport -Category named and positional' {
        $null = @(Get-CallReport -Category status -First 1)
        $null = @(Get-CallReport buyer_id -First 1)
        @(Get-Sent) -replace '&page=1&per_page=1' | Should -Be @('GET /api/v1/calls/reports?category=status', 'GET /api/v1/calls/reports?category=buyer_id')
    }

    It 'Get-CallReport from Import-Csv rows: one report per row, every column by property name; an empty cell is not given' {
        $csv = New-Csv 'reports.csv' "category,status,first`nstatus,forwarded,1`noffer_id,,1`nbuyer_id,bogus,1"
        $null = @(Import-Csv -LiteralPath $csv | Get-CallReport -ErrorAction SilentlyContinue -ErrorVariable rowErrors)
        @(Get-Sent) -replace '&page=1&per_page=1' | Should -Be @('GET /api/v1/calls/reports?category=status&status=forwarded', 'GET /api/v1/calls/reports?category=offer_id')
        # A value outside the list is still that row's error.
        @($rowErrors).Count | Should -Be 1
        $rowErrors[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*GetCallReportCommand'
        $rowErrors[0].Exception.Message | Should -Match 'bogus'
    }

    It 'Get-CallStatistic named and from Import-Csv rows (group_by, stat, created_at_from, created_at_to)' {
        $null = Get-CallStatistic -GroupBy status -Stat count -CreatedAfter '2024-01-01T00:00:00Z' -CreatedBefore '2024-02-01T00:00:00Z'
        $csv = New-Csv 'stats.csv' "group_by,stat,created_at_from,created_at_to`nbuyer_converted,revenue,2024-03-01T00:00:00Z,2024-04-01T00:00:00Z"
        $null = Import-Csv -LiteralPath $csv | Get-CallStatistic
        Get-Sent | Should -Be @(
            'GET /api/v1/calls/stats?created_at_from=2024-01-01 00:00:00 +0000&created_at_to=2024-02-01 00:00:00 +0000&group_by=status&stat=count',
            'GET /api/v1/calls/stats?created_at_from=2024-03-01 00:00:00 +0000&created_at_to=2024-04-01 00:00:00 +0000&group_by=buyer_converted&stat=revenue')
    }
}

Describe 'Connect-CallTracking binds each provider''s credential set' {
    AfterEach {
        Get-CallTrackingConnection -Name 'bind-c-*' | ForEach-Object { Disconnect-CallTracking -Connection $_ }
    }

    It 'Connect-CallTracking TrackDrive $cred -Subdomain acme (positional provider and credential)' {
        $cred = [pscredential]::new('auth_token', (ConvertTo-SecureString 'tok-dummy' -AsPlainText -Force))
        $c = Connect-CallTracking TrackDrive $cred -Subdomain acme -Name bind-c-td -PassThru
        $c.Provider | Should -Be 'TrackDrive'
        $c.BaseUri.AbsoluteUri | Should -Be 'https://acme.trackdrive.com/api/v1/'
        $c.UserName | Should -Be 'auth_token'
        $k = Connect-CallTracking TrackDrive -Token (ConvertTo-SecureString 'tok-dummy' -AsPlainText -Force) -Subdomain acme -Name bind-c-tok -PassThru
        $k.UserName | Should -Be 'auth_token'
    }

    It 'AvidTrak: a positional credential, or -Pincode, and -Format' {
        $c = Connect-CallTracking AvidTrak $pin -Name bind-c-avid -PassThru
        $c.Provider | Should -Be 'AvidTrak'
        $c.UserName | Should -Be 'agency'
        $p = Connect-CallTracking -Provider AvidTrak -Pincode (ConvertTo-SecureString 'pin-dummy' -AsPlainText -Force) -Format Xml -Name bind-c-pin -PassThru
        $p.UserName | Should -Be '(pincode)'
        $p.Client.Format | Should -Be 'xml'
        $p.BaseUri.AbsoluteUri | Should -Be 'https://avidtrak.com/webservice/api.php'
    }

    It 'AVANSER: the login set, or the token set without a login' {
        $c = Connect-CallTracking Avanser $login -ClientId 5995 -Name bind-c-login -PassThru
        $c.UserName | Should -Be 'ops@example.com'
        @($c.Endpoints.Name) | Should -Be @('Telco', 'WebApi')
        $t = Connect-CallTracking -Provider Avanser -AccountId A1 -ApiKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -ApiSecret (ConvertTo-SecureString 's' -AsPlainText -Force) -Name bind-c-token -PassThru
        $t.UserName | Should -Be 'account A1'
    }

    It '-Sandbox: TrackDrive, AvidTrak and AVANSER (each with its own sandbox parameters)' {
        $c = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxNumberCount 1 -Name bind-c-sb -PassThru
        $c.IsSandbox | Should -BeTrue
        $a = Connect-CallTracking -Provider AvidTrak -Sandbox -SandboxAccount Individual -Format Xml -Name bind-c-sba -PassThru
        $a.IsSandbox | Should -BeTrue
        $a.UserName | Should -Be 'sandbox-individual'
        $err = Get-ErrorOf { Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxAccount Client -Name bind-c-x -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'WrongProvider,*ConnectCallTrackingCommand'
        $v = Connect-CallTracking -Provider Avanser -Sandbox -SandboxCallCount 20 -SandboxTokenLifetimeSec 60 -Name bind-c-sbv -PassThru
        $v.IsSandbox | Should -BeTrue
        $v.UserName | Should -Be 'sandbox@avanser.test'
        $err = Get-ErrorOf { Connect-CallTracking -Provider Avanser -Sandbox -SandboxAccount Client -Name bind-c-x -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'WrongProvider,*ConnectCallTrackingCommand'
    }

    It 'a parameter of another provider is WrongProvider naming it: <Line>' -TestCases @(
        @{ Line = 'Connect-CallTracking -Provider AvidTrak -Subdomain x'; Owner = 'TrackDrive' }
        @{ Line = 'Connect-CallTracking -Provider Avanser -Subdomain x'; Owner = 'TrackDrive' }
        @{ Line = 'Connect-CallTracking -Provider TrackDrive -Pincode (ConvertTo-SecureString p -AsPlainText -Force)'; Owner = 'AvidTrak' }
        @{ Line = 'Connect-CallTracking -Provider TrackDrive -AccountId A1'; Owner = 'Avanser' }
        @{ Line = 'Connect-CallTracking -Provider AvidTrak -TelcoBaseUri https://x.example/'; Owner = 'Avanser' }
    ) {
        $err = Get-ErrorOf ([scriptblock]::Create($Line + ' -Name bind-c-wrong -ErrorAction Stop'))
        $err.FullyQualifiedErrorId | Should -BeLike 'WrongProvider,*ConnectCallTrackingCommand'
        $err.Exception.Message | Should -Match "for $Owner"
        # Connect-CallTracking chooses the provider with -Provider: it has no -Connection to point to.
        $err.Exception.Message | Should -Match "-Provider $Owner"
        $err.Exception.Message | Should -Not -Match '-Connection'
        @(Get-CallTrackingConnection -Name bind-c-wrong -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'a parameter no provider has is NamedParameterNotFound' {
        $err = Get-ErrorOf { Connect-CallTracking -Provider TrackDrive -Subdomain acme -Credential $pin -Bogus 1 -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'NamedParameterNotFound,*ConnectCallTrackingCommand'
    }
}

Describe 'On AvidTrak and AVANSER connections' {
    # Every shared function a provider lacks answers NotSupported there, before anything is sent. AvidTrak has the call log,
    # the numbers (list, purchase, change, release) but no call by id, no hang-up, report or statistic; AVANSER has the call
    # log (getCDR, listed against its sandbox in AvanserCallLog.Tests.ps1) and the numbers as asynchronous provisioning
    # requests (AvanserProvisioning.Tests.ps1) but no call by id. Only AVANSER has recordings and provisioning requests.
    It '<Cmdlet> on <Connection> is NotSupported naming the provider' -TestCases @(
        foreach ($c in 'bind-avid', 'bind-avan') {
            @{ Connection = $c; Cmdlet = 'Get-CallLog'; Line = 'Get-CallLog 5 -Connection {0}' }
            @{ Connection = $c; Cmdlet = 'Stop-Call'; Line = 'Stop-Call -Id 5 -Connection {0} -Confirm:$false' }
            @{ Connection = $c; Cmdlet = 'Get-CallReport'; Line = 'Get-CallReport -Connection {0}' }
            @{ Connection = $c; Cmdlet = 'Get-CallStatistic'; Line = 'Get-CallStatistic -CreatedAfter 2024-01-01 -CreatedBefore 2024-02-01 -Connection {0}' }
        }
        foreach ($c in 'bind-td', 'bind-avid') {
            @{ Connection = $c; Cmdlet = 'Save-CallRecording'; Line = 'Save-CallRecording -Id 5 -Directory TestDrive:/rec -Connection {0}' }
        }
        $c = 'bind-avan'
        # The provisioning requests are AVANSER's (tests/Pester/AvanserProvisioning.Tests.ps1 runs its numbers on the sandbox).
        foreach ($c in 'bind-td', 'bind-avid') {
            @{ Connection = $c; Cmdlet = 'Get-ProvisioningRequest'; Line = 'Get-ProvisioningRequest -Connection {0}' }
            @{ Connection = $c; Cmdlet = 'Wait-ProvisioningRequest'; Line = 'Wait-ProvisioningRequest -Id PR1 -Connection {0}' }
        }
    ) {
        $err = Get-ErrorOf ([scriptblock]::Create(($Line -f $Connection) + ' -ErrorAction Stop'))
        $err.FullyQualifiedErrorId | Should -BeLike ('NotSupported,*' + ($Cmdlet -replace '-') + 'Command')
        $provider = (Get-CallTrackingConnection -Name $Connection).Provider
        $err.Exception.Message | Should -BeLike "$provider has no $Cmdlet*"
    }

    It '<Line> on <Connection>: a TrackDrive parameter is WrongProvider naming TrackDrive' -TestCases @(
        foreach ($c in 'bind-avid', 'bind-avan') {
            @{ Connection = $c; Line = 'Get-CallLog -Status forwarded -Connection {0}' }
            @{ Connection = $c; Line = 'Get-TrackingNumber -OfferId 1 -Connection {0}' }
            # AvidTrak's own mandatory parameters are given, so that the TrackDrive one is what the binder leaves over.
            @{ Connection = $c; Line = 'New-TrackingNumber -OfferId 1 -Connection {0} -WhatIf' + $(if ($c -eq 'bind-avid') { ' -NumberType local -Number +14105551234' } else { ' -ServiceType Transfer' }) }
            @{ Connection = $c; Line = 'Set-TrackingNumber -Id 5 -OfferId 1 -Connection {0} -WhatIf' }
            @{ Connection = $c; Line = 'Get-CallReport -Category status -Connection {0}' }
            @{ Connection = $c; Line = 'Get-CallStatistic -GroupBy status -Stat count -CreatedAfter 2024-01-01 -CreatedBefore 2024-02-01 -Connection {0}' }
        }
    ) {
        $err = Get-ErrorOf ([scriptblock]::Create(($Line -f $Connection) + ' -ErrorAction Stop'))
        $err.FullyQualifiedErrorId | Should -BeLike 'WrongProvider,*'
        $err.Exception.Message | Should -Match 'for TrackDrive'
        $err.Exception.Message | Should -Match ((Get-CallTrackingConnection -Name $Connection).Provider)
    }

    It 'a TrackDrive number piped to <Connection> is WrongProvider, not NotSupported' -TestCases @(@{ Connection = 'bind-avid' }, @{ Connection = 'bind-avan' }) {
        $err = Get-ErrorOf { $numbers[0] | Set-TrackingNumber -Connection $Connection -WhatIf -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'WrongProvider,*SetTrackingNumberCommand'
        $err.Exception.Message | Should -Match 'from TrackDrive'
    }
}

Describe 'A parameter no provider has' {
    It '<Line> is NamedParameterNotFound' -TestCases @(
        foreach ($c in 'bind-td', 'bind-avid', 'bind-avan') {
            @{ Line = "Get-CallLog -NoSuchFilter 1 -Connection $c" }
            @{ Line = "Get-TrackingNumber -NoSuchFilter 1 -Connection $c" }
            @{ Line = "Set-TrackingNumber -Id 5 -NoSuchFilter 1 -Connection $c -WhatIf" }
            @{ Line = "Remove-TrackingNumber -Id 5 -NoSuchFilter 1 -Connection $c -WhatIf" + $(if ($c -eq 'bind-avid') { ' -Location agency' }) }
            @{ Line = "Stop-Call -Id 5 -NoSuchFilter 1 -Connection $c -WhatIf" }
        }
    ) {
        Clear-SandboxLog $td
        $err = Get-ErrorOf ([scriptblock]::Create($Line + ' -ErrorAction Stop'))
        $err.FullyQualifiedErrorId | Should -BeLike 'NamedParameterNotFound,*'
        $err.Exception.Message | Should -Match 'NoSuchFilter'
        Get-Sent | Should -Be @()
    }
}

Describe 'Without any connection' {
    It 'a provider parameter is NoConnection (the parameters a provider adds need its connection)' {
        $r = Invoke-InNewRunspace @'
foreach ($line in 'Get-CallLog -Status forwarded', 'Get-TrackingNumber -OfferId 1', 'Get-CallReport -Category status', 'Get-CallLog') {
    try { & ([scriptblock]::Create($line + ' -ErrorAction Stop')); "$line -> no error" } catch { "$line -> $($_.FullyQualifiedErrorId) | $($_.CategoryInfo.Category)" }
}
'@
        $r.Output | Should -Be @(
            'Get-CallLog -Status forwarded -> NoConnection,CallTracking.PowerShell.Commands.Calls.GetCallLogCommand | ConnectionError',
            'Get-TrackingNumber -OfferId 1 -> NoConnection,CallTracking.PowerShell.Commands.Numbers.GetTrackingNumberCommand | ConnectionError',
            'Get-CallReport -Category status -> NoConnection,CallTracking.PowerShell.Commands.Calls.GetCallReportCommand | ConnectionError',
            'Get-CallLog -> NoConnection,CallTracking.PowerShell.Commands.Calls.GetCallLogCommand | ConnectionError')
    }
}

Describe 'Tab completion' {
    It 'offers the current provider''s parameters: Get-CallLog -Sta gives -Status on TrackDrive' {
        (Get-CallTrackingConnection -Current).Name | Should -Be 'bind-td'
        Complete 'Get-CallLog -Sta' | Should -Contain '-Status'
        Complete 'Get-TrackingNumber -Time' | Should -Contain '-TimeZone'
    }

    It 'follows -Connection <name>: no -Status on AvidTrak or AVANSER' {
        Complete 'Get-CallLog -Connection bind-avid -Sta' | Should -Not -Contain '-Status'
        Complete 'Get-CallLog -Connection bind-avan -Sta' | Should -Not -Contain '-Status'
        Complete 'Get-CallLog -Connection bind-td -Sta' | Should -Contain '-Status'
    }

    It 'follows the current connection when it is AvidTrak' {
        $r = Invoke-InNewRunspace @'
$pin = [pscredential]::new('a', (ConvertTo-SecureString 'p' -AsPlainText -Force))
$null = Connect-CallTracking -Provider AvidTrak -Credential $pin
$c = [System.Management.Automation.CommandCompletion]::CompleteInput('Get-CallLog -Sta', 16, $null)
'matches:' + (@($c.CompletionMatches | ForEach-Object CompletionText | Where-Object { $_ -ne '-Start' }) -join ',')
'@
        # -Start is the shared alias of -CreatedAfter; TrackDrive's -Status is not offered.
        $r.Output | Should -Be @('matches:')
    }

    It 'offers the provider''s values: Get-CallLog -Status no-b gives the no-buyer statuses' {
        $values = Complete 'Get-CallLog -Status no-b'
        $values | Should -Contain 'no-buyer'
        $values | Should -Contain 'no-buyer-all-maxed-out'
        $values | ForEach-Object { $_ | Should -BeLike 'no-b*' }
        Complete 'Get-CallLog -Connection bind-td -Status no-b' | Should -Be $values
    }

    It 'completes -Connection with the connections'' names and -Provider with the providers' {
        $names = Complete 'Get-CallLog -Connection bind-'
        foreach ($n in 'bind-td', 'bind-avid', 'bind-avan') { $names | Should -Contain $n }
        Complete 'Connect-CallTracking -Provider A' | Should -Be @('AvidTrak', 'Avanser')
        Complete 'Connect-CallTracking -Provider TrackDrive -Sub' | Should -Be @('-Subdomain')
        Complete 'Connect-CallTracking -Provider AvidTrak -Format ' | Should -Be @('json', 'xml')
    }
}

Describe 'Connections by name and the current connection' {
    It '-Connection takes a connection''s name' {
        Clear-SandboxLog $td
        $null = Get-CallLog -Connection bind-td -Id 9
        Get-Sent | Should -Be @('GET /api/v1/calls/9')
        $err = Get-ErrorOf { Get-CallLog -Connection no-such-connection -ErrorAction Stop }
        $err | Should -Not -BeNullOrEmpty
        $err.Exception.Message | Should -Match 'no-such-connection'
    }

    It 'Get-CallTrackingConnection shows which one is Current; disconnecting it makes another live one current' {
        $r = Invoke-InNewRunspace @'
$pin = [pscredential]::new('a', (ConvertTo-SecureString 'p' -AsPlainText -Force))
$null = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxNumberCount 1 -Name one
$null = Connect-CallTracking -Provider AvidTrak -Credential $pin -Name two
$null = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxNumberCount 1 -Name three
'listed: ' + ((Get-CallTrackingConnection | ForEach-Object { $_.Name + '=' + $_.Current }) -join ',')
Disconnect-CallTracking
'after disconnecting three: ' + (Get-CallTrackingConnection -Current).Name
Disconnect-CallTracking -Name one
'after disconnecting one: ' + (Get-CallTrackingConnection -Current).Name
Disconnect-CallTracking
'after disconnecting two: ' + @(Get-CallTrackingConnection -Current).Count
'@
        $r.Errors.Count | Should -Be 0
        $r.Output | Should -Be @(
            'listed: one=False,two=False,three=True',
            'after disconnecting three: two',
            'after disconnecting one: two',
            'after disconnecting two: 0')
    }
}

Describe 'On an AvidTrak sandbox connection the binder' {
    # The same matrix for AvidTrak's own parameter sets: what the sandbox received shows which set bound.
    BeforeAll {
        $script:avs = Connect-CallTracking -Provider AvidTrak -Sandbox -SandboxNumberCount 4 -Name bind-avs -PassThru
        $script:sids = @(Get-TrackingNumber -Connection $avs | ForEach-Object Id)
        # "method?name=value&..." of each request since the last Clear-SandboxLog (pincode, format and dates left out).
        function Get-AvSent {
            @(Get-CallTrackingSandboxRequest -Connection $avs | ForEach-Object {
                    $q = @($_.Query.GetEnumerator() | Where-Object Key -NotIn 'pincode', 'format', 'method', 'startdate', 'enddate' |
                            Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join '&'
                    $_.Query['method'] + $(if ($q) { "?$q" } else { '' })
                })
        }
    }
    AfterAll { if ($avs) { Disconnect-CallTracking -Connection $avs } }
    BeforeEach { Clear-SandboxLog $avs }

    # {0} and {1} are two of the connection's SIDs; -Connection bind-avs is the connection (AvidTrak is not current).
    It '<Line> binds <Set>' -TestCases @(
        @{ Set = 'ById (named)'; Line = 'Set-CallForwarding -Id {0},{1} -ForwardNumber 4105551234 -Connection bind-avs -Confirm:$false'; Sent = @('set_forwarding?forward_number=4105551234&sid[]={0},{1}&type=sid') }
        @{ Set = 'ById (positional)'; Line = 'Set-CallForwarding {0} 4105551234 -Connection bind-avs -Confirm:$false'; Sent = @('set_forwarding?forward_number=4105551234&sid[]={0}&type=sid') }
        @{ Set = 'ById (-Sid alias)'; Line = 'Set-CallForwarding -Sid {1} -ForwardNumber 4105551234 -Connection bind-avs -Confirm:$false'; Sent = @('set_forwarding?forward_number=4105551234&sid[]={1}&type=sid') }
        @{ Set = 'AllPro'; Line = 'Set-CallForwarding -AllPro -ForwardNumber 4105551234 -Connection bind-avs -Confirm:$false'; Sent = @('set_forwarding?forward_number=4105551234&type=pro') }
        @{ Set = 'AllLite with -Extension'; Line = 'Set-CallForwarding -AllLite -ForwardNumber 4105551234 -Extension 12 -Connection bind-avs -Confirm:$false'; Sent = @('set_forwarding?extension=12&forward_number=4105551234&type=lite') }
        @{ Set = 'ById (removal)'; Line = 'Remove-CallForwarding -Sid {0} -Connection bind-avs -Confirm:$false'; Sent = @('remove_forwarding?sid[]={0}&type=sid') }
        @{ Set = 'AllPro (removal)'; Line = 'Remove-CallForwarding -AllPro -Connection bind-avs -Confirm:$false'; Sent = @('remove_forwarding?type=pro') }
        @{ Set = 'List (the call log)'; Line = 'Get-CallLog -Connection bind-avs'; Sent = @('call_logs') }
        @{ Set = 'List -Offline (the lite calls)'; Line = 'Get-CallLog -Offline -Connection bind-avs'; Sent = @('all_lite_calls') }
        @{ Set = 'List with AvidTrak filters'; Line = 'Get-TrackingNumber -AssignmentType Unassigned -NumberType Local -Connection bind-avs'; Sent = @('list_numbers?assignment_type=unassigned&number_type=local') }
    ) {
        $null = & ([scriptblock]::Create(($Line -f $sids[0], $sids[1])))
        Get-AvSent | Should -Be @($Sent | ForEach-Object { $_ -f $sids[0], $sids[1] })
    }

    It 'SIDs piped as strings bind ById, numbers piped as objects by their Id, CSV rows by sid' {
        $numbers = @(Get-TrackingNumber -Connection $avs | Select-Object -First 2)
        Clear-SandboxLog $avs
        $null = $sids[0], $sids[1] | Set-CallForwarding -ForwardNumber 4105551234 -Connection bind-avs -Confirm:$false
        $null = $numbers | Remove-CallForwarding -Connection bind-avs -Confirm:$false
        $null = [pscustomobject]@{ sid = $sids[1]; forward_number = '4105550000' } | Set-CallForwarding -Connection bind-avs -Confirm:$false
        Get-AvSent | Should -Be @(
            ('set_forwarding?forward_number=4105551234&sid[]={0},{1}&type=sid' -f $sids[0], $sids[1])
            ('remove_forwarding?sid[]={0},{1}&type=sid' -f $numbers[0].Id, $numbers[1].Id)
            ('set_forwarding?forward_number=4105550000&sid[]={0}&type=sid' -f $sids[1]))
    }

    It 'AllPro with -Id is refused by the binder and nothing is sent' {
        $err = Get-ErrorOf { Set-CallForwarding -AllPro -Id $sids[0] -ForwardNumber 4105551234 -Connection bind-avs -Confirm:$false -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -Match '^(AmbiguousParameterSet|ParameterNotInParameterSet),'
        Get-AvSent | Should -BeNullOrEmpty
    }

    It 'an AvidTrak parameter on a TrackDrive connection is WrongProvider naming AvidTrak: <Line>' -TestCases @(
        @{ Line = 'Get-TrackingNumber -AssignmentType All -Connection bind-td' }
        @{ Line = 'Get-CallLog -Offline -Connection bind-td' }
        @{ Line = 'Remove-TrackingNumber -Id 5 -Location Telco -Connection bind-td -Confirm:$false' }
        @{ Line = 'Set-TrackingNumber -Id 5 -Channel gppc -Connection bind-td -WhatIf' }
    ) {
        $err = Get-ErrorOf ([scriptblock]::Create($Line + ' -ErrorAction Stop'))
        $err.FullyQualifiedErrorId | Should -BeLike 'WrongProvider,*'
        $err.Exception.Message | Should -Match 'for AvidTrak'
    }

    It 'completion follows the connection: <Line>' -TestCases @(
        @{ Line = 'Get-CallLog -Connection bind-avs -Off'; Has = '-Offline' }
        @{ Line = 'Set-TrackingNumber -Connection bind-avs -Id x -Channel '; Has = 'linksource' }
        @{ Line = 'Remove-TrackingNumber -Connection bind-avs -Id x -Location '; Has = 'telco' }
        @{ Line = 'Find-TrackingNumber -Connection bind-avs -NumberType '; Has = 'toll' }
    ) {
        Complete $Line | Should -Contain $Has
    }

    It 'no AvidTrak completion on the TrackDrive connection' {
        Complete 'Get-CallLog -Connection bind-td -Off' | Should -Not -Contain '-Offline'
    }
}
