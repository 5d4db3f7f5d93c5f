# Loading next to other modules: a session already holds another version of one of the module's dependencies (as
# another module would have loaded it), then imports CallTracking and lists calls. Each case runs in a fresh pwsh,
# because a dependency loaded into this process cannot be unloaded. The other versions come from the NuGet package
# folder, where the test project's PackageDownload items put them (tests/CallTracking.Tests/CallTracking.Tests.csproj).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    # The NuGet package folder: the one the test project restored into (set by PesterSuiteTests), NuGet's own
    # override, then what the SDK reports.
    function Get-NuGetPackageFolder {
        foreach ($candidate in $env:CALLTRACKING_NUGET_PACKAGES, $env:NUGET_PACKAGES) {
            if ($candidate -and (Test-Path -LiteralPath $candidate)) { return $candidate }
        }
        $listed = & dotnet nuget locals global-packages --list 2>$null | Select-String -Pattern '^global-packages:\s*(.+)$'
        if ($listed) { return $listed.Matches[0].Groups[1].Value.Trim() }
        return [IO.Path]::Combine([Environment]::GetFolderPath('UserProfile'), '.nuget', 'packages')
    }

    function Get-PackageAssembly([string] $Id, [string] $Version, [string] $Framework, [string] $FileName) {
        $path = [IO.Path]::Combine((Get-NuGetPackageFolder), $Id.ToLowerInvariant(), $Version, 'lib', $Framework, $FileName)
        if (-not (Test-Path -LiteralPath $path)) {
            throw "$path not found: 'dotnet build' restores it (PackageDownload $Id $Version in tests/CallTracking.Tests/CallTracking.Tests.csproj)."
        }
        $path
    }

    # Loads $Preload first, then imports the module, connects to the sandbox and lists 5 calls; reports what it saw,
    # one key=value a line.
    function Invoke-ImportAfter([string] $Preload, [string] $AssemblyName) {
        $q = { param($s) "'" + ($s -replace "'", "''") + "'" }
        $script = @(
            '$ErrorActionPreference = ''Stop'''
            'if ($PSStyle) { $PSStyle.OutputRendering = ''PlainText'' }'
            ('Add-Type -LiteralPath {0}' -f (& $q $Preload))
            ('Import-Module -Name {0}' -f (& $q $ModuleManifest))
            'Connect-CallTracking -Provider TrackDrive -Sandbox'
            '$calls = @(Get-CallLog -First 5)'
            '"count=" + $calls.Count'
            '"type=" + $calls[0].GetType().FullName'
            '$engine = $calls[0].GetType().Assembly'
            '$context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine)'
            '"engine-context=" + $context.Name'
            ('$name = {0}' -f (& $q $AssemblyName))
            '"module-copy=" + @($context.Assemblies | Where-Object { $_.GetName().Name -eq $name })[0].Location'
            '$default = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { $_.GetName().Name -eq $name }'
            '"preloaded=" + @($default)[0].Location'
        ) -join [Environment]::NewLine
        $out = & $PwshPath -NoProfile -NonInteractive -Command $script 2>&1
        $lines = @($out | ForEach-Object { "$_" })
        $values = @{}
        foreach ($line in $lines) { if ($line -match '^([a-z-]+)=(.*)$') { $values[$Matches[1]] = $Matches[2] } }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = ($lines -join [Environment]::NewLine); Values = $values }
    }

    $script:DependencyFolder = Join-Path $ModuleDir 'Dependencies'
}

Describe 'Importing the module after another version of one of its dependencies' {
    It 'lists calls when an older Microsoft.Extensions.DependencyInjection.Abstractions (6.0) is already loaded' {
        # The module's Microsoft.Extensions.Http asks for 8.0.0.0: in a shared load context the 6.0.0.0 that is
        # already there makes the first connection fail ("The located assembly's manifest definition does not match").
        $preload = Get-PackageAssembly 'Microsoft.Extensions.DependencyInjection.Abstractions' '6.0.0' 'net6.0' 'Microsoft.Extensions.DependencyInjection.Abstractions.dll'
        $r = Invoke-ImportAfter $preload 'Microsoft.Extensions.DependencyInjection.Abstractions'
        $r.ExitCode | Should -Be 0 -Because $r.Text
        $r.Values['count'] | Should -Be '5' -Because $r.Text
        $r.Values['type'] | Should -Be 'CallTracking.Core.Providers.TrackDrive.TrackDriveCallRecord'
        $r.Values['preloaded'] | Should -Be $preload -Because 'the other version stays loaded where it was'
        $r.Values['engine-context'] | Should -Be 'CallTracking' -Because $r.Text
        $r.Values['module-copy'] | Should -Be (Join-Path $DependencyFolder 'Microsoft.Extensions.DependencyInjection.Abstractions.dll')
    }

    It 'lists calls with its own Polly.Core when Polly.Core 8.1.0 is already loaded' {
        # Every Polly.Core 8.x has assembly version 8.0.0.0, so a shared load context would silently run the module
        # on the 8.1.0 that another module brought: the module must keep the 8.5.2 it was built and tested with.
        $preload = Get-PackageAssembly 'Polly.Core' '8.1.0' 'netstandard2.0' 'Polly.Core.dll'
        $r = Invoke-ImportAfter $preload 'Polly.Core'
        $r.ExitCode | Should -Be 0 -Because $r.Text
        $r.Values['count'] | Should -Be '5' -Because $r.Text
        $r.Values['preloaded'] | Should -Be $preload
        $r.Values['engine-context'] | Should -Be 'CallTracking' -Because $r.Text
        $r.Values['module-copy'] | Should -Be (Join-Path $DependencyFolder 'Polly.Core.dll') -Because $r.Text
    }
}
