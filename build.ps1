<#
.SYNOPSIS
    Builds, tests, packages or cleans the CallTracking module. Runs in Windows PowerShell 5.1 and PowerShell 7.

.DESCRIPTION
    Build    dotnet build at the repository root; the importable module lands in out/CallTracking.
    Test     Build, then dotnet test (the xunit projects; the xunit wrapper of the Pester suite is filtered out there),
             then the Pester suite (tests/Pester) with Invoke-Pester in a child PowerShell process. Pester 5 is required:
             it is found through CALLTRACKING_PESTER, Get-Module -ListAvailable, or the NuGet package folder (the
             build's restore of the test project downloads Pester there). Exits non-zero when anything fails.
    Package  Build, then out/CallTracking.<version>.nupkg: a NuGet package whose root holds the module files and whose
             .nuspec is generated from the manifest the way PowerShellGet does (tags PSModule, PSCmdlet_<name>, ...), so
             Install-PSResource and Publish-PSResource accept it. PSResourceGet is not needed to build it; when it is
             installed, the package is also verified by saving it from a temporary local repository.
    Clean    dotnet clean and remove out/.

.EXAMPLE
    ./build.ps1                 # Build
    ./build.ps1 -Task Test
    ./build.ps1 -Task Package   # out/CallTracking.0.1.0.nupkg
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [string] $Configuration = 'Release'
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleDir = Join-Path $Out 'CallTracking'
$Manifest = Join-Path $ModuleDir 'CallTracking.psd1'

function Write-Step([string] $Text) {
    Write-Host ('==> ' + $Text) -ForegroundColor Cyan
}

function Invoke-Native {
    # Runs a native command and stops the build when it fails.
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $ArgumentList = @())
    Write-Verbose ($FilePath + ' ' + ($ArgumentList -join ' '))
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw ('{0} {1} failed with exit code {2}.' -f $FilePath, ($ArgumentList -join ' '), $LASTEXITCODE)
    }
}

function Get-PowerShellPath {
    # The PowerShell that runs this script, to run child processes with the same edition. $PSHOME first: for the
    # dotnet-tool install of pwsh the process itself is the dotnet host.
    foreach ($name in 'pwsh.exe', 'pwsh', 'powershell.exe') {
        $candidate = Join-Path $PSHOME $name
        if (Test-Path -LiteralPath $candidate) { return $candidate }
    }
    $path = (Get-Process -Id $PID).Path
    if (-not $path) { $path = 'pwsh' }
    return $path
}

function Invoke-Build {
    Write-Step "dotnet build -c $Configuration"
    Push-Location $Root
    try { Invoke-Native dotnet @('build', '-c', $Configuration, '-nologo') }
    finally { Pop-Location }
    if (-not (Test-Path -LiteralPath $Manifest)) {
        throw "The build finished but $Manifest is missing: the module project should copy the module into out/CallTracking."
    }
    Write-Host "Module: $ModuleDir"
}

function Find-Pester {
    # Pester 5 or later: CALLTRACKING_PESTER, Get-Module -ListAvailable, then the NuGet package folder.
    if ($env:CALLTRACKING_PESTER -and (Test-Path -LiteralPath $env:CALLTRACKING_PESTER)) { return $env:CALLTRACKING_PESTER }
    $installed = Get-Module -ListAvailable -Name Pester |
        Where-Object { $_.Version -ge [version]'5.0' } |
        Sort-Object Version -Descending |
        Select-Object -First 1
    if ($installed) { return $installed.Path }
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $userHome = [Environment]::GetFolderPath('UserProfile')
        $packages = [IO.Path]::Combine($userHome, '.nuget', 'packages')
    }
    $pesterDir = Join-Path $packages 'pester'
    if (Test-Path -LiteralPath $pesterDir) {
        $candidates = Get-ChildItem -LiteralPath $pesterDir -Directory | ForEach-Object {
            $v = $null
            if ([version]::TryParse(($_.Name -split '-')[0], [ref] $v) -and $v.Major -ge 5) {
                $psd1 = [IO.Path]::Combine($_.FullName, 'tools', 'Pester.psd1')
                if (Test-Path -LiteralPath $psd1) { [pscustomobject]@{ Version = $v; Path = $psd1 } }
            }
        } | Sort-Object Version -Descending
        if ($candidates) { return @($candidates)[0].Path }
    }
    return $null
}

