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
