# AvidTrak accounts, agency, round robin, campaigns, visits, smart replacement and metro numbers, run as a user would: every
# cmdlet against Connect-CallTracking -Provider AvidTrak -Sandbox (JSON and XML give equal objects), the agency runbook over
# a loopback sandbox (Connect per client, ForEach-Object -Parallel), bad input refused before sending, and a wrong pincode.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    function Connect-Avid([string] $Format, [string] $Name, [string] $Account = 'Agency') {
        Connect-CallTracking -Provider AvidTrak -Sandbox -Format $Format -SandboxAccount $Account -Name $Name -PassThru
    }
    # The sandbox state behind an in-process connection.
    function Get-AvidState($Connection) { [CallTracking.Sandbox.AvidTrak.AvidTrakSandboxExtensions]::AvidTrak($Connection.SandboxInstance) }
    function Get-AvidSid($Connection, [int] $Index, [string] $User = 'sandbox-agency') { (Get-AvidState $Connection).Account($User).Numbers[$Index].Sid }
    function Get-Methods($Connection) { @(Get-CallTrackingSandboxRequest -Connection $Connection | ForEach-Object { $_.Query['method'] }) }
    # The public properties of objects, as JSON, without Raw (whose value types are the format's) or the Credential.
    function ConvertTo-Comparable($Objects) {
        @($Objects | ForEach-Object { $_ | Select-Object -Property * -ExcludeProperty Raw, Credential, ConnectionName }) | ConvertTo-Json -Depth 4 -Compress
    }
    $script:pin = { param($s) ConvertTo-SecureString $s -AsPlainText -Force }
    $script:json = Connect-Avid json acct-json
    $script:xml = Connect-Avid xml acct-xml
}

AfterAll {
    Get-CallTrackingConnection | Where-Object Name -like 'acct-*' | ForEach-Object { Disconnect-CallTracking -Connection $_ }
    Get-CallTrackingConnection | Where-Object Name -like 'sandbox-client-*' | ForEach-Object { Disconnect-CallTracking -Connection $_ }
    if ($script:loop) { Stop-CallTrackingSandbox -Sandbox $script:loop -Force }
}

Describe 'JSON and XML connections give equal objects' {
    It '<Command>' -ForEach @(
        @{ Command = 'Get-CallTrackingBalance'; Script = { param($c) Get-CallTrackingBalance -Connection $c } }
        @{ Command = 'Get-CallTrackingClient'; Script = { param($c) Get-CallTrackingClient -Connection $c } }
        @{ Command = 'Get-LiteCampaign'; Script = { param($c) Get-LiteCampaign -Connection $c -Start (Get-Date).AddDays(-60) -End (Get-Date) } }
        @{ Command = 'Get-VisitData'; Script = { param($c) Get-VisitData -Connection $c -Filter gseo -Start ([datetimeoffset]::UtcNow.AddDays(-30)) } }
        @{ Command = 'Get-MetroSiteNumber'; Script = { param($c) Get-MetroSiteNumber -Connection $c } }
        @{ Command = 'Get-RoundRobinTarget'; Script = { param($c) Get-RoundRobinTarget -Connection $c -Sid (Get-AvidSid $c 0) } }
    ) {
        $fromJson = @(& $Script $json)
        $fromXml = @(& $Script $xml)
        $fromJson.Count | Should -BeGreaterThan 0
        ConvertTo-Comparable $fromXml | Should -Be (ConvertTo-Comparable $fromJson)
        $fromJson[0].GetType() | Should -Be $fromXml[0].GetType()
    }
}

