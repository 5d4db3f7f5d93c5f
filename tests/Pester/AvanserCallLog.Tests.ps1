# AVANSER call reporting (issue 8, WebAPI) in the real pwsh against Connect-CallTracking -Provider Avanser -Sandbox:
# Get-CallLog over getCDR (last_id paging, the yes/no switches) and Save-CallRecording over getAudio.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:avan = Connect-CallTracking -Provider Avanser -Sandbox -SandboxCallCount 20000 -Name avan-log -PassThru
    # The sandbox's calls lie in the 60 days before the hour: a year back reaches them all (the default window too).
    $script:since = (Get-Date).AddYears(-1)
}

AfterAll {
    if ($avan) { Disconnect-CallTracking -Connection $avan }
}

Describe 'Get-CallLog on AVANSER' {
    It 'returns 20,000 distinct ids over 20,000 sandbox CDRs' {
        $ids = @(Get-CallLog -Connection $avan -Start $since | ForEach-Object Id)
        $ids.Count | Should -Be 20000
        @($ids | Sort-Object -Unique).Count | Should -Be 20000
    }

    It 'returns every sandbox CDR without -Start (the default window holds them all)' {
        (Get-CallLog -Connection $avan | Measure-Object).Count | Should -Be 20000
    }

    It 'renews a token that expires mid-listing (token flow on a loopback sandbox) and loses no record' {
        $sb = Start-CallTrackingSandbox -Provider Avanser -SandboxCallCount 1500 -SandboxTokenLifetimeSec 1
        try {
            $key = ConvertTo-SecureString sandbox-api-key -AsPlainText -Force
            $secret = ConvertTo-SecureString sandbox-api-secret -AsPlainText -Force
            $token = Connect-CallTracking -Provider Avanser -AccountId 5995 -ApiKey $key -ApiSecret $secret -Name avan-token -PassThru `
                -TelcoBaseUri $sb.BaseUri -WebApiBaseUri $sb.BaseUriFor('Avanser', 'WebApi')
            $n = 0
            # A slow consumer: the token (1 s) expires between pages.
            $ids = @(Get-CallLog -Connection $token -Start $since -PageSize 500 | ForEach-Object {
                $n++; if ($n % 500 -eq 0) { Start-Sleep -Milliseconds 1300 }; $_.Id })
            $ids.Count | Should -Be 1500
            @($ids | Sort-Object -Unique).Count | Should -Be 1500
            @($sb.Requests | Where-Object Operation -eq 'Avanser.signIn').Count | Should -BeGreaterThan 1
            Disconnect-CallTracking -Connection $token
        }
        finally { $sb | Stop-CallTrackingSandbox -Force }
    }

    It 'Export-Csv writes readable cells for the evaluation answers, the features and the raw fields' {
        $path = Join-Path $TestDrive 'calls.csv'
        Get-CallLog -Connection $avan -Start $since -First 20 -Evaluations -Features | Export-Csv -LiteralPath $path -NoTypeInformation
        $rows = @(Import-Csv -LiteralPath $path)
        $rows.Count | Should -Be 20
        $answered = @($rows | Where-Object Evaluations)
        $answered.Count | Should -BeGreaterThan 0
        $answered[0].Evaluations | Should -Match '^eval_\w+=[^;]*(; eval_\w+=[^;]*)*$'
        $rows[0].Raw | Should -Match ('^id=' + $rows[0].Id + '; ')
        $rows | ForEach-Object { $_.Raw + $_.Features + $_.Evaluations | Should -Not -Match 'System\.Collections' }
        (Get-CallLog -Connection $avan -Start $since -First 1).Raw.id | Should -Be $rows[0].Id
    }

    It '-First 7 -PageSize 3 gives the first 7 calls, typed' {
        $calls = @(Get-CallLog -Connection $avan -Start $since -First 7 -PageSize 3)
        $calls.Count | Should -Be 7
        $calls[0] | Should -BeOfType ([CallTracking.Core.Providers.Avanser.AvanserCallRecord])
        $calls[0].Provider | Should -Be 'Avanser'
        $calls[0].Raw['id'] | Should -Be $calls[0].Id
        $calls[0].CreatedAt | Should -Not -BeNullOrEmpty
    }

    It 'the switches fill their properties (-Evaluations -Features -Web -Detailed -LocalTime -Audio)' {
        $calls = @(Get-CallLog -Connection $avan -Start $since -First 50 -Evaluations -Features -Web -Detailed -LocalTime -Audio)
        $withAudio = @($calls | Where-Object RecordingUrl)
        $withAudio.Count | Should -BeGreaterThan 0
        $withAudio[0].Evaluations.Count | Should -BeGreaterThan 0
        $withAudio[0].Features.Count | Should -BeGreaterThan 0
        $withAudio[0].LocalDate | Should -Not -BeNullOrEmpty
        $withAudio[0].UniqueId | Should -Not -BeNullOrEmpty
        @($calls | Where-Object { $_.Web.Source }).Count | Should -BeGreaterThan 0
    }

    It '-Id is NotSupported: the WebAPI has no call by id' {
        { Get-CallLog -Connection $avan -Id 67640001 -ErrorAction Stop } | Should -Throw -ErrorId 'NotSupported,CallTracking.PowerShell.Commands.Calls.GetCallLogCommand'
    }

    It 'an -End before -Start is InvalidArgument' {
        { Get-CallLog -Connection $avan -Start 2024-02-01 -End 2024-01-01 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidArgument,*'
    }
}

Describe 'Save-CallRecording on AVANSER' {
    It 'Get-CallLog -First 5 | Save-CallRecording -Directory writes 5 files (calls with a recording)' {
        $dir = Join-Path $TestDrive 'five'
        $files = @(Get-CallLog -Connection $avan -Start $since -Audio | Where-Object RecordingUrl | Select-Object -First 5 |
                Save-CallRecording -Connection $avan -Directory $dir)
        $files.Count | Should -Be 5
        @(Get-ChildItem -LiteralPath $dir -File).Count | Should -Be 5
        $files[0] | Should -BeOfType ([System.IO.FileInfo])
        $files[0].Extension | Should -Be '.wav'
        $bytes = [System.IO.File]::ReadAllBytes($files[0].FullName)
        $expected = [CallTracking.Sandbox.Avanser.AvanserCalls]::Audio([long]$files[0].BaseName)
        [Convert]::ToBase64String($bytes) | Should -Be ([Convert]::ToBase64String($expected))
        @(Get-ChildItem -LiteralPath $dir -Force -Filter '*.partial').Count | Should -Be 0
    }

    It 'Get-CallLog -First 5 | Save-CallRecording: one file per call with audio, a NotFound error per call without' {
        $dir = Join-Path $TestDrive 'first5'
        $calls = @(Get-CallLog -Connection $avan -Start $since -First 5 -Audio)
        $files = @($calls | Save-CallRecording -Connection $avan -Directory $dir -ErrorAction SilentlyContinue -ErrorVariable errs)
        $files.Count | Should -Be @($calls | Where-Object RecordingUrl).Count
        $errs.Count | Should -Be (5 - $files.Count)
        foreach ($e in $errs) { $e.FullyQualifiedErrorId | Should -Be 'NotFound,CallTracking.PowerShell.Commands.Calls.SaveCallRecordingCommand' }
    }

    It '-Id -Path writes that file; an existing file needs -Force; -WhatIf sends nothing' {
        $id = (Get-CallLog -Connection $avan -Start $since -Audio | Where-Object RecordingUrl | Select-Object -First 1).Id
        $path = Join-Path $TestDrive 'one.wav'
        (Save-CallRecording -Connection $avan -Id $id -Path $path).FullName | Should -Be $path
        { Save-CallRecording -Connection $avan -Id $id -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'OutFileFailed,*'
        Set-Content -LiteralPath $path -Value 'old'
        Save-CallRecording -Connection $avan -Id $id -Path $path -Force | Should -Not -BeNullOrEmpty
        (Get-Item -LiteralPath $path).Length | Should -Be ([CallTracking.Sandbox.Avanser.AvanserCalls]::Audio([long]$id)).Length
        Save-CallRecording -Connection $avan -Id $id -Directory (Join-Path $TestDrive 'whatif') -WhatIf | Should -BeNullOrEmpty
        Test-Path -LiteralPath (Join-Path $TestDrive 'whatif') | Should -BeFalse
    }
}