function Invoke-PesterSuite {
    $pester = Find-Pester
    if (-not $pester) {
        throw ('Pester 5 was not found (CALLTRACKING_PESTER, Get-Module -ListAvailable, NuGet package folder). ' +
            'dotnet build restores it (PackageDownload in tests/CallTracking.Tests), or: Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser')
    }
    $suite = Join-Path $Root (Join-Path 'tests' 'Pester')
    $resultFile = Join-Path $Out 'TestResults/pester.nunit.xml'
    Write-Step "Invoke-Pester $suite (Pester: $pester)"
    $q = { param($s) "'" + ($s -replace "'", "''") + "'" }
    $script = @(
        '$ErrorActionPreference = ''Stop'''
        '$ProgressPreference = ''SilentlyContinue'''
        ('Import-Module -Name {0} -MinimumVersion 5.0 -Force' -f (& $q $pester))
        '$c = New-PesterConfiguration'
        ('$c.Run.Path = {0}' -f (& $q $suite))
        '$c.Run.PassThru = $true'
        '$c.Output.Verbosity = ''Detailed'''
        '$c.TestResult.Enabled = $true'
        '$c.TestResult.OutputFormat = ''NUnitXml'''
        ('$c.TestResult.OutputPath = {0}' -f (& $q $resultFile))
        '$r = Invoke-Pester -Configuration $c'
        'Write-Host (''Pester: {0} passed, {1} failed, {2} skipped'' -f $r.PassedCount, $r.FailedCount, $r.SkippedCount)'
        'exit ([Math]::Min(255, $r.FailedCount + $r.FailedBlocksCount + $r.FailedContainersCount))'
    ) -join [Environment]::NewLine
    $null = New-Item -ItemType Directory -Force -Path (Split-Path $resultFile)
    & (Get-PowerShellPath) -NoProfile -NonInteractive -Command $script
    if ($LASTEXITCODE -ne 0) { throw "The Pester suite failed ($LASTEXITCODE failed tests, blocks or containers); results: $resultFile" }
}

function Invoke-Test {
    Invoke-Build
    Write-Step "dotnet test -c $Configuration (the Pester suite runs next, directly)"
    Push-Location $Root
    try {
        Invoke-Native dotnet @('test', '-c', $Configuration, '--no-build', '-nologo',
            '--filter', 'FullyQualifiedName!~CallTracking.Tests.Pester')
    }
    finally { Pop-Location }
    Invoke-PesterSuite
}

# ---------------------------------------------------------------- packaging

function ConvertTo-XmlText([string] $Text) {
    if ($null -eq $Text) { return '' }
    return [Security.SecurityElement]::Escape($Text)
}

function Get-ExportedCommandNames($Data) {
    # Names of the exported cmdlets/functions, from the manifest or (if it uses wildcards) by importing the module.
    $names = @{}
    foreach ($key in 'CmdletsToExport', 'FunctionsToExport') {
        if ($Data.ContainsKey($key) -and $Data[$key]) {
            foreach ($n in @($Data[$key])) { $names[$n] = $key }
        }
    }
    $wild = @($names.Keys | Where-Object { $_ -match '[\*\?]' })
    if ($names.Count -eq 0 -or $wild.Count -gt 0) {
        $script = "(Import-Module -Name '$($Manifest -replace "'", "''")' -PassThru).ExportedCommands.Values | ForEach-Object { `$_.CommandType.ToString() + ':' + `$_.Name }"
        $names = @{}
        foreach ($line in (& (Get-PowerShellPath) -NoProfile -NonInteractive -Command $script)) {
            $kind, $name = $line -split ':', 2
            if ($kind -eq 'Cmdlet') { $names[$name] = 'CmdletsToExport' } else { $names[$name] = 'FunctionsToExport' }
        }
    }
    return $names
}

