# AVANSER Telco API provisioning (issue 8) in the real pwsh against the sandbox, whose requests complete after 1 s:
# a batch of 20 from a CSV with -Wait, the decommission prompt (ConfirmImpact High), a failing request's clear error.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:conn = Connect-CallTracking -Provider Avanser -Sandbox -SandboxProvisioningDelaySec 1 -Name prov-avan -PassThru

    function New-Csv([string] $Name, [string] $Text) {
        $path = Join-Path $TestDrive $Name
        Set-Content -LiteralPath $path -Value $Text -Encoding utf8
        $path
    }
}

AfterAll {
    if ($conn) { Disconnect-CallTracking -Connection $conn }
}

Describe 'Get-TrackingNumber and Find-TrackingNumber on AVANSER' {
    It 'lists the services with their custom id, group, type, target and notifications' {
        $services = @(Get-TrackingNumber -Connection $conn -CustomGroup online)
        $services.Count | Should -BeGreaterThan 0
        $services | ForEach-Object { $_.GetType().Name | Should -Be 'AvanserService'; $_.CustomGroup | Should -Be 'online' }
        $services[0].ServiceType | Should -Be 'Transfer'
        $services[0].Target | Should -Match '^\+61\d+$'
        $services[0].EmailNotifications | Should -Not -BeNullOrEmpty
        ($services | Format-Table | Out-String -Width 250) | Should -Match 'CustomGroup'
    }

    It 'lists the stock of a class, private stock first' {
        $stock = @(Find-TrackingNumber -Connection $conn -NumberClass TOLLFREE -Limit 7)
        $stock.Count | Should -Be 7
        $stock | ForEach-Object NumberClass | Sort-Object -Unique | Should -Be 'TOLLFREE'
        $pools = @($stock | ForEach-Object Pool)
        $pools[0] | Should -Be 'private'
        [array]::LastIndexOf($pools, 'private') | Should -BeLessThan ([array]::IndexOf($pools, 'public'))
    }

    It 'refuses a number class the seed does not list' {
        { Find-TrackingNumber -Connection $conn -NumberClass LOCAL -ErrorAction Stop } | Should -Throw
    }
}

Describe 'Connect-CallTracking -AccountId on AVANSER (a login that reaches several accounts)' {
    It 'works in the account it names, and a login''s account it does not reach is a clear error' {
        $second = Connect-CallTracking -Provider Avanser -Sandbox -AccountId 5996 -SandboxProvisioningDelaySec 1 -Name acct-5996 -PassThru
        try {
            $mine = @(Get-TrackingNumber -Connection $second)
            $mine.CustomId | Should -Be @('acct-5996-1', 'acct-5996-2')
            @(Get-TrackingNumber -Connection $conn).CustomId | Should -Not -Contain 'acct-5996-1'
            $request = New-TrackingNumber -Connection $second -ServiceType VoiceMail -Recording hello.wav -CustomId in-5996 -Wait
            $request.State | Should -Be 'Completed'
            @(Get-TrackingNumber -Connection $second).CustomId | Should -Contain 'in-5996'
            @(Get-TrackingNumber -Connection $conn).CustomId | Should -Not -Contain 'in-5996'
            @(Get-ProvisioningRequest -Connection $conn).RequestId | Should -Not -Contain $request.RequestId
        }
        finally { Disconnect-CallTracking -Connection $second }

        $other = Connect-CallTracking -Provider Avanser -Sandbox -AccountId 7777 -Name acct-7777 -PassThru
        try {
            { Get-TrackingNumber -Connection $other -ErrorAction Stop } | Should -Throw '*7777*5995, 5996*'
        }
        finally { Disconnect-CallTracking -Connection $other }
    }
}

