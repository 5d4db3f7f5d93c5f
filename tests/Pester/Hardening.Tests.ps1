# Issue 6 (hardening), proven in the real pwsh pipeline: what a pipeline reaches, what reaches the wire, what is on disk.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Pipelines that change what they list' {
    BeforeEach {
        $script:conn = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxNumberCount 1000 -PassThru
    }
    AfterEach {
        Disconnect-CallTracking -Connection $script:conn
    }

    It 'Get-TrackingNumber -OfferId | Set-TrackingNumber -OfferId reaches every number' {
        $before = @(Get-TrackingNumber -Connection $conn -OfferId 101 -PageSize 25).Count
        $before | Should -BeGreaterThan 50
        Get-TrackingNumber -Connection $conn -OfferId 101 -PageSize 25 | Set-TrackingNumber -Connection $conn -OfferId 102 -Force
        @(Get-TrackingNumber -Connection $conn -OfferId 101).Count | Should -Be 0
        @(Get-CallTrackingSandboxRequest -Connection $conn | Where-Object Method -eq PUT).Count | Should -Be $before
    }

    It 'Get-TrackingNumber -OfferId | Remove-TrackingNumber reaches every number' {
        $before = @(Get-TrackingNumber -Connection $conn -OfferId 102).Count
        $before | Should -BeGreaterThan 100
        Get-TrackingNumber -Connection $conn -OfferId 102 -PageSize 25 | Remove-TrackingNumber -Connection $conn -Force
        @(Get-TrackingNumber -Connection $conn -OfferId 102).Count | Should -Be 0
        @(Get-CallTrackingSandboxRequest -Connection $conn | Where-Object Method -eq DELETE).Count | Should -Be $before
    }

    It 'Get-TrackingNumber | ForEach-Object { Remove-TrackingNumber } reaches every number' {
        $before = @(Get-TrackingNumber -Connection $conn -OfferId 103).Count
        Get-TrackingNumber -Connection $conn -OfferId 103 -PageSize 10 | ForEach-Object { Remove-TrackingNumber -Connection $conn -InputObject $_ -Force }
        @(Get-TrackingNumber -Connection $conn -OfferId 103).Count | Should -Be 0
        @(Get-CallTrackingSandboxRequest -Connection $conn | Where-Object Method -eq DELETE).Count | Should -Be $before
    }
}

