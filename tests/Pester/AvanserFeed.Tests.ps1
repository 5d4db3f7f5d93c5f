# AVANSER data feed (issue 8, "Data feeds") in the real pwsh: Get-CallDataFeed -Path over the seed's example in JSON, CSV
# and XML gives equal objects; -Uri against a loopback HttpListener started here in a background runspace, with HTTP
# Basic, a 401 that echoes the Authorization header back, and the password in no stream.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:FeedDir = Join-Path $script:RepoRoot 'tests/data/avanser-feed'
    $script:FeedUser = 'feed-user'
    $script:FeedPassword = 'Feed-Pa55-Pester-91'

    function Get-FreePort {
        $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $l.Start(); $p = $l.LocalEndpoint.Port; $l.Stop(); $p
    }

    # A loopback feed server in a background runspace: /feed/calls.json|csv|xml from the test files, HTTP Basic required
    # (a wrong or missing login gets 401 with the Authorization header it received echoed in the body, as a careless
    # server might), /slow/ answers after 5 s. It stops when $server.State.Stop is set.
    function Start-FeedServer([int] $Port) {
        $state = [hashtable]::Synchronized(@{ Stop = $false; Requests = 0; Ready = $false })
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
            param($port, $dir, $user, $password, $state)
            $listener = [System.Net.HttpListener]::new()
            $listener.Prefixes.Add("http://127.0.0.1:$port/")
            $listener.Start()
            $state.Ready = $true
            $expected = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($user):$($password)"))
            try {
                while (-not $state.Stop) {
                    $task = $listener.GetContextAsync()
                    while (-not $task.Wait(200)) { if ($state.Stop) { return } }
                    $ctx = $task.Result
                    $state.Requests++
                    $path = $ctx.Request.Url.AbsolutePath
                    $auth = $ctx.Request.Headers['Authorization']
                    $res = $ctx.Response
                    if ($path -like '/slow/*') { Start-Sleep -Seconds 5 }
                    if ($path -like '/stall/*' -and $auth -eq $expected) {
                        # The first record, then nothing for 3 s, then the rest: a reader that streams has the first record by then.
                        $text = [IO.File]::ReadAllText((Join-Path $dir 'seed-feed.json'))
                        $cut = $text.IndexOf('},') + 2
                        $res.ContentType = 'application/json'
                        $res.SendChunked = $true
                        try {
                            $first = [Text.Encoding]::UTF8.GetBytes($text.Substring(0, $cut))
                            $res.OutputStream.Write($first, 0, $first.Length); $res.OutputStream.Flush()
                            Start-Sleep -Seconds 3
                            $rest = [Text.Encoding]::UTF8.GetBytes($text.Substring($cut))
                            $res.OutputStream.Write($rest, 0, $rest.Length); $res.Close()
                        }
                        catch { }
                        continue
                    }
                    if ($auth -ne $expected) {
                        $res.StatusCode = 401
                        $res.AddHeader('WWW-Authenticate', 'Basic realm="AVANSER"')
                        $body = [Text.Encoding]::UTF8.GetBytes('{"error":"unauthorized","message":"bad login: ' + $auth + '"}')
                    }
                    else {
                        $name = Split-Path -Leaf $path
                        if ($path -like '/untyped/*') { $name = 'calls.json' }
                        $file = Join-Path $dir ('seed-feed' + [IO.Path]::GetExtension($name))
                        if ($name -notmatch '^calls\.(json|csv|xml)$' -or -not (Test-Path $file)) { $res.StatusCode = 404; $body = [byte[]]@() }
                        else {
                            $res.ContentType = @{ '.json' = 'application/json; charset=utf-8'; '.csv' = 'text/csv; charset=utf-8'; '.xml' = 'application/xml; charset=utf-8' }[[IO.Path]::GetExtension($name)]
                            if ($path -like '/untyped/*') { $res.ContentType = 'application/octet-stream' }
                            $body = [IO.File]::ReadAllBytes($file)
                        }
                    }
                    try { $res.OutputStream.Write($body, 0, $body.Length); $res.Close() } catch { }
                }
            }
            finally { $listener.Stop(); $listener.Close() }
        }).AddArgument($Port).AddArgument($script:FeedDir).AddArgument($script:FeedUser).AddArgument($script:FeedPassword).AddArgument($state)
        $handle = $ps.BeginInvoke()
        for ($i = 0; $i -lt 100 -and -not $state.Ready; $i++) { Start-Sleep -Milliseconds 50 }
        [pscustomobject]@{ PowerShell = $ps; Handle = $handle; State = $state; Base = "http://127.0.0.1:$Port" }
    }

    function Stop-FeedServer($server) {
        $server.State.Stop = $true
        try { $null = $server.PowerShell.EndInvoke($server.Handle) } finally { $server.PowerShell.Dispose() }
    }

    function ConvertTo-Comparable($records) { @($records | ForEach-Object { $_ | ConvertTo-Json -Depth 4 -Compress }) }

    $script:Credential = [pscredential]::new($script:FeedUser, (ConvertTo-SecureString -String $script:FeedPassword -AsPlainText -Force))
}