Describe 'New-TrackingNumber on AVANSER' {
    It 'provisions 20 numbers from a CSV with -Wait: all submitted, then 20 finished requests' {
        $rows = @('ServiceType,AnswerPoint,Recording,CustomId,CustomGroup,email_notifications')
        $rows += 1..20 | ForEach-Object {
            if ($_ % 2) { "Transfer,+6129999$('{0:D4}' -f $_),,csv-$_,batch,ops@example.com" } else { "VoiceMail,,welcome,csv-$_,batch,ops@example.com;sales@example.com" }
        }
        $csv = New-Csv 'ads.csv' ($rows -join "`n")
        $started = Get-Date
        $done = @(Import-Csv $csv | New-TrackingNumber -Connection $conn -Force -Wait -TimeoutSec 60)
        $done.Count | Should -Be 20
        $done | ForEach-Object { $_.GetType().Name | Should -Be 'ProvisioningRequest'; $_.State | Should -Be 'Completed'; $_.Number | Should -Match '^\+61' }
        @($done | ForEach-Object CustomId) | Should -Be @(1..20 | ForEach-Object { "csv-$_" })
        @($done | ForEach-Object Id | Sort-Object -Unique).Count | Should -Be 20
        # Awaited together: about one provisioning delay in all, not twenty.
        ((Get-Date) - $started).TotalSeconds | Should -BeLessThan 15
        $posts = @(Get-CallTrackingSandboxRequest -Connection $conn | Where-Object Operation -eq 'Avanser.NewService')
        $posts.Count | Should -BeGreaterOrEqual 20
        @(Get-TrackingNumber -Connection $conn -CustomGroup batch).Count | Should -Be 20
    }

    It 'provisions the very number piped from Find-TrackingNumber' {
        $stock = Find-TrackingNumber -Connection $conn -NumberClass GEO -Limit 3 | Select-Object -Last 1
        $done = $stock | New-TrackingNumber -Connection $conn -ServiceType VoiceMail -Recording hello.wav -CustomId from-stock -Wait
        $done.State | Should -Be 'Completed'
        $done.Number | Should -Be $stock.Number
        (Get-TrackingNumber -Connection $conn -CustomId from-stock).Number | Should -Be $stock.Number
        @(Find-TrackingNumber -Connection $conn -NumberClass GEO -Limit 100).Number | Should -Not -Contain $stock.Number
    }

    It 'returns the pending request at once without -Wait, and Wait-ProvisioningRequest takes it from the pipeline' {
        $r = New-TrackingNumber -Connection $conn -ServiceType Transfer -AnswerPoint +61299990000 -CustomId pipe-1 -Force
        $r.State | Should -Be 'Pending'
        $r.Id | Should -Match '^PR'
        $done = $r | Wait-ProvisioningRequest -Connection $conn -TimeoutSec 30
        $done.Id | Should -Be $r.Id
        $done.State | Should -Be 'Completed'
        (Get-ProvisioningRequest -Connection $conn -Id $r.Id).Status | Should -Be 'completed'
    }

    It 'takes New-CallbackUriTemplate''s object for -CallbackUri' {
        $t = New-CallbackUriTemplate -BaseUri https://example.com/cb -Tag ani, adname
        $r = New-TrackingNumber -Connection $conn -ServiceType Prompt -Recording hello -CallbackUri $t -CustomId cb-1 -Force -Wait
        $r.State | Should -Be 'Completed'
        (Get-TrackingNumber -Connection $conn -CustomId cb-1).CallbackUri | Should -Be $t.CallbackUri
    }

    It 'requires -AnswerPoint for Transfer, before anything is sent' {
        $before = @(Get-CallTrackingSandboxRequest -Connection $conn | Where-Object Operation -eq 'Avanser.NewService').Count
        $err = $null
        try { New-TrackingNumber -Connection $conn -ServiceType Transfer -Force -ErrorAction Stop } catch { $err = $_ }
        $err.Exception.Message | Should -Match 'AnswerPoint'
        @(Get-CallTrackingSandboxRequest -Connection $conn | Where-Object Operation -eq 'Avanser.NewService').Count | Should -Be $before
    }
}

Describe 'Wait-ProvisioningRequest' {
    It 'gives a clear non-terminating error for a sandbox-fail request, and still emits the others' {
        $fail = New-TrackingNumber -Connection $conn -ServiceType Transfer -AnswerPoint +61299990000 -CustomId sandbox-fail -Force
        $good = New-TrackingNumber -Connection $conn -ServiceType Transfer -AnswerPoint +61299990000 -CustomId good-1 -Force
        $out = @($fail, $good | Wait-ProvisioningRequest -Connection $conn -TimeoutSec 30 -ErrorVariable bad -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 1
        $out[0].Id | Should -Be $good.Id
        $bad.Count | Should -Be 1
        $bad[0].Exception.Message | Should -Match ([regex]::Escape($fail.Id))
        $bad[0].Exception.Message | Should -Match 'failed'
        $bad[0].Exception.Message | Should -Match 'sandbox-fail'
        $bad[0].ErrorDetails.RecommendedAction | Should -Match 'submit it again'
        $bad[0].TargetObject.Id | Should -Be $fail.Id
    }

    It 'shows Write-Progress while it waits ("n of m finished"), completed at the end' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript(@'
Import-Module '{0}'
$null = Connect-CallTracking -Provider Avanser -Sandbox -SandboxProvisioningDelaySec 1
$ProgressPreference = 'Continue'
1..3 | ForEach-Object {{ [pscustomobject]@{{ ServiceType = 'Transfer'; AnswerPoint = '+61299990000'; CustomId = "progress-$_" }} }} | New-TrackingNumber -Force -Wait
'@ -f $ModuleManifest)
            $out = $ps.Invoke()
            $out.Count | Should -Be 3
            $progress = @($ps.Streams.Progress | Where-Object Activity -eq 'Waiting for provisioning requests')
            $progress.Count | Should -BeGreaterThan 1
            $progress[0].StatusDescription | Should -Match '^0 of 3 finished'
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $ps.Dispose() }
    }

    It 'stops at -TimeoutSec with an error naming the request still pending' {
        $slow = Connect-CallTracking -Provider Avanser -Sandbox -SandboxProvisioningDelaySec 600 -Name prov-slow -PassThru
        try {
            $r = New-TrackingNumber -Connection $slow -ServiceType Transfer -AnswerPoint +61299990000 -Force
            $out = @($r | Wait-ProvisioningRequest -Connection $slow -TimeoutSec 2 -ErrorVariable bad -ErrorAction SilentlyContinue)
            $out.Count | Should -Be 0
            $bad[0].Exception.Message | Should -Match "$($r.Id) is still pending"
        }
        finally { Disconnect-CallTracking -Connection $slow }
    }
}

