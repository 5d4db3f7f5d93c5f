# The example scripts run as a user would run them (a fresh pwsh, the built module) and show what they promise.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    function Invoke-Example([string] $Name, [string[]] $Arguments = @()) {
        $script = Join-Path $RepoRoot "examples/$Name"
        $output = & $PwshPath -NoProfile -NonInteractive -File $script @Arguments 2>&1 | Out-String
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output }
    }
}

Describe 'examples/sandbox-tour.ps1' {
    It 'runs to the end against the TrackDrive sandbox' {
        $run = Invoke-Example 'sandbox-tour.ps1' @('-CallCount', '2000')
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'Done\.'
    }
}

Describe 'examples/avidtrak-tour.ps1' {
    It 'runs to the end in <Format>: clients, balances, a -WhatIf purchase and bulk forwarding in a few requests' -TestCases @(
        @{ Format = 'Json' }, @{ Format = 'Xml' }
    ) {
        $run = Invoke-Example 'avidtrak-tour.ps1' @('-ForwardingRows', '300', '-Format', $Format)
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'sandbox-client-1'
        $run.Output | Should -Match 'What if: .*Purchase 2 local numbers'
        $run.Output | Should -Match '300 rows -> 300 result rows, 300 succeeded, in 4 requests'
        $run.Output | Should -Not -Match 'sandbox-agency-pin|sandbox-client-\d-pin'
        $run.Output | Should -Match 'Done\.'
    }
}

Describe 'examples/avanser-tour.ps1' {
    It 'runs to the end: call records by last_id, recordings, a callback URL, three callbacks received, the feed' {
        $run = Invoke-Example 'avanser-tour.ps1' @('-CallCount', '3000')
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match '(\d+) calls, \1 distinct ids'
        $run.Output | Should -Match '\d+\.wav'
        $run.Output | Should -Match '\[\[callid\]\]'
        $run.Output | Should -Match '3 callbacks received'
        $run.Output | Should -Match 'PR\d+ +new +completed'
        $run.Output | Should -Not -Match 'sandbox-password'
        $run.Output | Should -Match 'Done\.'
    }
}
