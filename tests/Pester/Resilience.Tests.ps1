# Paging under injected faults: 429 (Retry-After in seconds and as an HTTP date), 5xx, dropped connections, truncated and
# malformed bodies. No call may be lost or repeated. Waits are kept short: Retry-After 1 s, few faults per listing.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:conn = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 5000 -MaxRetry 4 -PassThru
    $script:baseline = @(Get-CallLog -PageSize 500 | ForEach-Object Id)
}

AfterAll {
    if ($script:conn) { Disconnect-CallTracking -Connection $script:conn }
}

Describe 'Paging survives transient failures' {
    BeforeEach {
        $conn.SandboxInstance.Faults.Clear()
        Clear-SandboxLog $conn
    }

    It 'baseline: 5000 distinct calls' {
        $baseline.Count | Should -Be 5000
        ([System.Collections.Generic.HashSet[string]]::new([string[]]$baseline)).Count | Should -Be 5000
    }

    It 'survives <Name>' -TestCases @(
        @{ Name = '429 with Retry-After seconds'; Rule = @{ Kind = 'TooManyRequests'; PathContains = '/calls'; SkipFirst = 2; Times = 2; RetryAfter = [TimeSpan]::FromSeconds(1) }; Fault = 'TooManyRequests' }
        @{ Name = '429 with Retry-After HTTP date'; Rule = @{ Kind = 'TooManyRequests'; PathContains = '/calls'; SkipFirst = 3; Times = 1; RetryAfterDate = [DateTimeOffset]::UtcNow.AddSeconds(1) }; Fault = 'TooManyRequests' }
        @{ Name = '503'; Rule = @{ Kind = 'ServerError'; StatusCode = 503; PathContains = '/calls'; SkipFirst = 4; Times = 1; RetryAfter = [TimeSpan]::FromSeconds(1) }; Fault = 'ServerError' }
        @{ Name = '500 without Retry-After'; Rule = @{ Kind = 'ServerError'; StatusCode = 500; PathContains = '/calls'; SkipFirst = 5; Times = 1 }; Fault = 'ServerError' }
        @{ Name = 'a dropped connection'; Rule = @{ Kind = 'DropConnection'; PathContains = '/calls'; SkipFirst = 6; Times = 1 }; Fault = 'DropConnection' }
        @{ Name = 'a truncated body'; Rule = @{ Kind = 'TruncatedBody'; PathContains = '/calls'; SkipFirst = 7; Times = 1 }; Fault = 'TruncatedBody' }
        @{ Name = 'a malformed body'; Rule = @{ Kind = 'MalformedBody'; PathContains = '/calls'; SkipFirst = 1; Times = 1 }; Fault = 'MalformedBody' }
    ) {
        Add-SandboxFault $conn $Rule
        $ids = @(Get-CallLog -PageSize 500 -ErrorAction Stop | ForEach-Object Id)
        $ids.Count | Should -Be 5000
        $ids | Should -Be $baseline
        $log = Get-SandboxLog $conn 'GET' $CallsListPath
        @($log | Where-Object Fault -eq $Fault).Count | Should -Be $Rule.Times
        $conn.SandboxInstance.Faults.Pending | Should -Be 0
    }

    It 'survives a mix of faults in one listing' {
        Add-SandboxFault $conn @{ Kind = 'TooManyRequests'; PathContains = '/calls'; SkipFirst = 1; Times = 1; RetryAfter = [TimeSpan]::FromSeconds(1) }
        Add-SandboxFault $conn @{ Kind = 'DropConnection'; PathContains = '/calls'; SkipFirst = 3; Times = 1 }
        Add-SandboxFault $conn @{ Kind = 'TruncatedBody'; PathContains = '/calls'; SkipFirst = 5; Times = 1 }
        Add-SandboxFault $conn @{ Kind = 'ServerError'; StatusCode = 502; PathContains = '/calls'; SkipFirst = 7; Times = 1; RetryAfter = [TimeSpan]::FromSeconds(1) }
        $ids = @(Get-CallLog -PageSize 500 | ForEach-Object Id)
        $ids | Should -Be $baseline
        @(Get-SandboxLog $conn 'GET' $CallsListPath | Where-Object Fault).Count | Should -Be 4
    }

    It 'shows the retries in -Verbose' {
        Add-SandboxFault $conn @{ Kind = 'TooManyRequests'; PathContains = '/calls'; Times = 1; RetryAfter = [TimeSpan]::FromSeconds(1) }
        $verbose = @(Get-CallLog -First 5 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        ($verbose -join "`n") | Should -Match '429'
    }

    It 'reports Throttled when 429 outlasts -MaxRetry' {
        $c = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 100 -MaxRetry 1 -Name throttled -PassThru
        try {
            Add-SandboxFault $c @{ Kind = 'TooManyRequests'; PathContains = '/calls'; Times = 10; RetryAfter = [TimeSpan]::Zero }
            $out = @(Get-CallLog -Connection $c -ErrorAction SilentlyContinue -ErrorVariable e)
            $out.Count | Should -Be 0
            $e.Count | Should -BeGreaterThan 0
            $e[0].FullyQualifiedErrorId | Should -BeLike 'Throttled,*'
            $e[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            @(Get-SandboxLog $c 'GET' $CallsListPath).Count | Should -BeGreaterOrEqual 2
        }
        finally { Disconnect-CallTracking -Connection $c }
    }

    It 'reports ProviderFailure when 503 outlasts -MaxRetry 0' {
        $c = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 100 -MaxRetry 0 -Name failing -PassThru
        try {
            Add-SandboxFault $c @{ Kind = 'ServerError'; StatusCode = 503; PathContains = '/calls'; Times = 10 }
            $null = Get-CallLog -Connection $c -ErrorAction SilentlyContinue -ErrorVariable e
            $e[0].FullyQualifiedErrorId | Should -BeLike 'ProviderFailure,*'
            @(Get-SandboxLog $c 'GET' $CallsListPath).Count | Should -BeGreaterOrEqual 1
        }
        finally { Disconnect-CallTracking -Connection $c }
    }
}

Describe 'Hang-up is never repeated' {
    It 'a hang-up answered 503 is sent once and is OutcomeUnknown' {
        $conn.SandboxInstance.Faults.Clear()
        $live = Get-CallLog -Connection $conn -InProgress -First 1
        $live | Should -Not -BeNullOrEmpty
        Add-SandboxFault $conn @{ Kind = 'ServerError'; StatusCode = 503; Method = 'DELETE'; PathContains = '/calls/'; Times = 1; RetryAfter = [TimeSpan]::FromSeconds(1) }
        Clear-SandboxLog $conn
        Stop-Call -Connection $conn -Id $live.Id -Force -ErrorAction SilentlyContinue -ErrorVariable e
        $e[0].FullyQualifiedErrorId | Should -BeLike 'OutcomeUnknown,*'
        (Get-SandboxLog $conn 'DELETE').Count | Should -Be 1
    }
}
