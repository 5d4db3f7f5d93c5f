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