Describe 'Set-TrackingNumber and Remove-TrackingNumber on AVANSER' {
    It 'updates a service as a provisioning request, sending only what is given' {
        $s = Get-TrackingNumber -Connection $conn -CustomId ad-2
        $r = $s | Set-TrackingNumber -Connection $conn -Name 'Renamed ad' -Force -Wait -TimeoutSec 30
        $r.Type | Should -Be 'update'
        $r.State | Should -Be 'Completed'
        (Get-TrackingNumber -Connection $conn -Id $s.Id).Name | Should -Be 'Renamed ad'
        $put = Get-CallTrackingSandboxRequest -Connection $conn | Where-Object Operation -eq 'Avanser.UpdateService' | Select-Object -Last 1
        ($put.Body | ConvertFrom-Json).PSObject.Properties.Name | Should -Be @('name')
    }

    It 'exports services to CSV with readable notification cells that bind back into Set-TrackingNumber' {
        $path = Join-Path $TestDrive 'services.csv'
        Get-TrackingNumber -Connection $conn -CustomId ad-1 | Export-Csv -LiteralPath $path -NoTypeInformation
        $row = Import-Csv -LiteralPath $path
        $row.EmailNotifications | Should -Be 'calls@example.com.au'
        $row.EmailNotifications = 'a@example.com.au; b@example.com.au'
        $request = $row | Set-TrackingNumber -Connection $conn -Wait
        $request.State | Should -Be 'Completed'
        (Get-TrackingNumber -Connection $conn -CustomId ad-1).EmailNotifications | Should -Be @('a@example.com.au', 'b@example.com.au')
    }

    It 'is ConfirmImpact High' {
        (Get-Command Remove-TrackingNumber).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be ([System.Management.Automation.ConfirmImpact]::High)
    }

    It 'prompts: without -Confirm:$false or -Force a NonInteractive host cannot answer and nothing is sent' {
        $script = @'
$ErrorActionPreference = 'Stop'
Import-Module '{0}'
$c = Connect-CallTracking -Provider Avanser -Sandbox -SandboxProvisioningDelaySec 1 -PassThru
try {{ Remove-TrackingNumber -Connection $c -Id SV1000; 'NOT ASKED' }} catch {{ 'ASKED: ' + $_.Exception.Message }}
'decommissions: ' + @(Get-CallTrackingSandboxRequest -Connection $c | Where-Object Operation -eq 'Avanser.DecommissionService').Count
'@ -f $ModuleManifest
        $out = & $PwshPath -NoProfile -NonInteractive -Command $script 2>&1
        ($out -join "`n") | Should -Match 'ASKED: .*NonInteractive'
        ($out -join "`n") | Should -Match 'decommissions: 0'
    }

    It '-WhatIf sends nothing; -Confirm:$false decommissions and -Wait waits for it' {
        $s = Get-TrackingNumber -Connection $conn -CustomId ad-3
        Remove-TrackingNumber -Connection $conn -Id $s.Id -WhatIf
        @(Get-CallTrackingSandboxRequest -Connection $conn | Where-Object Operation -eq 'Avanser.DecommissionService').Count | Should -Be 0
        $r = $s | Remove-TrackingNumber -Connection $conn -Confirm:$false -Wait -TimeoutSec 30
        $r.Type | Should -Be 'decommission'
        $r.State | Should -Be 'Completed'
        (Get-TrackingNumber -Connection $conn -Id $s.Id).Status | Should -Be 'decommissioned'
    }
}