Describe 'Get-CallDataFeed -Path' {
    It 'reads the seed example in JSON, CSV and XML into equal objects' {
        $json = @(Get-CallDataFeed -Path (Join-Path $script:FeedDir 'seed-feed.json'))
        $csv = @(Get-CallDataFeed -Path (Join-Path $script:FeedDir 'seed-feed.csv'))
        $xml = @(Get-CallDataFeed -Path (Join-Path $script:FeedDir 'seed-feed.xml'))
        $json.Count | Should -Be 2
        $json[0] | Should -BeOfType ([CallTracking.Core.Providers.Avanser.AvanserFeedCallRecord])
        $json[0] | Should -BeOfType ([CallTracking.Core.Providers.Avanser.AvanserCallRecord])
        (ConvertTo-Comparable $csv) | Should -Be (ConvertTo-Comparable $json)
        (ConvertTo-Comparable $xml) | Should -Be (ConvertTo-Comparable $json)
        $r = $json[0]
        $r.Id | Should -Be '67643772'
        $r.CreatedAt | Should -Be ([DateTimeOffset]::new(2020, 5, 26, 17, 0, 1, [TimeSpan]::FromHours(10)))
        $r.LocalStartTime.Offset | Should -Be ([TimeSpan]::FromHours(10))
        $r.UnixTime.ToUnixTimeSeconds() | Should -Be 1590476401
        $r.TotalDuration | Should -Be ([TimeSpan]::FromSeconds(17))
        $r.CallerNumber | Should -Be '+61290088888'
        $r.CalledNumber | Should -Be '+61289996235'
        $r.CallParameters.Count | Should -Be 9
        $r.Raw['call_id'] | Should -Be 67643772
        ($json | Format-Table | Out-String) | Should -Match 'LocalStartTime'
    }

    It 'takes files from Get-ChildItem and decides each format from its extension' {
        $all = @(Get-ChildItem -Path $script:FeedDir -Filter 'seed-feed.*' | Get-CallDataFeed)
        $all.Count | Should -Be 6
        @($all.Id | Select-Object -Unique).Count | Should -Be 2
    }

    It 'expands wildcards in -Path' {
        @(Get-CallDataFeed -Path (Join-Path $script:FeedDir 'seed-feed.*')).Count | Should -Be 6
    }

    It 'names the row of a malformed feed, after the records before it' {
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content -LiteralPath $bad -Value '[{"call_id": 1}, {"call_id": 2,, "x": 1}]'
        $records = @(Get-CallDataFeed -Path $bad -ErrorVariable errs -ErrorAction SilentlyContinue)
        $records.Id | Should -Be @('1')
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidFeed,*'
        $errs[0].Exception.Message | Should -Match 'row 2'
        $rows = Join-Path $TestDrive 'rows.csv'
        Set-Content -LiteralPath $rows -Value "call_id,call_status`n1,Missed`n2,Missed,extra`n3,Answered"
        $records = @(Get-CallDataFeed -Path $rows -ErrorVariable errs -ErrorAction SilentlyContinue)
        $records.Id | Should -Be @('1', '3')
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidFeedRow,*'
        $errs[0].Exception.Message | Should -Match 'Row 2'
    }

    It 'refuses an unknown -Format and a missing file with clear errors' {
        { Get-CallDataFeed -Path (Join-Path $script:FeedDir 'seed-feed.json') -Format Yaml } | Should -Throw -ExpectedMessage '*Format*'
        { Get-CallDataFeed -Path (Join-Path $TestDrive 'none.json') } | Should -Throw -ExpectedMessage '*none.json*'
    }
}