Describe 'Accounts (<Format>)' -ForEach @(@{ Format = 'json' }, @{ Format = 'xml' }) {
    BeforeAll { $script:c = Connect-Avid $Format "acct-acc-$Format" }

    It 'Get-CallTrackingBalance is decimal money' {
        $b = Get-CallTrackingBalance -Connection $c
        $b | Should -BeOfType CallTracking.Core.Model.AccountBalance
        $b.Balance | Should -BeOfType decimal
        $b.Currency | Should -Be 'USD'
    }

    It 'Get-CallTrackingClient gives each client a PSCredential holding its pincode, shown nowhere' {
        $clients = @(Get-CallTrackingClient -Connection $c)
        $clients.UserName | Should -Be @('sandbox-client-1', 'sandbox-client-2', 'sandbox-client-3')
        $clients[0].Credential | Should -BeOfType pscredential
        $clients[0].Credential.GetNetworkCredential().Password | Should -Be 'sandbox-client-1-pin'
        ($clients | Format-Table | Out-String) + ($clients | Format-List | Out-String) + "$($clients[0])" | Should -Not -Match 'client-\d-pin'
        @(Get-CallTrackingClient -Connection $c -UserName '*-2').UserName | Should -Be 'sandbox-client-2'
    }

    It 'Get-CallTrackingClient with a client connection is AuthenticationFailed' {
        $client = Connect-Avid $Format "acct-client-$Format" Client
        { Get-CallTrackingClient -Connection $client -ErrorAction Stop } | Should -Throw -ErrorId 'AuthenticationFailed,*'
    }

    It 'New-CallTrackingAccount creates a client and returns its pincode as a credential; -WhatIf sends nothing' {
        New-CallTrackingAccount -Connection $c -UserName "whatif-$Format" -Password (& $pin 'Abc123') -AccountType pro -WhatIf
        (Get-AvidState $c).Account("whatif-$Format") | Should -BeNullOrEmpty
        $a = New-CallTrackingAccount -Connection $c -UserName "acme-$Format" -Password (& $pin 'Abc123') -AccountType Lite -Email ops@acme.example `
            -ContactName 'Dana Acme' -ContactNumber '(410) 555-0123' -Domain acme.example -Confirm:$false
        $a | Should -BeOfType CallTracking.Core.Model.CallTrackingAccount
        $a.UserName | Should -Be "acme-$Format"
        $a.AccountType | Should -Be 'lite'
        $a.ContactNumber | Should -Be '+14105550123'
        $a.Credential.GetNetworkCredential().Password | Should -Be (Get-AvidState $c).Account("acme-$Format").Pincode
        @(Get-CallTrackingClient -Connection $c).UserName | Should -Contain "acme-$Format"
    }

    It 'New-CallTrackingAccount refuses a bad -AccountType before sending' {
        Clear-SandboxLog $c
        New-CallTrackingAccount -Connection $c -UserName x -Password (& $pin 'Abc123') -AccountType gold -Force -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].Exception.Message | Should -Match 'AccountType'
        $e[0].Exception.Message | Should -Match 'gold'
        $e[0].Exception.Message | Should -Match 'pro'
        Get-Methods $c | Should -BeNullOrEmpty
    }

    It 'Set-CallTrackingAccount changes what is given and refuses nothing-given before sending' {
        Set-CallTrackingAccount -Connection $c -FullName 'Pat Agency' -Email pat@agency.example -Force
        (Get-AvidState $c).Account('sandbox-agency').ContactName | Should -Be 'Pat Agency'
        Clear-SandboxLog $c
        { Set-CallTrackingAccount -Connection $c -Force -ErrorAction Stop } | Should -Throw '*-UserName*'
        Get-Methods $c | Should -BeNullOrEmpty
        Set-CallTrackingAccount -Connection $c -Password (& $pin 'N3wpass') -Force -Verbose 4>&1 | Out-String | Should -Not -Match 'N3wpass'
        (Get-AvidState $c).Account('sandbox-agency').Password | Should -Be 'N3wpass'
    }
}

Describe 'Round robin, campaigns and visits (<Format>)' -ForEach @(@{ Format = 'json' }, @{ Format = 'xml' }) {
    BeforeAll {
        $script:c = Connect-Avid $Format "acct-rr-$Format"
        $script:sid = ((Get-AvidState $c).Account('sandbox-agency').Numbers | Where-Object { $_.RoundRobin.Count -eq 0 } | Select-Object -First 1).Sid
    }

    It 'Add-, Get-, Set- and Remove-RoundRobinTarget keep the pairing and round-trip' {
        $added = @(Add-RoundRobinTarget -Connection $c -Sid $sid -ForwardNumber '(410) 555-0101', '4105550102' -Extension '12', '' -Label Front, Back -Force)
        $added.Label | Should -Be @('Front', 'Back')
        $added[0] | Should -BeOfType CallTracking.Core.Model.RoundRobinTarget
        $list = @(Get-RoundRobinTarget -Connection $c -Sid $sid)
        $list.ForwardNumber | Should -Be @('+14105550101', '+14105550102')
        $list[0].Extension | Should -Be '12'
        Set-RoundRobinTarget -Connection $c -Sid $sid -Id $list[1].Id -ForwardNumber 4105550109 -Label Side -Force
        (Get-RoundRobinTarget -Connection $c -Sid $sid)[1].Label | Should -Be 'Side'
        $list[0] | Remove-RoundRobinTarget -Connection $c -Force
        @(Get-RoundRobinTarget -Connection $c -Sid $sid).Count | Should -Be 1
    }

    It 'lists that do not pair are an error naming the parameter, before anything is sent' {
        Clear-SandboxLog $c
        Add-RoundRobinTarget -Connection $c -Sid $sid -ForwardNumber 4105550101, 4105550102 -Label only-one -Force -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].Exception.Message | Should -Match '-Label'
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
        Get-Methods $c | Should -BeNullOrEmpty
    }

    It 'Remove-RoundRobinTarget is ConfirmImpact High: -WhatIf sends nothing' {
        $t = Get-RoundRobinTarget -Connection $c -Sid $sid | Select-Object -First 1
        Clear-SandboxLog $c
        $t | Remove-RoundRobinTarget -Connection $c -WhatIf
        Get-Methods $c | Should -BeNullOrEmpty
    }

    It 'New-LiteCampaign and Get-LiteCampaign' {
        $new = New-LiteCampaign -Connection $c -Title 'Radio spring' -Sid (Get-AvidSid $c 1) -AdGroup Radio -Force
        $new | Should -BeOfType CallTracking.Core.Model.Campaign
        $list = @(Get-LiteCampaign -Connection $c -Start ([datetime]::Today.AddDays(-7)) -End ([datetimeoffset]::Now))
        $list.Title | Should -Contain 'Radio spring'
        $q = (Get-CallTrackingSandboxRequest -Connection $c | Where-Object { $_.Query['method'] -eq 'lite_campaign' } | Select-Object -Last 1).Query
        $q['startdate'] | Should -Match '^\d{4}-\d{2}-\d{2}$'
        $q['enddate'] | Should -Match '^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$'
    }

    It 'Get-VisitData takes -Filter from the seed list and refuses others' {
        $rows = @(Get-VisitData -Connection $c -Filter bppc)
        $rows.Count | Should -BeGreaterThan 0
        $rows[0] | Should -BeOfType CallTracking.Core.Model.VisitDataRow
        { Get-VisitData -Connection $c -Filter tv -ErrorAction Stop } | Should -Throw "*-Filter*'tv'*gppc*"
    }
}

Describe 'Smart replacement and metro numbers (<Format>)' -ForEach @(@{ Format = 'json' }, @{ Format = 'xml' }) {
    BeforeAll { $script:c = Connect-Avid $Format "acct-site-$Format" }

    It 'Add- and Remove-SmartReplacementNumber batch the piped rows' {
        Clear-SandboxLog $c
        $rows = 1..5 | ForEach-Object { [pscustomobject]@{ site_phone = '410555019' + $_ } }
        $out = @($rows | Add-SmartReplacementNumber -Connection $c -Force -PassThru)
        $out.Count | Should -Be 5
        $out[0] | Should -BeOfType CallTracking.Core.Model.SmartReplacementResult
        $out[0].SitePhone | Should -Be '+14105550191'
        @($out.Listed) | Should -Be @($true, $true, $true, $true, $true)
        @(Get-Methods $c).Count | Should -Be 1
        # Piped strings bind too; -BatchSize 1 is one request per number; without -PassThru nothing is written.
        Clear-SandboxLog $c
        @('4105550196', '4105550197' | Add-SmartReplacementNumber -Connection $c -Force -BatchSize 1) | Should -BeNullOrEmpty
        @(Get-Methods $c).Count | Should -Be 2
        (Get-AvidState $c).Account('sandbox-agency').SmartReplacementNumbers | Should -Contain '4105550193'
        $gone = Remove-SmartReplacementNumber -Connection $c -SitePhone '4105550193' -Force -PassThru
        $gone.Listed | Should -BeFalse
        { Remove-SmartReplacementNumber -Connection $c -SitePhone '4105550193' -Force -ErrorAction Stop } | Should -Throw '*not found*'
        { Add-SmartReplacementNumber -Connection $c -SitePhone 'call us' -Force -ErrorAction Stop } | Should -Throw '*SitePhone*'
    }

    It '250 piped numbers go out in 3 requests; a bad row is reported alone; a failed batch is reported on each of its rows; -WhatIf sends nothing' {
        Clear-SandboxLog $c
        $rows = @(0..249 | ForEach-Object { [pscustomobject]@{ site_phone = '+1303555{0:D4}' -f $_ } }) + [pscustomobject]@{ site_phone = 'not a phone' }
        $out = @($rows | Add-SmartReplacementNumber -Connection $c -Force -PassThru -ErrorVariable e -ErrorAction SilentlyContinue)
        # One result per row with -PassThru, in input order: the bad row is the last, failed and never sent.
        $out.Count | Should -Be 251
        @($out | Where-Object Succeeded).Count | Should -Be 250
        $out[250].Row | Should -Be 251
        $out[250].Status | Should -Be 'Failed'
        $out[250].Request | Should -BeNullOrEmpty
        @($out.Request | Sort-Object -Unique) | Should -Be @(1, 2, 3)
        @(Get-Methods $c).Count | Should -Be 3
        $e.Count | Should -Be 1
        $e[0].Exception.Message | Should -Match 'not a phone'

        Clear-SandboxLog $c
        '3035550001', '3035550002' | ForEach-Object { [pscustomobject]@{ site_phone = $_ } } | Remove-SmartReplacementNumber -Connection $c -WhatIf
        Get-Methods $c | Should -BeNullOrEmpty

        # One of the two is not on the list: the provider refuses the whole request (sent once), reported on both rows:
        # the number it names with its message, the other as refused because of it.
        $gone = '3035550001', '3035559999' | ForEach-Object { [pscustomobject]@{ site_phone = $_ } } |
            Remove-SmartReplacementNumber -Connection $c -Force -PassThru -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2.Count | Should -Be 2
        @($e2.TargetObject) | Should -Be @('+13035550001', '+13035559999')
        $e2[0].Exception.Message | Should -Match 'because of 3035559999'
        $e2[1].Exception.Message | Should -Match 'not found'
        @($gone.Status) | Should -Be @('Failed', 'Failed')
        @($gone.Request) | Should -Be @(1, 1)
        (Get-AvidState $c).Account('sandbox-agency').SmartReplacementNumbers | Should -Contain '3035550001'
    }

    It 'Add-MetroSiteNumber, Add-MetroTrackingNumber, Get-MetroSiteNumber and Remove-MetroSiteNumber' {
        $site = Add-MetroSiteNumber -Connection $c -SiteNumber '(410) 555-0150' -Title 'Baltimore page' -ForwardNumber 4105550151 -Force
        $site | Should -BeOfType CallTracking.Core.Model.MetroSiteNumber
        $site.SiteNumber | Should -Be '+14105550150'
        $sids = (Get-AvidSid $c 2), (Get-AvidSid $c 3)
        Clear-SandboxLog $c
        $after = $sids | ForEach-Object { [pscustomobject]@{ Sid = $_; site_id = $site.SiteId } } | Add-MetroTrackingNumber -Connection $c -Force -PassThru
        @(Get-Methods $c | Where-Object { $_ -eq 'add_metro_site_number' }).Count | Should -Be 1
        @($after).Count | Should -Be 2
        $after[0] | Should -BeOfType CallTracking.Core.Model.MetroAllocationResult
        @($after.Status) | Should -Be @('Succeeded', 'Succeeded')
        @($after.Id) | Should -Be $sids
        @($after.SiteId | Sort-Object -Unique) | Should -Be $site.SiteId
        (Get-MetroSiteNumber -Connection $c -SiteId $site.SiteId).TrackingNumbers.Count | Should -Be 2
        Clear-SandboxLog $c
        Get-MetroSiteNumber -Connection $c -SiteId $site.SiteId | Remove-MetroSiteNumber -Connection $c -WhatIf
        Get-Methods $c | Should -Not -Contain 'remove_metro_site_number'
        Get-MetroSiteNumber -Connection $c -SiteId $site.SiteId | Remove-MetroSiteNumber -Connection $c -Confirm:$false
        Get-MetroSiteNumber -Connection $c -SiteId $site.SiteId | Should -BeNullOrEmpty
    }

    It 'Remove-MetroSiteNumber without -Force or -Confirm:$false fails in a NonInteractive session' {
        $id = (Get-MetroSiteNumber -Connection $c | Select-Object -First 1).SiteId
        $r = & $PwshPath -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; Connect-CallTracking -Provider AvidTrak -Sandbox; try { Remove-MetroSiteNumber -SiteId $id -ErrorAction Stop; 'removed' } catch { 'refused: ' + `$_ }" 2>&1
        "$r" | Should -Match 'NonInteractive'
    }
}

