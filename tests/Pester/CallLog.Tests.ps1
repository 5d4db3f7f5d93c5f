# Get-CallLog, Stop-Call, Get-CallReport, Get-CallStatistic against a 5000-call in-process sandbox.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:conn = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 5000 -PassThru
    $script:all = @(Get-CallLog -PageSize 1000)
    $script:allIds = @($script:all | ForEach-Object Id)
}

AfterAll {
    if ($script:conn) { Disconnect-CallTracking -Connection $script:conn }
}

Describe 'Get-CallLog paging' {
    It 'streams every call exactly once with the default page size' {
        Clear-SandboxLog $conn
        $calls = @(Get-CallLog)
        (Get-CallLog | Measure-Object).Count | Should -Be 5000
        $calls.Count | Should -Be 5000
        $ids = [System.Collections.Generic.HashSet[string]]::new([string[]]@($calls | ForEach-Object Id))
        $ids.Count | Should -Be 5000
        # two listings, each paging through every call at the module's default page size
        $log = Get-SandboxLog $conn 'GET' $CallsListPath
        $perPage = [int]$log[0].Query['per_page']
        $perPage | Should -BeLessThan 5000
        $log.Count | Should -BeGreaterOrEqual (2 * [math]::Ceiling(5000 / $perPage))
    }

    It 'returns the same calls, in the same order, whatever the page size' {
        $allIds.Count | Should -Be 5000
        ([System.Collections.Generic.HashSet[string]]::new([string[]]$allIds)).Count | Should -Be 5000
        $default = @(Get-CallLog | ForEach-Object Id)
        $default | Should -Be $allIds
    }

    It 'returns calls newest first, each a CallRecord from TrackDrive' {
        $all[0] | Should -BeOfType ([CallTracking.Core.Model.CallRecord])
        $all[0].Provider | Should -BeExactly 'TrackDrive'
        $all[0].CreatedAt | Should -BeGreaterOrEqual $all[-1].CreatedAt
        $all[0].CreatedAt | Should -BeGreaterOrEqual $all[1].CreatedAt
    }

    It '-First <N> returns the N newest calls' -TestCases @(@{ N = 1 }, @{ N = 7 }, @{ N = 25 }, @{ N = 26 }) {
        $first = @(Get-CallLog -First $N)
        $first.Count | Should -Be $N
        @($first | ForEach-Object Id) | Should -Be @($allIds[0..($N - 1)])
    }

    It '-PageSize <Size> -First <N> crosses page boundaries without losing or repeating a call' -TestCases @(
        @{ Size = 7; N = 30 }, @{ Size = 10; N = 30 }, @{ Size = 1; N = 5 }, @{ Size = 333; N = 1000 }
    ) {
        Clear-SandboxLog $conn
        $got = @(Get-CallLog -PageSize $Size -First $N | ForEach-Object Id)
        $got.Count | Should -Be $N
        $got | Should -Be @($allIds[0..($N - 1)])
        $pages = Get-SandboxLog $conn 'GET' $CallsListPath
        $pages.Count | Should -BeGreaterOrEqual ([math]::Ceiling($N / $Size))
        foreach ($p in $pages) { [int]$p.Query['per_page'] | Should -BeLessOrEqual $Size }
    }

    It '-PageSize 1000 lists all 5000 calls in 5 pages' {
        Clear-SandboxLog $conn
        (Get-CallLog -PageSize 1000 | Measure-Object).Count | Should -Be 5000
        (Get-SandboxLog $conn 'GET' $CallsListPath).Count | Should -BeIn 5, 6
    }

    It 'stops paging early when the pipeline stops (Select-Object -First)' {
        Clear-SandboxLog $conn
        $three = @(Get-CallLog -PageSize 10 | Select-Object -First 3)
        $three.Count | Should -Be 3
        (Get-SandboxLog $conn 'GET' $CallsListPath).Count | Should -BeLessThan 10
    }

    It 'a stop request (Ctrl+C) ends a listing of 2,000,000 calls mid-stream, as Stopped and without an error' {
        # Untimed here (bench/module-timings.ps1 measures the latency): the point is that StopProcessing cancels the
        # request and the pump, so the pipeline ends instead of running on to 2,000,000 records.
        # The inner runspace makes its own connection (connections are per runspace), so this file's current one stays.
        $iss = [initialsessionstate]::CreateDefault2()
        $iss.ImportPSModule([string[]]@($ModuleManifest))
        $ps = [powershell]::Create($iss)
        try {
            $null = $ps.AddScript('Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 2000000; Get-CallLog -PageSize 1000')
            $in = [System.Management.Automation.PSDataCollection[psobject]]::new(); $in.Complete()
            $out = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $handle = $ps.BeginInvoke($in, $out)
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ($out.Count -lt 5000 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 10 }
            $out.Count | Should -BeGreaterOrEqual 5000
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $out.Count | Should -BeLessThan 2000000
            $ps.Streams.Error.Count | Should -Be 0
        }
        finally {
            $ps.Dispose()
        }
        (Get-CallTrackingConnection -Current).Id | Should -Be $conn.Id
    }

    It 'shows Write-Progress with the total the API reports, and completes it' {
        $iss = [initialsessionstate]::CreateDefault2()
        $iss.ImportPSModule([string[]]@($ModuleManifest))
        $ps = [powershell]::Create($iss)
        try {
            $null = $ps.AddScript('Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 2500; Get-CallLog -PageSize 500 | Measure-Object | ForEach-Object Count')
            $ps.Invoke() | Should -Be 2500
            $progress = @($ps.Streams.Progress)
            $progress.Count | Should -BeGreaterThan 1
            $progress[0].StatusDescription | Should -Match 'of 2500'
            ($progress | Where-Object RecordType -eq 'Processing' | ForEach-Object PercentComplete) | Should -Contain 20
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'rejects an out-of-range -PageSize' {
        { Get-CallLog -PageSize 0 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,CallTracking.PowerShell.Commands.Calls.GetCallLogCommand' -ExpectedMessage '*-PageSize*'
        { Get-CallLog -PageSize 1001 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,CallTracking.PowerShell.Commands.Calls.GetCallLogCommand' -ExpectedMessage '*from 1 to 1000*' 
    }

    It 'gets one call by -Id and by pipeline' {
        $one = Get-CallLog -Id $all[10].Id
        $one.Id | Should -Be $all[10].Id
        $piped = @($all[11], $all[12] | Get-CallLog)
        @($piped | ForEach-Object Id) | Should -Be @($all[11].Id, $all[12].Id)
    }

    It 'reports an unknown -Id as NotFound without stopping the others' {
        $got = @($all[0].Id, '987654321', $all[1].Id | ForEach-Object { Get-CallLog -Id $_ -ErrorAction SilentlyContinue -ErrorVariable +e })
        $got.Count | Should -Be 2
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Get-CallLog filters' {
    It 'pulls a week of calls relative to the newest call and groups them by status' {
        $newest = $all[0].CreatedAt
        $from = $newest.UtcDateTime.AddDays(-7)
        $week = @(Get-CallLog -CreatedAfter $from -CreatedBefore $newest.UtcDateTime.AddMinutes(1) -PageSize 500)
        $expected = @($all | Where-Object { $_.CreatedAt -ge [DateTimeOffset]$from })
        $week.Count | Should -BeGreaterThan 0
        [math]::Abs($week.Count - $expected.Count) | Should -BeLessOrEqual 1
        $groups = $week | Group-Object Status
        ($groups | Measure-Object Count -Sum).Sum | Should -Be $week.Count
        foreach ($c in $week) { $c.CreatedAt | Should -BeGreaterOrEqual ([DateTimeOffset]$from).AddSeconds(-1) }
    }

    It 'filters by -Status' {
        $status = ($all | Group-Object Status | Sort-Object Count -Descending | Select-Object -First 1).Name
        $filtered = @(Get-CallLog -Status $status -PageSize 1000)
        $filtered.Count | Should -Be @($all | Where-Object Status -eq $status).Count
        $filtered | ForEach-Object { $_.Status | Should -Be $status }
    }

    It 'rejects a status outside the seed list before sending anything' {
        Clear-SandboxLog $conn
        { Get-CallLog -Status 'not-a-status' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CallTracking.PowerShell.Commands.Calls.GetCallLogCommand' -ExpectedMessage '*not-a-status*' 
        (Get-SandboxLog $conn 'GET' $CallsListPath).Count | Should -Be 0
    }

    It 'sends a switch filter as true, -X:$false as false' {
        Clear-SandboxLog $conn
        $null = Get-CallLog -InProgress -First 1
        $null = Get-CallLog -InProgress:$false -First 1
        $log = Get-SandboxLog $conn 'GET' $CallsListPath
        $log[0].Query['in_progress'] | Should -Be 'true'
        $log[-1].Query['in_progress'] | Should -Be 'false'
    }
}

Describe 'Stop-Call' {
    It 'hangs up every call in progress: Get-CallLog -InProgress | Stop-Call -Force' {
        $live = @(Get-CallLog -InProgress)
        $live.Count | Should -BeGreaterThan 0
        Clear-SandboxLog $conn
        Get-CallLog -InProgress | Stop-Call -Force
        @(Get-CallLog -InProgress).Count | Should -Be 0
        (Get-SandboxLog $conn 'DELETE' '/calls/').Count | Should -Be $live.Count
        foreach ($c in $live) { (Get-CallLog -Id $c.Id).InProgress | Should -BeFalse }
    }

    It '-WhatIf sends no DELETE' {
        Clear-SandboxLog $conn
        Stop-Call -Id $all[100].Id -WhatIf
        (Get-SandboxLog $conn 'DELETE').Count | Should -Be 0
    }

    It 'a call that is not in progress is reported as InvalidArgument' {
        Stop-Call -Id $all[200].Id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
    }
}

Describe 'Get-CallReport and Get-CallStatistic' {
    It 'Get-CallReport -Category status counts every call' {
        $rows = @(Get-CallReport -Category status)
        $rows.Count | Should -BeGreaterThan 1
        $rows | ForEach-Object { $_ | Should -BeOfType ([CallTracking.Core.Model.CallReportRow]); $_.Category | Should -Be 'status' }
        ($rows | Measure-Object Count -Sum).Sum | Should -Be 5000
        $byStatus = Get-CallLog -PageSize 1000 | Group-Object Status   # now: Stop-Call changed some statuses
        foreach ($g in $byStatus) { ($rows | Where-Object Value -eq $g.Name).Count | Should -Be $g.Count }
    }

    It 'Get-CallReport rejects a category outside the seed list' {
        { Get-CallReport -Category 'nope' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,CallTracking.PowerShell.Commands.Calls.GetCallReportCommand' -ExpectedMessage '*nope*' 
    }

    It 'Get-CallStatistic -GroupBy status -Stat count sums to the calls in the range' {
        $newest = $all[0].CreatedAt.UtcDateTime
        $stats = @(Get-CallStatistic -GroupBy status -Stat count -CreatedAfter $newest.AddDays(-400) -CreatedBefore $newest.AddDays(1))
        $stats.Count | Should -BeGreaterThan 1
        $stats | ForEach-Object { $_ | Should -BeOfType ([CallTracking.Core.Model.CallStatistic]); $_.Stat | Should -Be 'count' }
        ($stats | Measure-Object Value -Sum).Sum | Should -Be 5000
    }

    It 'Get-CallStatistic -Stat revenue returns decimals' {
        $newest = $all[0].CreatedAt.UtcDateTime
        $stats = @(Get-CallStatistic -GroupBy buyer_converted -Stat revenue -CreatedAfter $newest.AddDays(-30) -CreatedBefore $newest.AddDays(1))
        $stats.Count | Should -BeGreaterThan 0
        $stats[0].Value | Should -BeOfType ([decimal])
    }
}

Describe '-OutFile' {
    It 'Get-CallLog -OutFile writes a CSV with a header and one row per call' {
        $path = Join-Path $TestDrive 'calls.csv'
        $null = Get-CallLog -First 60 -PageSize 25 -OutFile $path
        Test-Path -LiteralPath $path | Should -BeTrue
        $rows = @(Import-Csv -LiteralPath $path)
        $rows.Count | Should -Be 60
        $rows[0].PSObject.Properties.Name | Should -Contain 'id'
        @($rows | ForEach-Object id) | Should -Be @($allIds[0..59])
    }

    It 'Get-TrackingNumber -OutFile writes every number' {
        $path = Join-Path $TestDrive 'numbers.csv'
        $null = Get-TrackingNumber -OutFile $path
        $rows = @(Import-Csv -LiteralPath $path)
        $rows.Count | Should -Be @(Get-TrackingNumber).Count
        $rows[0].PSObject.Properties.Name | Should -Contain 'number'
    }

    It 'an unwritable -OutFile is an error, not a silent success' {
        $path = Join-Path $TestDrive 'no/such/folder/calls.csv'
        { Get-CallLog -First 5 -OutFile $path -ErrorAction Stop } | Should -Throw -ErrorId 'OutFileFailed,CallTracking.PowerShell.Commands.Calls.GetCallLogCommand' 
    }
}