Describe '-OutFile puts a file in place only when it is complete' {
    BeforeAll {
        $script:conn = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 600 -MaxRetry 0 -PassThru
    }
    AfterAll {
        Disconnect-CallTracking -Connection $script:conn
    }
    BeforeEach {
        $conn.SandboxInstance.Faults.Clear()
        $script:folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $script:path = Join-Path $folder 'calls.csv'
        Set-Content -Path $path -Value 'keep me' -NoNewline
    }

    It 'a failed export leaves the existing file as it was and no partial file' {
        # The third page fails for good: two pages were already written when it does.
        Add-SandboxFault $conn @{ Kind = 'TruncatedBody'; PathContains = '/calls.csv'; SkipFirst = 2; Times = [int]::MaxValue }
        $err = $null
        try { Get-CallLog -Connection $conn -PageSize 100 -OutFile $path -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ProviderFailure,*'
        Get-Content -Path $path -Raw | Should -Be 'keep me'
        @(Get-ChildItem -Path $folder -Force).Name | Should -Be @('calls.csv')
    }

    It 'a stopped export leaves the existing file as it was and no partial file' {
        # A runspace of its own, as a user's Ctrl+C: page 2 of the export hangs, the pipeline is stopped meanwhile.
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($Manifest, $Path)
                Import-Module -Name $Manifest
                $c = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 600 -PassThru
                $c.SandboxInstance.Faults.Add([CallTracking.Sandbox.FaultRule]@{ Kind = 'Latency'; PathContains = '/calls.csv'; SkipFirst = 1; Delay = [timespan]::FromSeconds(30); Times = 100 })
                Get-CallLog -PageSize 100 -OutFile $Path
            }).AddArgument($ModuleManifest).AddArgument($path)
        $async = $ps.BeginInvoke()
        $deadline = [datetime]::UtcNow.AddSeconds(20)
        while (@(Get-ChildItem -Path $folder -Force -Filter '*.partial').Count -eq 0 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        @(Get-ChildItem -Path $folder -Force -Filter '*.partial').Count | Should -Be 1
        Start-Sleep -Milliseconds 300
        $ps.Stop()
        try { $ps.EndInvoke($async) } catch { }
        $ps.Dispose()
        $deadline = [datetime]::UtcNow.AddSeconds(5)
        while (@(Get-ChildItem -Path $folder -Force).Count -gt 1 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        Get-Content -Path $path -Raw | Should -Be 'keep me'
        @(Get-ChildItem -Path $folder -Force).Name | Should -Be @('calls.csv')
    }

    It 'a complete export replaces the file' {
        Get-CallLog -Connection $conn -PageSize 100 -OutFile $path
        @(Import-Csv -Path $path).Count | Should -Be 600
        @(Get-ChildItem -Path $folder -Force).Name | Should -Be @('calls.csv')
    }
}

Describe 'Connections made in runspaces that end' {
    It 'are disposed when their runspace closes (<Mode>)' -TestCases @(
        @{ Mode = '-UseNewRunspace'; New = $true }
        @{ Mode = 'pooled runspaces'; New = $false }
    ) {
        $manifest = $ModuleManifest
        $block = {
            Import-Module -Name $using:manifest
            $c = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 5 -PassThru
            $null = Get-CallLog -First 1
            $c
        }
        $made = if ($New) { 1..12 | ForEach-Object -UseNewRunspace -ThrottleLimit 3 -Parallel $block } else { 1..12 | ForEach-Object -ThrottleLimit 3 -Parallel $block }
        $made.Count | Should -Be 12
        $deadline = [datetime]::UtcNow.AddSeconds(5)
        while (@($made | Where-Object { -not $_.IsDisconnected }).Count -gt 0 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        @($made | Where-Object { -not $_.IsDisconnected }).Count | Should -Be 0
    }

    It 'leave the connections of the runspace that stays open alone' {
        $mine = Connect-CallTracking -Provider TrackDrive -Sandbox -Name 'stays' -PassThru
        $manifest = $ModuleManifest
        $null = 1..3 | ForEach-Object -UseNewRunspace -Parallel { Import-Module -Name $using:manifest; Connect-CallTracking -Provider TrackDrive -Sandbox -Name 'stays' }
        $mine.IsDisconnected | Should -BeFalse
        @(Get-CallLog -Connection $mine -First 1).Count | Should -Be 1
        Disconnect-CallTracking -Connection $mine
    }
}

Describe 'Against the sandbox over HTTP, with the hostile fault kinds' {
    BeforeAll {
        $script:sb = Start-CallTrackingSandbox -SandboxCallCount 200 -SandboxNumberCount 50
        $script:other = Start-CallTrackingSandbox
    }
    AfterAll {
        Stop-CallTrackingSandbox -Sandbox $sb -Force
        Stop-CallTrackingSandbox -Sandbox $other -Force
    }
    BeforeEach {
        $sb.Faults.Clear()
        $sb.Requests.Clear()
        $other.Requests.Clear()
        $script:conn = Connect-CallTracking -Provider TrackDrive -Credential (New-TokenCredential) -BaseUri $sb.BaseUri -MaxRetry 3 -Name http -PassThru
        $null = Get-TrackingNumber -Connection $conn -First 3   # kept-alive connections wait in the pool
    }
    AfterEach {
        Disconnect-CallTracking -Connection $conn
    }

    It 'a release whose reply never comes is on the wire once and OutcomeUnknown' {
        $number = Get-TrackingNumber -Connection $conn -First 1
        $sb.Faults.Add([CallTracking.Sandbox.FaultRule]@{ Kind = 'CloseWithoutReply'; Method = 'DELETE'; AfterProcessing = $true; Times = 10 })
        $err = $null
        try { $number | Remove-TrackingNumber -Connection $conn -Force -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'OutcomeUnknown,*'
        $err.Exception.Message | Should -Match 'not repeated'
        @($sb.Requests | Where-Object Method -eq DELETE).Count | Should -Be 1
    }

    It 'a hang-up whose reply never comes is on the wire once' {
        $call = Get-CallLog -Connection $conn -InProgress -First 1
        $sb.Faults.Add([CallTracking.Sandbox.FaultRule]@{ Kind = 'CloseWithoutReply'; Method = 'DELETE'; Times = 10 })
        $err = $null
        try { $call | Stop-Call -Connection $conn -Force -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'OutcomeUnknown,*'
        @($sb.Requests | Where-Object Method -eq DELETE).Count | Should -Be 1
    }

    It 'a read whose reply never comes goes out 1 + MaxRetry times' {
        $sb.Faults.Add([CallTracking.Sandbox.FaultRule]@{ Kind = 'CloseWithoutReply'; PathContains = '/phone_numbers/'; Times = 100 })
        $sb.Requests.Clear()
        $err = $null
        try { Get-TrackingNumber -Connection $conn -Id 185901 -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ProviderFailure,*'
        @($sb.Requests | Where-Object Path -like '*/phone_numbers/*').Count | Should -Be 4
    }

    It 'an Authorization header echoed back leaves no trace of the key pair' {
        $keys = Connect-CallTracking -Provider TrackDrive -Credential (New-BasicCredential) -BaseUri $sb.BaseUri -MaxRetry 0 -Name keys -PassThru
        try {
            $sb.Faults.Add([CallTracking.Sandbox.FaultRule]@{ Kind = 'EchoAuthorization'; StatusCode = 400; Times = 10 })
            $err = $null
            try { Get-TrackingNumber -Connection $keys -Id 185901 -ErrorAction Stop } catch { $err = $_ }
            $err | Should -Not -BeNullOrEmpty
            $b64 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('sandbox-public:sandbox-private'))
            $text = ($err | Out-String) + $err.Exception.ToString() + ($err | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue) + ($err.Exception | ConvertTo-Json -Depth 2 -WarningAction SilentlyContinue)
            $text | Should -Not -Match 'sandbox-private'
            $text | Should -Not -Match ([regex]::Escape($b64.TrimEnd('=')))
            $text | Should -Match 'Authorization: \*\*\*'
        }
        finally { Disconnect-CallTracking -Connection $keys }
    }

    It 'a redirect to another host is not followed, and the error names it without the token' {
        $target = ([uri]$other.BaseUri).GetLeftPart('Authority') + '/api/v1/phone_numbers?{query}'
        $sb.Faults.Add([CallTracking.Sandbox.FaultRule]@{ Kind = 'Redirect'; StatusCode = 307; Location = $target; Times = 10 })
        $err = $null
        try { Get-TrackingNumber -Connection $conn -Id 185901 -ErrorAction Stop } catch { $err = $_ }
        $err.Exception.Message | Should -Match ([regex]::Escape(([uri]$other.BaseUri).Authority))
        $err.Exception.Message | Should -Match 'auth_token=\*\*\*'
        ($err | Out-String) + $err.Exception.ToString() | Should -Not -Match 'sandbox-token'
        @($other.Requests).Count | Should -Be 0
    }

    It 'a body that trickles is cut at -TimeoutSec' {
        $slow = Connect-CallTracking -Provider TrackDrive -Credential (New-TokenCredential) -BaseUri $sb.BaseUri -MaxRetry 0 -TimeoutSec 1 -Name slow -PassThru
        try {
            $sb.Faults.Add([CallTracking.Sandbox.FaultRule]@{ Kind = 'TrickleBody'; PathContains = '/phone_numbers'; Delay = [timespan]::FromMilliseconds(200); Times = 10 })
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $err = $null
            try { Get-TrackingNumber -Connection $slow -First 5 -ErrorAction Stop } catch { $err = $_ }
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
            $err.Exception.Message | Should -Match 'TimeoutSec'
        }
        finally { Disconnect-CallTracking -Connection $slow }
    }

    It 'a reply that claims more than -MaxResponseMB is refused at once' {
        $small = Connect-CallTracking -Provider TrackDrive -Credential (New-TokenCredential) -BaseUri $sb.BaseUri -MaxRetry 0 -MaxResponseMB 1 -Name small -PassThru
        try {
            $sb.Faults.Add([CallTracking.Sandbox.FaultRule]@{ Kind = 'OversizedBody'; PathContains = '/phone_numbers'; Times = 10 })
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $err = $null
            try { Get-TrackingNumber -Connection $small -First 5 -ErrorAction Stop } catch { $err = $_ }
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
            $err.FullyQualifiedErrorId | Should -BeLike 'ProviderFailure,*'
            $err.Exception.Message | Should -Match 'MB'
        }
        finally { Disconnect-CallTracking -Connection $small }
    }
}