Describe 'CSV rows and piped numbers bind by property name' {
    BeforeAll {
        $script:c = Connect-Avid json acct-csv
        $script:sids = (Get-AvidState $c).Account('sandbox-agency').Numbers | Where-Object { $_.RoundRobin.Count -eq 0 } | Select-Object -First 2 -ExpandProperty Sid
        $script:numbers = $sids | ForEach-Object { [CallTracking.Core.Model.TrackingNumber]::new('AvidTrak', $_, '+14105550000') }
    }

    It 'Add-, Get-, Set- and Remove-RoundRobinTarget from CSV rows, lists as ;-separated cells' {
        $added = @("sid,forward_number,label,extension`n$($sids[0]),4105550101;4105550102,a;b,7;" | ConvertFrom-Csv | Add-RoundRobinTarget -Force)
        $added.Label | Should -Be @('a', 'b')
        $list = @("sid`n$($sids[0])" | ConvertFrom-Csv | Get-RoundRobinTarget)
        $list.Count | Should -Be 2
        $list[0].Extension | Should -Be '7'
        "sid,round_robin_list_id,forward_number,label`n$($sids[0]),$($list[1].Id),4105550109,viacsv" | ConvertFrom-Csv | Set-RoundRobinTarget -Force
        (Get-RoundRobinTarget -Connection $c -Sid $sids[0])[1].Label | Should -Be 'viacsv'
        "sid,round_robin_list_id`n$($sids[0]),$($list[0].Id)" | ConvertFrom-Csv | Remove-RoundRobinTarget -Force
        @(Get-RoundRobinTarget -Connection $c -Sid $sids[0]).Count | Should -Be 1
        $list[1].Extension | Should -BeNullOrEmpty
    }

    It 'numbers piped from Get-TrackingNumber bind to -InputObject' {
        $numbers[1] | Add-RoundRobinTarget -ForwardNumber 4105550103 -Force | Should -HaveCount 1
        @($numbers | Get-RoundRobinTarget).Count | Should -Be 2  # one left on the first number, one on the second
        ($numbers[1] | New-LiteCampaign -Title 'TV spot' -Force).Sid | Should -Be $sids[1]
        { $numbers[1] | Add-RoundRobinTarget -Force -ErrorAction Stop } | Should -Throw '*-ForwardNumber*'
    }

    It 'New-LiteCampaign, Get-VisitData and Remove-MetroSiteNumber from CSV rows; a bad date cell is an error, not a default' {
        ("title,sid,adgroup`nPrint,$($sids[1]),Paper" | ConvertFrom-Csv | New-LiteCampaign -Force).AdGroup | Should -Be 'Paper'
        @("filter,startdate`nbseo,2026-11-01" | ConvertFrom-Csv | Get-VisitData).Count | Should -BeGreaterThan 0
        "filter,startdate`nbseo,notadate" | ConvertFrom-Csv | Get-VisitData -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $id = (Get-MetroSiteNumber -Connection $c | Select-Object -First 1).SiteId
        "site_id`n$id" | ConvertFrom-Csv | Remove-MetroSiteNumber -Force
        Get-MetroSiteNumber -Connection $c -SiteId $id | Should -BeNullOrEmpty
    }

    It 'a plain-text password cell is refused and never echoed' {
        "userid,password,account_type`ncsvuser,Pl4inText,lite" | ConvertFrom-Csv | New-CallTrackingAccount -Force -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].Exception.Message | Should -Match 'SecureString'
        ($e[0] | Out-String) + $e[0].Exception.ToString() | Should -Not -Match 'Pl4inText'
        (Get-AvidState $c).Account('csvuser') | Should -BeNullOrEmpty
    }
}