function New-NuspecXml($Data, [string] $Version) {
    $psData = @{}
    if ($Data.ContainsKey('PrivateData') -and $Data.PrivateData -and $Data.PrivateData.ContainsKey('PSData') -and $Data.PrivateData.PSData) {
        $psData = $Data.PrivateData.PSData
    }
    $commands = Get-ExportedCommandNames $Data
    # Tags as PowerShellGet writes them: PSModule, editions, PSIncludes_*, PSCmdlet_/PSFunction_ and PSCommand_ per command.
    $tags = New-Object System.Collections.Generic.List[string]
    $tags.Add('PSModule')
    if ($psData.ContainsKey('Tags')) { foreach ($t in @($psData.Tags)) { if ($t -and -not $tags.Contains($t)) { $tags.Add($t) } } }
    if ($Data.ContainsKey('CompatiblePSEditions')) { foreach ($e in @($Data.CompatiblePSEditions)) { if (-not $tags.Contains('PSEdition_' + $e)) { $tags.Add('PSEdition_' + $e) } } }
    $cmdlets = @($commands.Keys | Where-Object { $commands[$_] -eq 'CmdletsToExport' } | Sort-Object)
    $functions = @($commands.Keys | Where-Object { $commands[$_] -eq 'FunctionsToExport' } | Sort-Object)
    if ($cmdlets.Count) { $tags.Add('PSIncludes_Cmdlet') }
    if ($functions.Count) { $tags.Add('PSIncludes_Function') }
    foreach ($c in $cmdlets) { $tags.Add('PSCmdlet_' + $c) }
    foreach ($f in $functions) { $tags.Add('PSFunction_' + $f) }
    foreach ($c in @($cmdlets + $functions)) { $tags.Add('PSCommand_' + $c) }

    $authors = 'CallTracking contributors'
    if ($Data.ContainsKey('Author') -and $Data.Author) { $authors = $Data.Author }
    $owners = $authors
    if ($Data.ContainsKey('CompanyName') -and $Data.CompanyName -and $Data.CompanyName -ne 'Unknown') { $owners = $Data.CompanyName }
    $description = 'CallTracking PowerShell module'
    if ($Data.ContainsKey('Description') -and $Data.Description) { $description = $Data.Description }

    $optional = New-Object System.Text.StringBuilder
    foreach ($pair in @(@('ProjectUri', 'projectUrl'), @('LicenseUri', 'licenseUrl'), @('IconUri', 'iconUrl'), @('ReleaseNotes', 'releaseNotes'))) {
        if ($psData.ContainsKey($pair[0]) -and $psData[$pair[0]]) {
            $null = $optional.AppendFormat('    <{0}>{1}</{0}>{2}', $pair[1], (ConvertTo-XmlText ([string]$psData[$pair[0]])), "`n")
        }
    }
    if ($Data.ContainsKey('Copyright') -and $Data.Copyright) {
        $null = $optional.AppendFormat('    <copyright>{0}</copyright>{1}', (ConvertTo-XmlText $Data.Copyright), "`n")
    }
    $dependencies = New-Object System.Text.StringBuilder
    if ($Data.ContainsKey('RequiredModules') -and $Data.RequiredModules) {
        foreach ($m in @($Data.RequiredModules)) {
            if ($m -is [string]) { $null = $dependencies.AppendFormat('      <dependency id="{0}" />{1}', (ConvertTo-XmlText $m), "`n") }
            else {
                $v = ''
                if ($m.ContainsKey('RequiredVersion')) { $v = '[' + $m.RequiredVersion + ']' }
                elseif ($m.ContainsKey('ModuleVersion')) { $v = $m.ModuleVersion }
                $null = $dependencies.AppendFormat('      <dependency id="{0}" version="{1}" />{2}', (ConvertTo-XmlText $m.ModuleName), (ConvertTo-XmlText $v), "`n")
            }
        }
    }
    return @"
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
  <metadata>
    <id>CallTracking</id>
    <version>$(ConvertTo-XmlText $Version)</version>
    <authors>$(ConvertTo-XmlText $authors)</authors>
    <owners>$(ConvertTo-XmlText $owners)</owners>
    <requireLicenseAcceptance>false</requireLicenseAcceptance>
    <description>$(ConvertTo-XmlText $description)</description>
$($optional.ToString())    <tags>$(ConvertTo-XmlText ($tags -join ' '))</tags>
    <dependencies>
$($dependencies.ToString())    </dependencies>
  </metadata>
</package>
"@
}

function Add-ZipText($Zip, [string] $Name, [string] $Text) {
    $entry = $Zip.CreateEntry($Name, [IO.Compression.CompressionLevel]::Optimal)
    $stream = $entry.Open()
    try {
        $bytes = (New-Object System.Text.UTF8Encoding($false)).GetBytes($Text)
        $stream.Write($bytes, 0, $bytes.Length)
    }
    finally { $stream.Dispose() }
}

function Add-ZipFile($Zip, [string] $Name, [string] $Path) {
    $entry = $Zip.CreateEntry($Name, [IO.Compression.CompressionLevel]::Optimal)
    $entry.LastWriteTime = (Get-Item -LiteralPath $Path).LastWriteTime
    $target = $entry.Open()
    $source = [IO.File]::OpenRead($Path)
    try { $source.CopyTo($target) }
    finally { $source.Dispose(); $target.Dispose() }
}

