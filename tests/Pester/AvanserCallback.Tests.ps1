# AVANSER HTTP callbacks and SMS forwards (issue 8) in the real pwsh: Receive-CallEvent receiving callbacks sent from a
# background runspace, ConvertFrom-CallbackUri over a log file, New-CallbackUriTemplate round trips.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    function Get-FreePort {
        $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $l.Start(); $p = $l.LocalEndpoint.Port; $l.Stop(); $p
    }

    # Sends each URL with Invoke-WebRequest from a background runspace once the listener answers; returns the handle.
    function Start-Sender([string[]] $Urls) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
            param($urls)
            $codes = foreach ($u in $urls) {
                $code = $null
                for ($i = 0; $i -lt 100 -and -not $code; $i++) {
                    try { $code = (Invoke-WebRequest -Uri $u -UseBasicParsing -TimeoutSec 5).StatusCode }
                    catch {
                        if ($_.Exception.Response) { $code = [int]$_.Exception.Response.StatusCode }
                        else { Start-Sleep -Milliseconds 100 }
                    }
                }
                $code
            }
            $codes
        }).AddArgument($Urls)
        [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
    }

    function Wait-Sender($sender) {
        try { @($sender.PowerShell.EndInvoke($sender.Handle)) } finally { $sender.PowerShell.Dispose() }
    }

    # A value for each tag, so that each can be found again in its property.
    function Get-SampleValue([string] $Tag) {
        switch -Regex ($Tag) {
            '^(clientid|callid|callcode)$' { return '12' }
            '^duration$' { return '17' }
            '^(unixtime|ucalldate)$' { return '1590476401' }
            '^(tzdate|call:utcdate)$' { return '2020-05-26T17:00:01+1000' }
            '^calldate$' { return '26/05/2020' }
            '^(ani|bnum|target)$|e164$' { return '+61-0290088888' }
            '^sentiment:(highRisk|badAttitude|slangUsed|profanityUsed)$' { return 'yes' }
            '^sentiment:(score|agent|caller|communication|conduct|politeness)$' { return '0.75' }
            default { return "value of $Tag" }
        }
    }
}

