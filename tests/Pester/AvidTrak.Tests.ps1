# AvidTrak's number, forwarding and call-log cmdlets against the in-process AvidTrak sandbox: CSV forwarding in a handful
# of requests with one result per row, a bad SID reported alone, Remove-TrackingNumber -Location Telco asking first, a
# purchase sent once when its connection drops, and JSON and XML connections giving the same objects.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:conn = Connect-CallTracking -Provider AvidTrak -Sandbox -SandboxNumberCount 1000 -Name AvidTrakPester -PassThru

    function script:New-ForwardingCsv([object[]] $Numbers, [string] $Path) {
        $i = 0
        $Numbers | ForEach-Object {
            $i++
            [pscustomobject]@{
                sid            = $_.Id
                forward_number = if ($i % 2) { '4105551234' } else { '+14105559999' }
                extension      = if ($i % 5 -eq 0) { '12' } else { '' }
            }
        } | Export-Csv -LiteralPath $Path -NoTypeInformation
    }
}

AfterAll {
    if ($script:conn) { Disconnect-CallTracking -Connection $script:conn }
}

Describe 'Set-CallForwarding from a CSV' {
    BeforeAll {
        $script:numbers = @(Get-TrackingNumber -Connection $conn)
    }

    It 'sends 500 rows in a handful of requests and writes 500 results in input order' {
        $numbers.Count | Should -BeGreaterOrEqual 1000
        $csv = Join-Path $TestDrive 'forwarding500.csv'
        New-ForwardingCsv ($numbers | Select-Object -First 500) $csv
        Clear-SandboxLog $conn
        $results = @(Import-Csv -LiteralPath $csv | Set-CallForwarding -Connection $conn -Confirm:$false)
        $requests = @(Get-SandboxLog $conn | Where-Object Operation -eq 'AvidTrak.set_forwarding')
        $requests.Count | Should -BeLessOrEqual 8
        @(Get-SandboxLog $conn).Count | Should -Be $requests.Count
        $results.Count | Should -Be 500
        @($results | Where-Object Succeeded).Count | Should -Be 500
        ($results | ForEach-Object Sid) -join ',' | Should -Be ((Import-Csv -LiteralPath $csv | ForEach-Object sid) -join ',')
        $results[0] | Should -BeOfType ([CallTracking.Core.Model.ForwardingResult])
        $results[0].ForwardNumber | Should -Be '+14105551234'
        $results[4].Extension | Should -Be '12'
        $results[0].PSObject.Properties.Name | Should -Contain 'Error'
        (Get-TrackingNumber -Connection $conn -Id $results[1].Sid).ForwardTo | Should -Be '+14105559999'
    }

    It 'sends 1,000 rows in at most 10 requests' {
        $csv = Join-Path $TestDrive 'forwarding1000.csv'
        New-ForwardingCsv ($numbers | Select-Object -First 1000) $csv
        Clear-SandboxLog $conn
        $results = @(Import-Csv -LiteralPath $csv | Set-CallForwarding -Connection $conn -Confirm:$false)
        @(Get-SandboxLog $conn).Count | Should -BeLessOrEqual 10
        $results.Count | Should -Be 1000
        ($results | ForEach-Object Row) -join ',' | Should -Be ((1..1000) -join ',')
    }

    It 'reports a bad SID on its row while the other rows succeed' {
        $rows = @($numbers | Select-Object -First 6 | ForEach-Object { [pscustomobject]@{ sid = $_.Id; forward_number = '4105557777'; extension = '' } })
        $rows[3].sid = 'PNnot-a-number'
        $results = @($rows | Set-CallForwarding -Connection $conn -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 6
        ($results | ForEach-Object Succeeded) -join ',' | Should -Be 'True,True,True,False,True,True'
        $results[3].Sid | Should -Be 'PNnot-a-number'
        $results[3].Error | Should -BeOfType ([System.Management.Automation.ErrorRecord])
        $results[3].Error.Exception.Message | Should -Match 'PNnot-a-number'
        $failed.Count | Should -Be 1
    }

    It 'refuses a bad forward number on its row before anything is sent' {
        Clear-SandboxLog $conn
        $results = @([pscustomobject]@{ sid = $numbers[0].Id; forward_number = '12'; extension = '' } |
                Set-CallForwarding -Connection $conn -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)
        $results[0].Succeeded | Should -BeFalse
        $failed[0].ToString() | Should -Match '-ForwardNumber'
        $failed[0].ToString() | Should -Match "'12'"
        @(Get-SandboxLog $conn).Count | Should -Be 0
    }

    It '-WhatIf sends nothing and says what each request would do' {
        $csv = Join-Path $TestDrive 'forwardingWhatIf.csv'
        New-ForwardingCsv ($numbers | Select-Object -First 300) $csv
        Clear-SandboxLog $conn
        $verbose = @(Import-Csv -LiteralPath $csv | Set-CallForwarding -Connection $conn -WhatIf -Verbose 4>&1)
        @(Get-SandboxLog $conn).Count | Should -Be 0
        @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^Request \d+ of \d+' }).Count | Should -BeGreaterThan 1
        @($verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
    }

    It '-BatchSize chooses the rows per request' {
        Clear-SandboxLog $conn
        $results = @($numbers | Select-Object -First 20 | Set-CallForwarding -Connection $conn -ForwardNumber +14105550000 -BatchSize 5 -Confirm:$false)
        @(Get-SandboxLog $conn).Count | Should -Be 4
        ($results | ForEach-Object Request | Sort-Object -Unique) -join ',' | Should -Be '1,2,3,4'
    }

    It 'a stop request (Ctrl+C) ends the run between requests: the request in flight finishes, no later one is sent' {
        # A runspace of its own, as a user's Ctrl+C; each set_forwarding request takes 400 ms.
        $shared = [hashtable]::Synchronized(@{})
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest, $Shared)
                    Import-Module -Name $Manifest
                    $c = Connect-CallTracking -Provider AvidTrak -Sandbox -SandboxNumberCount 60 -PassThru
                    $c.SandboxInstance.Faults.Add([CallTracking.Sandbox.FaultRule]@{ Kind = 'Latency'; QueryMatches = @{ method = 'set_forwarding' }; Delay = [timespan]::FromMilliseconds(400); Times = 100 })
                    $Shared.c = $c
                    Get-TrackingNumber -Connection $c | Select-Object -First 50 | Set-CallForwarding -Connection $c -ForwardNumber +14105551234 -BatchSize 10 -Force
                }).AddArgument($ModuleManifest).AddArgument($shared)
            $async = $ps.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(30)
            $sent = { @($shared.c.SandboxInstance.Requests | Where-Object Operation -eq 'AvidTrak.set_forwarding').Count }
            while ((-not $shared.c -or (& $sent) -lt 1) -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            (& $sent) | Should -BeGreaterOrEqual 1
            $ps.Stop()
            try { $ps.EndInvoke($async) } catch { }
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $atStop = & $sent
            $atStop | Should -BeLessThan 5
            Start-Sleep -Milliseconds 900
            (& $sent) | Should -Be $atStop
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'Remove-CallForwarding -AllLite is one request for every offline number' {
        Clear-SandboxLog $conn
        $results = @(Remove-CallForwarding -Connection $conn -AllLite -Confirm:$false)
        $results.Count | Should -Be 1
        $results[0].Succeeded | Should -BeTrue
        $log = @(Get-SandboxLog $conn)
        $log.Count | Should -Be 1
        $log[0].Query['type'] | Should -Be 'lite'
    }
}

Describe 'Remove-TrackingNumber on AvidTrak' {
    It 'has no default -Location: leaving it out is a missing mandatory parameter' {
        $n = Get-TrackingNumber -Connection $conn -First 1
        { Remove-TrackingNumber -Connection $conn -Id $n.Id -Force } | Should -Throw '*Location*'
    }

    It 'is ConfirmImpact High, so -Location Telco asks at the default $ConfirmPreference' {
        (Get-Command Remove-TrackingNumber).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be ([System.Management.Automation.ConfirmImpact]::High)
        $n = Get-TrackingNumber -Connection $conn -First 1
        $verbose = @(Remove-TrackingNumber -Connection $conn -Id $n.Id -Location Telco -WhatIf -Verbose 4>&1)
        ($verbose | ForEach-Object Message) -join "`n" | Should -Match 'DELETED FOR GOOD'
        (Get-TrackingNumber -Connection $conn -Id $n.Id).Id | Should -Be $n.Id
    }

    It 'without -Confirm:$false or -Force, a NonInteractive host cannot answer the prompt and nothing is returned' {
        $script = @'
$ErrorActionPreference = 'Stop'
Import-Module '{0}'
$c = Connect-CallTracking -Provider AvidTrak -Sandbox -PassThru
$n = Get-TrackingNumber -Connection $c -First 1
try {{ Remove-TrackingNumber -Connection $c -Id $n.Id -Location Telco; 'NOT ASKED' }} catch {{ 'ASKED: ' + $_.Exception.Message }}
'returns: ' + @(Get-CallTrackingSandboxRequest -Connection $c | Where-Object Operation -eq 'AvidTrak.return_number').Count
'@ -f $ModuleManifest
        $out = & $PwshPath -NoProfile -NonInteractive -Command $script 2>&1
        ($out -join "`n") | Should -Match 'ASKED: .*NonInteractive'
        ($out -join "`n") | Should -Match 'returns: 0'
    }
}

Describe 'New-TrackingNumber on AvidTrak' {
    It 'buys what Find-TrackingNumber found, in one request' {
        $found = @(Find-TrackingNumber -Connection $conn -Quantity 3 -NumberType local -AreaCode 410)
        $found.Count | Should -Be 3
        Clear-SandboxLog $conn
        $bought = @($found | New-TrackingNumber -Connection $conn -Confirm:$false)
        $bought.Count | Should -Be 3
        ($bought | ForEach-Object Number) -join ',' | Should -Be (($found | ForEach-Object Number) -join ',')
        @(Get-SandboxLog $conn).Count | Should -Be 1
    }

    It 'a purchase answered with a dropped connection is sent once and reported as OutcomeUnknown' {
        $found = @(Find-TrackingNumber -Connection $conn -Quantity 2 -NumberType toll -AreaCode 888)
        Clear-SandboxLog $conn
        Add-SandboxFault $conn @{ Kind = 'CloseWithoutReply'; QueryMatches = @{ method = 'purchase_number' }; AfterProcessing = $true; Times = 10 }
        try {
            $bought = @($found | New-TrackingNumber -Connection $conn -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)
        }
        finally { $conn.SandboxInstance.Faults.Clear() }
        $bought.Count | Should -Be 0
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^OutcomeUnknown'
        @(Get-SandboxLog $conn | Where-Object Operation -eq 'AvidTrak.purchase_number').Count | Should -Be 1
    }

    It 'refuses a quantity above 30 naming the parameter, before anything is sent' {
        Clear-SandboxLog $conn
        { Find-TrackingNumber -Connection $conn -Quantity 31 -NumberType local -AreaCode 410 -ErrorAction Stop } | Should -Throw '*-Quantity*31*30*'
        @(Get-SandboxLog $conn).Count | Should -Be 0
    }
}

Describe 'JSON and XML connections' {
    BeforeAll {
        $script:json = Connect-CallTracking -Provider AvidTrak -Sandbox -Name AvidTrakJson -PassThru
        $script:xml = Connect-CallTracking -Provider AvidTrak -Sandbox -Format Xml -Name AvidTrakXml -PassThru
        function script:Flat($Objects) { @($Objects | Select-Object * -ExcludeProperty Raw) | ConvertTo-Json -Depth 4 -Compress }
    }
    AfterAll {
        Disconnect-CallTracking -Connection $json
        Disconnect-CallTracking -Connection $xml
    }

    It 'give equal objects for Get-TrackingNumber' {
        Flat (Get-TrackingNumber -Connection $xml) | Should -Be (Flat (Get-TrackingNumber -Connection $json))
    }

    It 'give equal objects for Find-TrackingNumber' {
        Flat (Find-TrackingNumber -Connection $xml -Quantity 5 -NumberType local -AreaCode 212) | Should -Be (Flat (Find-TrackingNumber -Connection $json -Quantity 5 -NumberType local -AreaCode 212))
    }

    It 'give equal objects for Get-CallLog' {
        $j = Get-CallLog -Connection $json
        @($j).Count | Should -BeGreaterThan 0
        Flat (Get-CallLog -Connection $xml) | Should -Be (Flat $j)
    }
}

Describe 'Move-TrackingNumber and Set-TrackingNumber on AvidTrak' {
    It 'moves numbers to a client given as an object with a Credential, and never shows the pin' {
        $pin = ConvertTo-SecureString ([CallTracking.Sandbox.AvidTrak.AvidTrakOptions]::ClientPincode(1)) -AsPlainText -Force
        $client = [pscustomobject]@{ Name = 'client 1'; Credential = [pscredential]::new('sandbox-client-1', $pin) }
        $n = @(Get-TrackingNumber -Connection $conn -AssignmentType unassigned | Select-Object -First 2)
        $text = Get-AllStreamText { Move-TrackingNumber -Connection $conn -Id $n.Id -Client $client -Confirm:$false -Verbose }
        $text | Should -Not -Match ([regex]::Escape([CallTracking.Sandbox.AvidTrak.AvidTrakOptions]::ClientPincode(1)))
        $text | Should -Match 'Succeeded|rows 1-2 were sent'
    }

    It 'assigns the numbers of one channel in one request' {
        $n = @(Get-TrackingNumber -Connection $conn | Select-Object -First 10)
        Clear-SandboxLog $conn
        $n | Set-TrackingNumber -Connection $conn -Channel direct -Confirm:$false
        @(Get-SandboxLog $conn).Count | Should -Be 1
        (Get-TrackingNumber -Connection $conn -Id $n[9].Id).Channel | Should -Be 'direct'
    }

    It 'Get-CallLog -Start/-End sends whole days as dates' {
        Clear-SandboxLog $conn
        $null = Get-CallLog -Connection $conn -Start ([datetime]'2026-11-20') -End ([datetime]'2026-11-21')
        $q = (Get-SandboxLog $conn)[0].Query
        $q['startdate'] | Should -Be '2026-11-20'
        $q['enddate'] | Should -Be '2026-11-21'
    }
}
