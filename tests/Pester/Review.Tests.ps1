# The defects a real-pwsh review of TrackDrive found (issue 5, section 6), each proven gone in the real binder and host.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:conn = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 3000 -MaxRetry 1 -PassThru
}

AfterAll {
    if ($script:conn) { Disconnect-CallTracking -Connection $script:conn }
}

Describe 'A failure that outlasts the retries' {
    BeforeEach { $conn.SandboxInstance.Faults.Clear() }

    It 'is ProviderFailure, not OutFileFailed, from <Command>' -TestCases @(
        @{ Command = 'Get-CallStatistic'; Path = '/calls/stats'; Run = { Get-CallStatistic -GroupBy status -Stat count -CreatedAfter '2020-01-01' -CreatedBefore '2030-01-01' -ErrorAction Stop } }
        @{ Command = 'Get-CallLog'; Path = '/calls'; Run = { Get-CallLog -First 10 -ErrorAction Stop } }
        @{ Command = 'Get-CallReport'; Path = '/calls/reports'; Run = { Get-CallReport -Category status -ErrorAction Stop } }
    ) {
        Add-SandboxFault $conn @{ Kind = 'MalformedBody'; PathContains = $Path; Times = [int]::MaxValue }
        $err = $null
        try { & $Run } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike "ProviderFailure,*"
        $err.Exception.Message | Should -Match 'could not be read'
        $err.Exception.Message | Should -Not -Match 'OutFile'
    }

    It 'during -OutFile is still ProviderFailure; only the file itself is OutFileFailed' {
        Add-SandboxFault $conn @{ Kind = 'MalformedBody'; PathContains = '/calls'; Times = [int]::MaxValue }
        $path = Join-Path $TestDrive 'calls.csv'
        $err = $null
        try { Get-CallLog -First 10 -OutFile $path -ErrorAction Stop } catch { $err = $_ }
        # The CSV export reads pages with CsvHelper: a JSON fragment is a readable (one-column) CSV, so use a body the
        # transport itself cuts off.
        $conn.SandboxInstance.Faults.Clear()
        Add-SandboxFault $conn @{ Kind = 'TruncatedBody'; PathContains = '/calls'; Times = [int]::MaxValue }
        $err = $null
        try { Get-CallLog -First 10 -OutFile $path -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ProviderFailure,*'
        $conn.SandboxInstance.Faults.Clear()
        $err = $null
        try { Get-CallLog -First 10 -OutFile (Join-Path $TestDrive 'no/such/folder/calls.csv') -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'OutFileFailed,*'
    }
}

Describe 'Validation before ShouldProcess' {
    It '-WhatIf with a value the real run refuses is an error, and nothing is sent' {
        Clear-SandboxLog $conn
        $err = $null
        try { New-TrackingNumber -ProviderConfigurationId 150 -OfferId -5 -Country US -WhatIf -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*NewTrackingNumberCommand'
        $err.Exception.Message | Should -Match "-OfferId cannot be '-5'"
        @(Get-SandboxLog $conn 'POST').Count | Should -Be 0
    }

    It 'Set-TrackingNumber with nothing to change says so, naming the parameters, even under -WhatIf' {
        $err = $null
        try { Set-TrackingNumber -Id 185901 -WhatIf -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*SetTrackingNumberCommand'
        $err.Exception.Message | Should -BeLike 'Give at least one of -OfferId, -TrafficSourceId, -RingPoolId, -TokenValue, -ClearTokenValue*'
        $err.Exception.Message | Should -Not -Match 'cannot be \(null\)'
    }
}

Describe '-BaseUri at connect time' {
    It 'completes a URI without a path to the API path' {
        $c = Connect-CallTracking -Provider TrackDrive -Credential (New-TokenCredential) -BaseUri 'https://acme.trackdrive.com' -Name nopath -PassThru
        try { "$($c.BaseUri)" | Should -Be 'https://acme.trackdrive.com/api/v1/' }
        finally { Disconnect-CallTracking -Connection $c }
    }

    It 'refuses a query, saying what the URI should look like' {
        $err = $null
        try { Connect-CallTracking -Provider TrackDrive -Credential (New-TokenCredential) -BaseUri 'https://acme.trackdrive.com/api/v1/?x=1' -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
        $err.Exception.Message | Should -Match 'without a query or fragment, such as https://acme\.trackdrive\.com/api/v1/'
    }

    It 'refuses a password in the URI without showing it' {
        $err = $null
        try { Connect-CallTracking -Provider TrackDrive -Credential (New-TokenCredential) -BaseUri 'https://user:hunter2@acme.trackdrive.com/api/v1/' -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
        ($err | Out-String) + $err.Exception.ToString() | Should -Not -Match 'hunter2'
        $err.Exception.Message | Should -Match '-Credential'
    }
}

Describe 'A host that cannot prompt' {
    It 'a listing answered 200 is not reported as unreachable under -NonInteractive with $VerbosePreference = Inquire' {
        $script = @(
            ('Import-Module -Name "{0}"' -f $ModuleManifest)
            'Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 50'
            '$VerbosePreference = "Inquire"'
            'try { $n = @(Get-CallLog -First 3 -ErrorAction Stop).Count; "count=$n" } catch { "error=" + $_.FullyQualifiedErrorId + " :: " + $_.Exception.Message }'
        ) -join [Environment]::NewLine
        $out = (& $PwshPath -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" }) -join "`n"
        $out | Should -Not -Match 'could not be reached'
        $out | Should -Not -Match 'ProviderFailure'
        $out | Should -Match 'count=3'
    }

    It 'a purchase under -NonInteractive with $VerbosePreference = Inquire is done once and returned' {
        $script = @(
            ('Import-Module -Name "{0}"' -f $ModuleManifest)
            'Connect-CallTracking -Provider TrackDrive -Sandbox'
            '$VerbosePreference = "Inquire"'
            'try { $n = New-TrackingNumber -ProviderConfigurationId 150 -OfferId 100 -Country US -Force -ErrorAction Stop; "number=" + $n.Number } catch { "error=" + $_.FullyQualifiedErrorId }'
            '$VerbosePreference = "SilentlyContinue"'
            '"posts=" + @(Get-CallTrackingSandboxRequest | Where-Object Method -eq POST).Count'
        ) -join [Environment]::NewLine
        $out = (& $PwshPath -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" }) -join "`n"
        $out | Should -Match 'number=\+1'
        $out | Should -Match 'posts=1'
    }
}

Describe 'Messages' {
    It 'name the provider once and say what failed, in words' {
        $err = $null
        try { Get-TrackingNumber -Id 999 -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
        $err.Exception.Message | Should -Not -Match 'TrackDrive TrackDrive'
        $err.Exception.Message | Should -Match "^TrackDrive could not get phone number '999': HTTP 404"
    }

    It 'Get-CallTrackingSandboxRequest on a real connection explains what records requests, without a -Sandbox never given' {
        $real = Connect-CallTracking -Provider TrackDrive -Credential (New-TokenCredential) -Subdomain acme -Name real -PassThru
        try {
            $err = $null
            try { Get-CallTrackingSandboxRequest -Connection $real -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
            $err.Exception.Message | Should -Match 'Connect-CallTracking -Sandbox'
            $err.Exception.Message | Should -Match 'only an in-process sandbox records'
        }
        finally { Disconnect-CallTracking -Connection $real }
    }
}

Describe 'Tables' {
    BeforeAll {
        function Show($Object) { ($Object | Out-String -Width 120) }
    }

    It 'a call in progress shows its status (forwarded) and a Live column, times with their offset' {
        $live = Get-CallLog -InProgress -First 1
        $live.Status | Should -Be 'forwarded'
        $text = Show $live
        $text | Should -Match 'forwarded'
        $text | Should -Not -Match 'in progress'
        $text | Should -Match '\d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d'
    }

    It 'a long status, a long report value and the connection time are not cut at 120 columns' {
        $long = Get-CallLog -Status rejected-average-hold-time-exceeded -First 1
        Show $long | Should -Match 'rejected-average-hold-time-exceeded'
        Show (Get-CallReport -Category status | Where-Object Value -eq 'rejected-traffic-source-capped-hang-up') | Should -Match 'rejected-traffic-source-capped-hang-up'
        $shown = Get-CallTrackingConnection -Name TrackDrive
        Show $shown | Should -Match ([regex]::Escape($conn.ConnectedAt.ToString('yyyy-MM-dd HH:mm zzz')))
    }

    It 'numbers of TrackDrive show TrackDrive columns; the shared view has no TrackDrive column' {
        $text = Show (Get-TrackingNumber -First 1)
        $text | Should -Match 'OfferId'
        $shared = [CallTracking.Core.Model.TrackingNumber]::new('AvidTrak', 'PN1', '+18005550100')
        $sharedText = Show $shared
        $sharedText | Should -Not -Match 'OfferId|TrafficSourceId|RingPoolId'
        $sharedText | Should -Match 'AvidTrak'
    }

    It 'Export-Csv writes token values as text, not a type name' {
        $path = Join-Path $TestDrive 'numbers.csv'
        Get-TrackingNumber -First 3 | Export-Csv -LiteralPath $path
        $rows = Import-Csv -LiteralPath $path
        $rows.TokenValues | Should -Not -Match 'System\.'
        ($rows.TokenValues -join '') | Should -Match ':'
    }
}

Describe 'Help' {
    It 'INPUTS of a cmdlet that takes no string lists no System.String' -TestCases @(
        @{ Name = 'New-TrackingNumber' }, @{ Name = 'Get-CallStatistic' }, @{ Name = 'Stop-Call' }, @{ Name = 'Disconnect-CallTracking' }
    ) {
        $inputs = @((Get-Help $Name -Full).inputTypes.inputType | ForEach-Object { $_.type.name })
        $inputs | Should -Not -Contain 'System.String'
    }

    It 'the Get-CallReport synopsis names only categories TrackDrive accepts' {
        $synopsis = (Get-Help Get-CallReport).Synopsis
        $allowed = [CallTracking.Core.Providers.TrackDrive.TrackDriveApi]::ReportCategories
        # The words listed in the parentheses after "category" are categories a user would try.
        $list = [regex]::Match($synopsis, 'category \(([^)]*)\)').Groups[1].Value -replace '^\w+:\s*', ''
        $named = @($list -split ',\s*' | ForEach-Object { $_.Trim() } | Where-Object { $_ -and $_ -notmatch '^(\.\.\.|…)$' })
        $named.Count | Should -BeGreaterThan 0
        foreach ($n in $named) { $allowed | Should -Contain $n -Because "the synopsis names '$n'" }
    }

    It 'Set-TrackingNumber -InputObject has help' {
        (Get-Help Set-TrackingNumber -Parameter InputObject | Out-String) | Should -Match 'current state'
    }
}