Describe 'Get-CallDataFeed -Uri' {
    BeforeAll { $script:Server = Start-FeedServer -Port (Get-FreePort) }
    AfterAll { Stop-FeedServer $script:Server }

    It 'downloads each format with HTTP Basic and gives the same objects as the files' {
        $fromFile = ConvertTo-Comparable (Get-CallDataFeed -Path (Join-Path $script:FeedDir 'seed-feed.json'))
        foreach ($ext in 'json', 'csv', 'xml') {
            $records = @(Get-CallDataFeed -Uri "$($script:Server.Base)/feed/calls.$ext" -Credential $script:Credential)
            (ConvertTo-Comparable $records) | Should -Be $fromFile
        }
        # No telling Content-Type (octet-stream) and no extension: the first character decides.
        $records = @(Get-CallDataFeed -Uri "$($script:Server.Base)/untyped/download" -Credential $script:Credential -Verbose 4>&1)
        ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String) | Should -Match "first character '\['"
        (ConvertTo-Comparable ($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })) | Should -Be $fromFile
    }

    It 'reports a wrong password as AuthenticationFailed, and the password appears in no stream' {
        $wrong = [pscredential]::new($script:FeedUser, (ConvertTo-SecureString -String ($script:FeedPassword + 'x') -AsPlainText -Force))
        $text = Get-AllStreamText {
            Get-CallDataFeed -Uri "$($script:Server.Base)/feed/calls.json" -Credential $wrong -Verbose -Debug
            Get-CallDataFeed -Uri "$($script:Server.Base)/feed/calls.csv" -Credential $script:Credential -Verbose | Out-String
        }
        $text | Should -Match '401'
        $text | Should -Match 'unauthorized'
        $text | Should -Match 'GET http://127\.0\.0\.1'
        $text | Should -Not -Match ([regex]::Escape($script:FeedPassword))
        $b64 = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($script:FeedUser):$($script:FeedPassword)x"))
        $text | Should -Not -Match ([regex]::Escape($b64))
        $text | Should -Not -Match ([regex]::Escape([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($script:FeedUser):$($script:FeedPassword)"))))
        $err = $null
        try { Get-CallDataFeed -Uri "$($script:Server.Base)/feed/calls.json" -Credential $wrong -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
    }

    It 'refuses http:// to another host and a URI with a password in it' {
        { Get-CallDataFeed -Uri 'http://feeds.example.com/calls.json' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*https://*'
        $text = Get-AllStreamText { Get-CallDataFeed -Uri "https://u:$($script:FeedPassword)@feeds.example.com/calls.json" }
        $text | Should -Match 'Credential'
        $text | Should -Not -Match ([regex]::Escape($script:FeedPassword))
    }

    It 'emits the first record while the rest of the feed is still on its way' {
        $sw = [System.Diagnostics.Stopwatch]::StartNew()
        $first = Get-CallDataFeed -Uri "$($script:Server.Base)/stall/calls.json" -Credential $script:Credential | Select-Object -First 1
        $sw.Elapsed.TotalSeconds | Should -BeLessThan 2.5
        $first.Id | Should -Be '67643772'
        Start-Sleep -Seconds 3 # let the server finish its stalled answer
    }

    It 'reports a body that stalls longer than -TimeoutSec after the records before it' {
        $records = @(Get-CallDataFeed -Uri "$($script:Server.Base)/stall/calls.json" -Credential $script:Credential -TimeoutSec 1 -ErrorVariable errs -ErrorAction SilentlyContinue)
        $records.Id | Should -Be @('67643772')
        $errs.Count | Should -Be 1
        $errs[0].Exception.Message | Should -Match 'No data from .* for 1 s'
        Start-Sleep -Seconds 3
    }

    It 'gives up after -TimeoutSec' {
        $sw = [System.Diagnostics.Stopwatch]::StartNew()
        $err = $null
        try { Get-CallDataFeed -Uri "$($script:Server.Base)/slow/calls.json" -Credential $script:Credential -TimeoutSec 1 -ErrorAction Stop } catch { $err = $_ }
        $sw.Elapsed.TotalSeconds | Should -BeLessThan 4
        $err.Exception.Message | Should -Match 'TimeoutSec'
    }
}