Describe 'On a TrackDrive connection' {
    It '<_> is NotSupported' -ForEach @('Get-CallTrackingBalance', 'Get-CallTrackingClient', 'Get-MetroSiteNumber') {
        $td = Connect-CallTracking -Provider TrackDrive -Sandbox -SandboxCallCount 5 -Name acct-td -PassThru
        { & $_ -Connection $td -ErrorAction Stop } | Should -Throw -ErrorId 'NotSupported,*'
    }
}

Describe 'Agency runbook over a loopback sandbox' {
    BeforeAll {
        $script:loop = Start-CallTrackingSandbox -Provider AvidTrak
        $script:agency = Connect-CallTracking -Provider AvidTrak -Pincode (& $pin 'sandbox-agency-pin') -BaseUri $loop.BaseUri -Name acct-agency -PassThru
    }

    It 'connects to every client from Get-CallTrackingClient and uses each connection' {
        $conns = @(Get-CallTrackingClient -Connection $agency | ForEach-Object {
                Connect-CallTracking -Provider AvidTrak -Credential $_.Credential -Name $_.UserName -BaseUri $loop.BaseUri -PassThru })
        $conns.Name | Should -Be @('sandbox-client-1', 'sandbox-client-2', 'sandbox-client-3')
        $balances = @($conns | ForEach-Object { Get-CallTrackingBalance -Connection $_ })
        $balances.Count | Should -Be 3
        $balances.ConnectionName | Should -Be @('sandbox-client-1', 'sandbox-client-2', 'sandbox-client-3')
        $balances | ForEach-Object { $_.Balance | Should -BeOfType decimal }
    }

    It 'runs the client connections in ForEach-Object -Parallel runspaces' {
        $conns = @(Get-CallTrackingConnection | Where-Object Name -like 'sandbox-client-*')
        $conns.Count | Should -Be 3
        $manifest = $ModuleManifest
        $out = @($conns | ForEach-Object -ThrottleLimit 3 -Parallel {
                Import-Module $using:manifest
                foreach ($i in 1..5) { $b = Get-CallTrackingBalance -Connection $_ -ErrorAction Stop }
                [pscustomobject]@{ Name = $_.Name; Balance = $b.Balance; Sites = @(Get-MetroSiteNumber -Connection $_).Count }
            })
        ($out.Name | Sort-Object) | Should -Be @('sandbox-client-1', 'sandbox-client-2', 'sandbox-client-3')
        $out | ForEach-Object { $_.Balance | Should -Not -BeNullOrEmpty }
    }

    It 'one connection is shared by several -Parallel runspaces at once' {
        $manifest = $ModuleManifest
        $shared = $agency
        $out = @(1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:manifest
                $c = $using:shared
                foreach ($i in 1..5) { @(Get-CallTrackingClient -Connection $c -ErrorAction Stop).Count }
            })
        $out.Count | Should -Be 20
        $out | ForEach-Object { $_ | Should -BeGreaterOrEqual 3 }
    }

    It 'a new account''s Credential connects' {
        $a = New-CallTrackingAccount -Connection $agency -UserName runbook-new -Password (& $pin 'Abc123') -AccountType pro -Force
        $n = Connect-CallTracking -Provider AvidTrak -Credential $a.Credential -BaseUri $loop.BaseUri -Name acct-new -PassThru
        (Get-CallTrackingBalance -Connection $n).Balance | Should -Be 0
    }

    It 'a wrong pincode is an authentication error that try/catch catches and that never shows the pincode' {
        $caught = $null
        try {
            $bad = Connect-CallTracking -Provider AvidTrak -Pincode (ConvertTo-SecureString 'wrong' -AsPlainText -Force) -BaseUri $loop.BaseUri -Name acct-bad -PassThru -ErrorAction Stop
            Get-CallTrackingBalance -Connection $bad -ErrorAction Stop
        } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($caught | Out-String) + $caught.Exception.ToString() + "$($caught.TargetObject)" | Should -Not -Match 'wrong'
        $text = Get-AllStreamText { Get-CallTrackingBalance -Connection $bad -Verbose }
        $text | Should -Not -Match 'pincode=wrong'
        @($loop.Requests | Where-Object { "$($_.Query['pincode'])" -eq 'wrong' }).Count | Should -Be 0
    }
}
