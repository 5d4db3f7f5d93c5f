# Connecting to AvidTrak the ways an agency runbook does: accounts piped into Connect-CallTracking (each under its own
# name), a new account's pincode used at once, the sandbox accounts, and a wrong pincode.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:sb = Start-CallTrackingSandbox -Provider AvidTrak -SandboxClientCount 3
    $agencyPin = [pscredential]::new('sandbox-agency', (ConvertTo-SecureString 'sandbox-agency-pin' -AsPlainText -Force))
    $script:agency = Connect-CallTracking -Provider AvidTrak -Credential $agencyPin -BaseUri $sb.BaseUri -Name pipe-agency -PassThru
}

AfterAll {
    Get-CallTrackingConnection | Where-Object { $_.BaseUri -eq $sb.BaseUri } | ForEach-Object { Disconnect-CallTracking -Connection $_ }
    if ($sb) { Stop-CallTrackingSandbox -Sandbox $sb -Force }
}

Describe 'Accounts piped into Connect-CallTracking' {
    It 'Get-CallTrackingClient | Connect-CallTracking connects each client under its user name' {
        $connections = @(Get-CallTrackingClient -Connection $agency | Connect-CallTracking -Provider AvidTrak -BaseUri $sb.BaseUri -PassThru)
        @($connections.Name) | Should -Be @('sandbox-client-1', 'sandbox-client-2', 'sandbox-client-3')
        $balances = @($connections | ForEach-Object { Get-CallTrackingBalance -Connection $_ })
        @($balances.ConnectionName) | Should -Be @('sandbox-client-1', 'sandbox-client-2', 'sandbox-client-3')
        # Each connection signs with its own client's pin (the sandbox answers a client's own balance).
        @($balances.Balance) | Should -Be @(100.00, 100.00, 100.00)
        @(Get-CallTrackingSandboxRequest -Sandbox $sb | Where-Object { $_.Query['pincode'] -ne '***' }).Count | Should -Be 0
    }

    It 'a new account pipes into Connect-CallTracking and its pincode works at once' {
        $password = ConvertTo-SecureString 'Pipe2Connect' -AsPlainText -Force
        $account = New-CallTrackingAccount -Connection $agency -UserId pipe-new -Password $password -AccountType Lite -Email pipe@example.com -Confirm:$false
        $account.Credential | Should -BeOfType [pscredential]
        $connection = $account | Connect-CallTracking -Provider AvidTrak -BaseUri $sb.BaseUri -PassThru
        $connection.Name | Should -Be 'pipe-new'
        (Get-CallTrackingBalance -Connection $connection).Balance | Should -Be 0
    }

    It 'a wrong pincode is an AuthenticationFailed error that try/catch catches, without the pincode' {
        $wrong = ConvertTo-SecureString 'wrong-pin-31337' -AsPlainText -Force
        $c = Connect-CallTracking -Provider AvidTrak -Pincode $wrong -BaseUri $sb.BaseUri -Name pipe-wrong -PassThru
        $caught = $null
        try { Get-CallTrackingBalance -Connection $c -ErrorAction Stop } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
        "$caught $($caught.Exception) $($caught.ErrorDetails) $($caught.TargetObject)" | Should -Not -Match 'wrong-pin-31337'
    }
}

Describe 'Connect-CallTracking -Provider AvidTrak -Sandbox' {
    It 'connects as <Account> (<User>)' -TestCases @(
        @{ Account = 'Agency'; User = 'sandbox-agency' }
        @{ Account = 'Client'; User = 'sandbox-client-1' }
        @{ Account = 'Individual'; User = 'sandbox-individual' }
    ) {
        $c = Connect-CallTracking -Provider AvidTrak -Sandbox -SandboxAccount $Account -Name "sb-$Account" -PassThru
        try {
            $c.UserName | Should -Be $User
            (Get-CallTrackingBalance -Connection $c).Balance | Should -BeGreaterThan 0
        }
        finally { Disconnect-CallTracking -Connection $c }
    }

    It '-SandboxClientCount 0 with -SandboxAccount Client is refused naming both' {
        $err = $null
        try { Connect-CallTracking -Provider AvidTrak -Sandbox -SandboxAccount Client -SandboxClientCount 0 -Name sb-none } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
        $err.Exception.Message | Should -Match '-SandboxAccount'
        $err.Exception.Message | Should -Match 'SandboxClientCount'
    }

    It '-Format Xml makes the sandbox answer in XML' {
        $c = Connect-CallTracking -Provider AvidTrak -Sandbox -Format Xml -Name sb-xml -PassThru
        try {
            $null = Get-CallTrackingBalance -Connection $c
            @(Get-CallTrackingSandboxRequest -Connection $c)[-1].Query['format'] | Should -Be 'xml'
        }
        finally { Disconnect-CallTracking -Connection $c }
    }
}