function Invoke-Package {
    Invoke-Build
    Add-Type -AssemblyName System.IO.Compression
    Add-Type -AssemblyName System.IO.Compression.FileSystem

    $data = Import-PowerShellDataFile -LiteralPath $Manifest
    $version = [string]$data.ModuleVersion
    $prerelease = $null
    if ($data.ContainsKey('PrivateData') -and $data.PrivateData -and $data.PrivateData.ContainsKey('PSData') -and
        $data.PrivateData.PSData -and $data.PrivateData.PSData.ContainsKey('Prerelease') -and $data.PrivateData.PSData.Prerelease) {
        $prerelease = [string]$data.PrivateData.PSData.Prerelease
        $version = $version + '-' + $prerelease.TrimStart('-')
    }
    $package = Join-Path $Out ("CallTracking.$version.nupkg")
    Write-Step "Packaging $package"
    if (Test-Path -LiteralPath $package) { Remove-Item -LiteralPath $package -Force }

    $nuspec = New-NuspecXml $data $version
    $files = @(Get-ChildItem -LiteralPath $ModuleDir -Recurse -File | Where-Object { $_.Extension -ne '.nupkg' })
    $moduleRoot = (Resolve-Path -LiteralPath $ModuleDir).ProviderPath.TrimEnd('\', '/')
    $extensions = @{}
    $overrides = New-Object System.Collections.Generic.List[string]
    $entries = New-Object System.Collections.Generic.List[object]
    foreach ($f in $files) {
        $relative = $f.FullName.Substring($moduleRoot.Length + 1).Replace('\', '/')
        $entries.Add(@($relative, $f.FullName))
        if ($f.Extension) { $extensions[$f.Extension.TrimStart('.').ToLowerInvariant()] = $true }
        else { $overrides.Add('/' + $relative) }
    }
    $extensions['nuspec'] = $true
    $coreId = [guid]::NewGuid().ToString('N')
    $coreProps = "package/services/metadata/core-properties/$coreId.psmdcp"
    $contentTypes = New-Object System.Text.StringBuilder
    $null = $contentTypes.Append('<?xml version="1.0" encoding="utf-8"?>' + "`n" +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' + "`n" +
        '  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />' + "`n" +
        '  <Default Extension="psmdcp" ContentType="application/vnd.openxmlformats-package.core-properties+xml" />' + "`n")
    foreach ($ext in ($extensions.Keys | Sort-Object)) {
        $null = $contentTypes.AppendFormat('  <Default Extension="{0}" ContentType="application/octet" />{1}', (ConvertTo-XmlText $ext), "`n")
    }
    foreach ($o in $overrides) {
        $null = $contentTypes.AppendFormat('  <Override PartName="{0}" ContentType="application/octet" />{1}', (ConvertTo-XmlText $o), "`n")
    }
    $null = $contentTypes.Append('</Types>')
    $rels = @"
<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/CallTracking.nuspec" Id="R$($coreId.Substring(0, 16))" />
  <Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="/$coreProps" Id="R$($coreId.Substring(16, 16))" />
</Relationships>
"@
    $authors = ([xml]$nuspec).package.metadata.authors
    $description = ([xml]$nuspec).package.metadata.description
    $tagText = ([xml]$nuspec).package.metadata.tags
    $core = @"
<?xml version="1.0" encoding="utf-8"?>
<coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties">
  <dc:creator>$(ConvertTo-XmlText $authors)</dc:creator>
  <dc:description>$(ConvertTo-XmlText $description)</dc:description>
  <dc:identifier>CallTracking</dc:identifier>
  <version>$(ConvertTo-XmlText $version)</version>
  <keywords>$(ConvertTo-XmlText $tagText)</keywords>
  <lastModifiedBy>build.ps1</lastModifiedBy>
</coreProperties>
"@

    $null = New-Item -ItemType Directory -Force -Path $Out
    $zip = [IO.Compression.ZipFile]::Open($package, [IO.Compression.ZipArchiveMode]::Create)
    try {
        Add-ZipText $zip '_rels/.rels' $rels
        Add-ZipText $zip 'CallTracking.nuspec' $nuspec
        foreach ($e in $entries) { Add-ZipFile $zip $e[0] $e[1] }
        Add-ZipText $zip $coreProps $core
        Add-ZipText $zip '[Content_Types].xml' $contentTypes.ToString()
    }
    finally { $zip.Dispose() }

    Test-Package $package $version $entries
    Write-Host "Package: $package"
}

function Test-Package([string] $Package, [string] $Version, $Entries) {
    # Lists the package's entries and checks the parts that PowerShellGet/PSResourceGet rely on.
    $zip = [IO.Compression.ZipFile]::OpenRead($Package)
    try {
        $names = @($zip.Entries | ForEach-Object { $_.FullName })
        Write-Host ("{0} entries:" -f $names.Count)
        foreach ($n in $names) { Write-Host ('  ' + $n) }
        $required = @('[Content_Types].xml', '_rels/.rels', 'CallTracking.nuspec', 'CallTracking.psd1') + @($Entries | ForEach-Object { $_[0] })
        $missing = @($required | Where-Object { $names -notcontains $_ })
        if ($missing.Count) { throw ('The package lacks: ' + ($missing -join ', ')) }
        $reader = New-Object IO.StreamReader(($zip.Entries | Where-Object { $_.FullName -eq 'CallTracking.nuspec' }).Open())
        try { [xml]$spec = $reader.ReadToEnd() } finally { $reader.Dispose() }
        if ($spec.package.metadata.id -ne 'CallTracking' -or $spec.package.metadata.version -ne $Version) {
            throw "The nuspec names $($spec.package.metadata.id) $($spec.package.metadata.version), expected CallTracking $Version."
        }
        if (($spec.package.metadata.tags -split ' ') -notcontains 'PSModule') { throw 'The nuspec lacks the PSModule tag.' }
    }
    finally { $zip.Dispose() }

    $psrg = Get-Module -ListAvailable -Name Microsoft.PowerShell.PSResourceGet | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $psrg) {
        Write-Host 'Microsoft.PowerShell.PSResourceGet is not installed: skipped the Find/Save-PSResource check.'
        return
    }
    Write-Step "Verifying with PSResourceGet $($psrg.Version) (temporary local repository)"
    $repoName = 'CallTrackingBuild' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $temp = Join-Path ([IO.Path]::GetTempPath()) $repoName
    $feed = Join-Path $temp 'feed'
    $saved = Join-Path $temp 'saved'
    $null = New-Item -ItemType Directory -Force -Path $feed, $saved
    Copy-Item -LiteralPath $Package -Destination $feed
    $q = { param($s) "'" + ($s -replace "'", "''") + "'" }
    $script = @(
        '$ErrorActionPreference = ''Stop'''
        '$ProgressPreference = ''SilentlyContinue'''
        ('Import-Module -Name {0}' -f (& $q $psrg.Path))
        ('Register-PSResourceRepository -Name {0} -Uri {1} -Trusted' -f (& $q $repoName), (& $q $feed))
        'try {'
        ('  $found = Find-PSResource -Name CallTracking -Repository {0} -Prerelease' -f (& $q $repoName))
        '  Write-Host (''Find-PSResource: {0} {1}; tags: {2}'' -f $found.Name, $found.Version, (@($found.Tags) -join '' ''))'
        ('  Save-PSResource -Name CallTracking -Repository {0} -Path {1} -Prerelease -TrustRepository' -f (& $q $repoName), (& $q $saved))
        ('  $psd1 = Get-ChildItem -LiteralPath {0} -Recurse -Filter CallTracking.psd1 | Select-Object -First 1' -f (& $q $saved))
        '  if (-not $psd1) { throw ''Save-PSResource did not produce CallTracking.psd1'' }'
        '  $m = Import-Module -Name $psd1.FullName -PassThru'
        '  Write-Host (''Save-PSResource + Import-Module: {0} {1}, {2} commands'' -f $m.Name, $m.Version, $m.ExportedCommands.Count)'
        ('}} finally {{ Unregister-PSResourceRepository -Name {0} }}' -f (& $q $repoName))
    ) -join [Environment]::NewLine
    try {
        & (Get-PowerShellPath) -NoProfile -NonInteractive -Command $script
        if ($LASTEXITCODE -ne 0) { throw "PSResourceGet could not find, save or import the package (exit code $LASTEXITCODE)." }
    }
    finally { Remove-Item -LiteralPath $temp -Recurse -Force -ErrorAction SilentlyContinue }
}

function Invoke-Clean {
    Write-Step 'dotnet clean'
    Push-Location $Root
    try { Invoke-Native dotnet @('clean', '-c', $Configuration, '-nologo', '-v', 'q') }
    finally { Pop-Location }
    if (Test-Path -LiteralPath $Out) { Remove-Item -LiteralPath $Out -Recurse -Force }
    Write-Host "Removed $Out"
}

try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Package' { Invoke-Package }
        'Clean' { Invoke-Clean }
    }
}
catch {
    Write-Host ('build.ps1 {0} failed: {1}' -f $Task, $_.Exception.Message) -ForegroundColor Red
    exit 1
}
exit 0