Describe 'Receive-CallEvent' {
    It 'Receive-CallEvent -Count 3 receives three callbacks the sandbox sends (Send-CallTrackingSandboxEvent -NoWait), typed' {
        $avan = Connect-CallTracking -Provider Avanser -Sandbox -Name cb-send -PassThru
        try {
            $port = Get-FreePort
            Send-CallTrackingSandboxEvent -Connection $avan -Uri "http://127.0.0.1:$port/avanser/call" -Count 3 -NoWait
            $records = @(Receive-CallEvent -Port $port -Path /avanser/call -Count 3 -TimeoutSec 60)
            $records.Count | Should -Be 3
            $records | ForEach-Object { $_ | Should -BeOfType ([CallTracking.Core.Providers.Avanser.AvanserCallRecord]) }
            @($records.Id | Sort-Object -Unique).Count | Should -Be 3
            $records | ForEach-Object { $_.CalledNumber | Should -Match '^\+61\d{9}$'; $_.CreatedAt | Should -Not -BeNullOrEmpty; $_.CustomId | Should -Match '^ad-' }
            # The tags of the seed list came filled in: the sentiment family is typed.
            $records[0].Sentiment.Score | Should -BeOfType ([double])
            $records[0].ClientId | Should -Be 5995

            # SMS forwards, the sender waiting in the foreground while the listener runs in a thread job.
            $smsPort = Get-FreePort
            $module = (Get-Module CallTracking).Path
            $job = Start-ThreadJob { param($p, $m) Import-Module $m; Receive-CallEvent -Port $p -Count 2 -TimeoutSec 60 } -ArgumentList $smsPort, $module
            $sent = @(Send-CallTrackingSandboxEvent -Connection $avan -Uri "http://127.0.0.1:$smsPort/" -Count 2 -Kind Sms)
            $sent.StatusCode | Should -Be @(200, 200)
            $sms = @(Receive-Job $job -Wait -AutoRemoveJob)
            $sms.Count | Should -Be 2
            $sms | ForEach-Object { $_.GetType().Name | Should -Be 'AvanserSmsForward'; $_.ReceivedAt | Should -Not -BeNullOrEmpty; $_.FromNumber | Should -Match '^\+614' }
        }
        finally { Disconnect-CallTracking -Connection $avan }
    }

    It 'receives the test call the sandbox makes to each new service''s callback URI, one distinct call each' {
        $avan = Connect-CallTracking -Provider Avanser -Sandbox -SandboxProvisioningDelaySec 1 -Name cb-test-call -PassThru
        try {
            $port = Get-FreePort
            $template = New-CallbackUriTemplate -BaseUri "http://127.0.0.1:$port/cb"
            $requests = 1..3 | ForEach-Object { New-TrackingNumber -Connection $avan -ServiceType Transfer -AnswerPoint 0299990000 -CustomId "tc-$_" -CallbackUri $template }
            $records = @(Receive-CallEvent -Port $port -Path /cb -Count 3 -TimeoutSec 60)
            $records.Count | Should -Be 3
            @($records.Id | Sort-Object -Unique).Count | Should -Be 3
            ($records.CustomId | Sort-Object) | Should -Be @('tc-1', 'tc-2', 'tc-3')
            ($records.CalledNumber | Sort-Object) | Should -Be @($requests.Number | Sort-Object)
        }
        finally { Disconnect-CallTracking -Connection $avan }
    }

    It 'Send-CallTrackingSandboxEvent completes -Kind with the kinds of the current sandbox connection' {
        $avan = Connect-CallTracking -Provider Avanser -Sandbox -Name cb-complete -PassThru
        try {
            $line = 'Send-CallTrackingSandboxEvent -Kind '
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('Call', 'Sms')
        }
        finally { Disconnect-CallTracking -Connection $avan }
    }

    It 'Send-CallTrackingSandboxEvent refuses another host, an unknown kind and a port nothing listens on, naming the parameter' {
        $avan = Connect-CallTracking -Provider Avanser -Sandbox -Name cb-send-bad -PassThru
        try {
            { Send-CallTrackingSandboxEvent -Connection $avan -Uri http://example.com/cb -ErrorAction Stop } | Should -Throw '*-Uri*loopback*'
            { Send-CallTrackingSandboxEvent -Connection $avan -Uri http://127.0.0.1:9/ -Kind Fax -ErrorAction Stop } | Should -Throw '*-Kind*Call, Sms*'
            { Send-CallTrackingSandboxEvent -Connection $avan -Uri "http://127.0.0.1:$(Get-FreePort)/" -TimeoutSec 1 -ErrorAction Stop } | Should -Throw '*-Uri*nothing took a connection*'
        }
        finally { Disconnect-CallTracking -Connection $avan }
    }

    It 'receives three callbacks sent from a background runspace and emits three typed records' {
        $port = Get-FreePort
        $base = "http://127.0.0.1:$port/avanser/call/"
        $sender = Start-Sender @(1..3 | ForEach-Object { "$($base)?callid=$_&bnum=%2B61-0289996235&ani=%2B61-0290088888&duration=1$_&callstatus=Answered" })
        $records = @(Receive-CallEvent -Port $port -Path /avanser/call -Count 3 -TimeoutSec 60)
        $codes = Wait-Sender $sender
        $codes | Should -Be @(200, 200, 200)
        $records.Count | Should -Be 3
        $records | ForEach-Object { $_ | Should -BeOfType ([CallTracking.Core.Providers.Avanser.AvanserCallRecord]) }
        ($records.Id | Sort-Object) | Should -Be @('1', '2', '3')
        $records[0].CalledNumber | Should -Be '+61289996235'
        $records[0].TotalDuration | Should -BeOfType ([timespan])
        ($records | Format-Table | Out-String) | Should -Match 'CalledNumber'
    }

    It 'answers 403 without the token, emits only the request with it, and never shows the token' {
        $port = Get-FreePort
        $base = "http://127.0.0.1:$port/"
        $secret = ConvertTo-SecureString -String 'Tok-Pester-77' -AsPlainText -Force
        $sender = Start-Sender @("$($base)?callid=1", "$($base)?callid=2&token=nope", "$($base)?callid=3&token=Tok-Pester-77", "$($base)?foo=bar&token=Tok-Pester-77")
        $verbose = $null
        $records = @(Receive-CallEvent -Port $port -Token $secret -TimeoutSec 8 -Verbose -ErrorVariable bad -ErrorAction SilentlyContinue 4>&1 | Tee-Object -Variable all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $codes = Wait-Sender $sender
        $codes | Should -Be @(403, 403, 200, 400)
        $records.Count | Should -Be 1
        $records[0].Id | Should -Be '3'
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'NotACallback,*'
        ($all | Out-String) + ($bad | Out-String) + $records[0].SourceUri | Should -Not -Match 'Tok-Pester-77'
    }

    It 'stops at -TimeoutSec with nothing received' {
        $sw = [System.Diagnostics.Stopwatch]::StartNew()
        @(Receive-CallEvent -Port (Get-FreePort) -TimeoutSec 1).Count | Should -Be 0
        $sw.Elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It '-ListenAddress * listens on every interface (a warning without -Token); a bad address names the parameter' {
        $avan = Connect-CallTracking -Provider Avanser -Sandbox -Name cb-any -PassThru
        try {
            $port = Get-FreePort
            Send-CallTrackingSandboxEvent -Connection $avan -Uri "http://127.0.0.1:$port/any" -Count 2 -NoWait
            $records = @(Receive-CallEvent -Port $port -Path /any -ListenAddress * -Count 2 -TimeoutSec 60 -WarningVariable warned -WarningAction SilentlyContinue)
            $records.Count | Should -Be 2
            ($warned -join ' ') | Should -Match 'without -Token'
            { Receive-CallEvent -Port $port -ListenAddress 'no such host!' -TimeoutSec 1 -ErrorAction Stop } | Should -Throw '*-ListenAddress*'
        }
        finally { Disconnect-CallTracking -Connection $avan }
    }

    It 'refuses a plain-text token and a bad port with the parameter named' {
        { Receive-CallEvent -Port 8080 -Token 'plain' -TimeoutSec 1 } | Should -Throw -ExpectedMessage '*Token*'
        { Receive-CallEvent -Port 70000 -TimeoutSec 1 } | Should -Throw -ExpectedMessage '*Port*'
    }
}

Describe 'ConvertFrom-CallbackUri' {
    It 'streams a log file through Get-Content, one record per callback, an error naming each other line' {
        $log = Join-Path $TestDrive 'access.log'
        @(
            '203.0.113.9 - - [26/May/2020:17:00:18 +1000] "GET /avanser/call?callid=101&bnum=%2B61-0289996235&ani=Private&duration=17 HTTP/1.1" 200 2 "-" "AVANSER"'
            '203.0.113.9 - - [26/May/2020:17:00:19 +1000] "GET /favicon.ico HTTP/1.1" 404 0 "-" "Mozilla"'
            ''
            '2020-05-26T07:01:00Z callback https://www.example.com/avanser/call?callid=102&tzdate=2020-05-26T17:01:00%2B1000 ok'
            '203.0.113.9 - - [26/May/2020:17:02:00 +1000] "GET /avanser/sms?message=Call%20me&ani=0412345678&bnum=%2B61-0491570006 HTTP/1.1" 200 2'
        ) | Set-Content -LiteralPath $log
        $out = @(Get-Content -LiteralPath $log | ConvertFrom-CallbackUri -ErrorVariable bad -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 3
        $out[0].Id | Should -Be '101'
        $out[0].CallerPrivate | Should -BeTrue
        $out[1].CreatedAt | Should -Be ([datetimeoffset]'2020-05-26T17:01:00+10:00')
        $out[2] | Should -BeOfType ([CallTracking.Core.Providers.Avanser.AvanserSmsForward])
        $out[2].FromNumber | Should -Be '+61412345678'
        $bad.Count | Should -Be 1
        $bad[0].Exception.Message | Should -Match '^Line 2 '
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'NotACallback,*'
        @(Get-Content -LiteralPath $log | ConvertFrom-CallbackUri -SkipInvalid -ErrorAction Stop).Count | Should -Be 3
        # One multi-line string (Get-Content -Raw) is read line by line, with the same line numbers.
        $raw = @(Get-Content -LiteralPath $log -Raw | ConvertFrom-CallbackUri -ErrorVariable bad2 -ErrorAction SilentlyContinue)
        $raw.Count | Should -Be 3
        $raw[2].LineNumber | Should -Be 5
        $bad2[0].Exception.Message | Should -Match '^Line 2 '
    }

    It 'makes the first bad line catchable with -ErrorAction Stop' {
        { 'no url here' | ConvertFrom-CallbackUri -ErrorAction Stop } | Should -Throw -ErrorId 'NotACallback,CallTracking.PowerShell.Commands.Callbacks.ConvertFromCallbackUriCommand'
    }
}

Describe 'New-CallbackUriTemplate' {
    It '-All round-trips through ConvertFrom-CallbackUri with every tag in a property' {
        $template = New-CallbackUriTemplate -BaseUri https://www.example.com/avanser/call -All
        $template.Tags.Count | Should -Be ([CallTracking.Core.Providers.Avanser.AvanserApi]::CallbackTags.Count)
        "$template" | Should -Be $template.CallbackUri
        # What AVANSER would call: each [[tag]] replaced by a value.
        $filled = [regex]::Replace($template.CallbackUri, '\[\[([^\]]+)\]\]', { param($m) [uri]::EscapeDataString((Get-SampleValue $m.Groups[1].Value)) })
        $filled | Should -Not -Match '\[\['
        $record = ConvertFrom-CallbackUri $filled
        $record | Should -BeOfType ([CallTracking.Core.Providers.Avanser.AvanserCallRecord])
        foreach ($d in [CallTracking.Core.Providers.Avanser.AvanserApi]::CallbackTagDefinitions) {
            $value = $record
            foreach ($segment in $d.Property.Split('.')) {
                if ($segment -match '^(\w+)\[(\d+)\]$') { $value = $value.($Matches[1]) | Where-Object Index -eq ([int]$Matches[2]) }
                else { $value = $value.$segment }
            }
            $value | Should -Not -BeNullOrEmpty -Because "$($d.Placeholder) should land in $($d.Property)"
        }
        $record.Sentiment.HighRisk | Should -BeTrue
        $record.Sentiment.Score | Should -Be 0.75
    }

    It 'completes -Tag from the seed list and refuses a tag outside it, naming the parameter' {
        $line = 'New-CallbackUriTemplate https://h.example/p -Tag sentiment:t'
        $c = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $c.CompletionMatches.CompletionText | Should -Contain 'sentiment:talkMost'
        { New-CallbackUriTemplate https://h.example/p -Tag nope } | Should -Throw -ExpectedMessage "*'Tag'*nope*callid*"
        { New-CallbackUriTemplate ftp://h.example/p -ErrorAction Stop } | Should -Throw -ExpectedMessage '*-BaseUri*ftp://h.example/p*http*'
    }

    It 'defaults to the tags of the example URL' {
        $t = New-CallbackUriTemplate https://h.example/p
        $t.CallbackUri | Should -Match 'custom_id=\[\[tag\]\]&custom_group=\[\[curl\]\]$'
        $t.Tags.Count | Should -Be 17
    }
}
