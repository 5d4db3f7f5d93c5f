<#
.SYNOPSIS
    Generates module/en-US/CallTracking.PowerShell.dll-Help.xml (MAML, what Get-Help reads for binary cmdlets) from
    docs/help/<Verb-Noun>.md and the built module's own metadata.

.DESCRIPTION
    The markdown is the human-edited text (PlatyPS-like layout, without its metadata blocks): # <cmdlet>, ## SYNOPSIS,
    ## DESCRIPTION, ## EXAMPLES (### <title>, a ```powershell fence, then the remarks), ## PARAMETERS (### -<Name> and
    its description), optional ## INPUTS / ## OUTPUTS (### <type name> and a description), optional ## NOTES and
    ## RELATED LINKS (- <cmdlet or about_ topic>, or - [text](uri)).

    Each provider's own parameters (the dynamic parameters its parameter classes add when the connection is to that
    provider) are documented with the cmdlet's: read from ProviderParameterCatalog (no connection needed), described in
    the same markdown, marked with the providers that have them, and listed per provider in the generated topics
    module/en-US/about_CallTracking_<Provider>.help.txt (intro from docs/about/about_CallTracking_<Provider>.md).

    Everything else comes from the imported module (Get-Command): the syntax per parameter set, each parameter's type,
    required, position, pipeline input, aliases, wildcard support and ValidateSet values, the input types (from the
    pipeline-bound parameters, unless ## INPUTS says otherwise) and the return types (OutputType). about_CallTracking is
    always a related link. -WhatIf and -Confirm get the standard texts unless the markdown describes them; parameters
    marked DontShow are left out, as PowerShell's own syntax leaves them out.

    It fails (exit code 1, every problem listed) when a cmdlet has no markdown or a markdown file no cmdlet, a parameter
    has no description, the markdown names a parameter the cmdlet does not have, the synopsis, description or examples
    are missing, an example's code does not parse, or ## OUTPUTS names a type that is not the cmdlet's OutputType.

    Run `dotnet build` first (the module is imported from out/CallTracking), then this script, then `dotnet build` again
    to copy the XML into out/CallTracking/en-US:

        dotnet pwsh -NoProfile -NonInteractive -File build/New-CallTrackingHelp.ps1   # or your own pwsh

.PARAMETER ModulePath
    The module to document. Default: out/CallTracking/CallTracking.psd1 under the repository root.

.PARAMETER MarkdownPath
    The folder of the markdown sources. Default: docs/help.

.PARAMETER OutputPath
    The MAML file to write. Default: module/en-US/CallTracking.PowerShell.dll-Help.xml.
#>
[CmdletBinding()]
param(
    [string] $ModulePath,
    [string] $MarkdownPath,
    [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$repoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..')).ProviderPath
if (-not $ModulePath) { $ModulePath = Join-Path $repoRoot 'out/CallTracking/CallTracking.psd1' }
if (-not $MarkdownPath) { $MarkdownPath = Join-Path $repoRoot 'docs/help' }
if (-not $OutputPath) { $OutputPath = Join-Path $repoRoot 'module/en-US/CallTracking.PowerShell.dll-Help.xml' }
if (-not (Test-Path -LiteralPath $ModulePath)) { throw "$ModulePath not found: run dotnet build first." }

$module = Import-Module -Name $ModulePath -Force -PassThru
$cmdlets = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
if ($cmdlets.Count -eq 0) { throw "The module $($module.Name) exports no cmdlet." }

$commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters
$standardDescriptions = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run and nothing is sent to the provider.'
    Confirm = 'Prompts you for confirmation before running the cmdlet. -Confirm:$false suppresses the prompt.'
}

$problems = [System.Collections.Generic.List[string]]::new()
function Add-Problem([string] $Message) { $problems.Add($Message) }

#region Markdown

# Paragraphs of a block of markdown lines: blank lines separate them, lines of one paragraph join with a space;
# list items ("- ", "* ") and indented lines stay lines of their own.
function ConvertTo-Paragraph([string[]] $Lines) {
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    foreach ($line in $Lines) {
        if ($line.Trim() -eq '') {
            if ($current.Count) { $paragraphs.Add($current -join ' '); $current.Clear() }
            continue
        }
        if ($line -match '^\s*([-*]\s|\d+\.\s)' -and $current.Count) { $paragraphs.Add($current -join ' '); $current.Clear() }
        $current.Add($line.Trim())
    }
    if ($current.Count) { $paragraphs.Add($current -join ' ') }
    # Inline code keeps its text: `-Force` reads as -Force in a console.
    @($paragraphs | ForEach-Object { $_ -replace '`([^`]+)`', '$1' })
}

# Splits lines into (heading, lines) pairs at lines that start with the given prefix ('## ' or '### ').
function Split-Section([string[]] $Lines, [string] $Prefix) {
    $sections = [System.Collections.Generic.List[object]]::new()
    $current = $null
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith($Prefix)) {
            $current = [pscustomobject]@{ Heading = $line.Substring($Prefix.Length).Trim(); Lines = [System.Collections.Generic.List[string]]::new() }
            $sections.Add($current)
            continue
        }
        if ($null -ne $current) { $current.Lines.Add($line) }
    }
    , $sections
}

function Read-HelpMarkdown([string] $Path) {
    $lines = [System.IO.File]::ReadAllLines($Path)
    # Front matter (--- ... ---) is for other tools: skipped.
    if ($lines.Count -and $lines[0] -eq '---') {
        $end = [array]::IndexOf($lines, '---', 1)
        if ($end -gt 0) { $lines = $lines[($end + 1)..($lines.Count - 1)] }
    }
    $title = $lines | Where-Object { $_ -match '^# ' } | Select-Object -First 1
    $doc = [ordered]@{
        Name = if ($title) { $title.Substring(2).Trim() } else { $null }
        Synopsis = @(); Description = @(); Examples = @(); Parameters = [ordered]@{}; Inputs = $null; Outputs = $null
        Notes = @(); Links = @(); Path = $Path
    }
    foreach ($section in (Split-Section $lines '## ')) {
        switch ($section.Heading.ToUpperInvariant()) {
            'SYNOPSIS' { $doc.Synopsis = @(ConvertTo-Paragraph $section.Lines) }
            'DESCRIPTION' { $doc.Description = @(ConvertTo-Paragraph $section.Lines) }
            'NOTES' { $doc.Notes = @(ConvertTo-Paragraph $section.Lines) }
            'EXAMPLES' {
                $doc.Examples = @(foreach ($ex in (Split-Section $section.Lines '### ')) {
                        $code = [System.Collections.Generic.List[string]]::new()
                        $remarks = [System.Collections.Generic.List[string]]::new()
                        $state = 'before'
                        foreach ($line in $ex.Lines) {
                            if ($state -eq 'before' -and $line -match '^\s*```') { $state = 'code'; continue }
                            if ($state -eq 'code' -and $line -match '^\s*```\s*$') { $state = 'after'; continue }
                            if ($state -eq 'code') { $code.Add($line) }
                            elseif ($state -eq 'after') { $remarks.Add($line) }
                            elseif ($line.Trim()) { $remarks.Add($line) }
                        }
                        [pscustomobject]@{ Title = $ex.Heading; Code = ($code -join "`n").TrimEnd(); Remarks = @(ConvertTo-Paragraph $remarks); Closed = $state -eq 'after' }
                    })
            }
            'PARAMETERS' {
                foreach ($p in (Split-Section $section.Lines '### ')) {
                    $name = $p.Heading.TrimStart('-').Trim()
                    if ($doc.Parameters.Contains($name)) { Add-Problem "${Path}: parameter -$name is described twice." }
                    $doc.Parameters[$name] = @(ConvertTo-Paragraph $p.Lines)
                }
            }
            { $_ -in 'INPUTS', 'OUTPUTS' } {
                $types = [ordered]@{}
                foreach ($t in (Split-Section $section.Lines '### ')) { $types[$t.Heading] = @(ConvertTo-Paragraph $t.Lines) }
                if ($section.Heading -eq 'INPUTS') { $doc.Inputs = $types } else { $doc.Outputs = $types }
            }
            'RELATED LINKS' {
                $doc.Links = @(foreach ($line in $section.Lines) {
                        if ($line -match '^\s*[-*]\s+\[([^\]]+)\]\(([^)]*)\)') { [pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] } }
                        elseif ($line -match '^\s*[-*]\s+(\S.*)$') { [pscustomobject]@{ Text = $Matches[1].Trim(); Uri = '' } }
                    })
            }
            default { Add-Problem "${Path}: unknown section '## $($section.Heading)'." }
        }
    }
    [pscustomobject]$doc
}

#endregion

#region Metadata

# The type as a console reader wants it: DateTimeOffset for Nullable<DateTimeOffset>, String[] for string arrays.
function Get-ShortTypeName([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    $Type.Name
}

function Get-FullTypeName([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return "System.Nullable``1[[$($underlying.FullName)]]" }
    $Type.FullName
}

function Test-Hidden($Parameter) {
    @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }).Count -gt 0
}

$catalog = [CallTracking.PowerShell.Providers.ProviderParameterCatalog]
$providers = @($catalog::Providers)

# One help parameter: a cmdlet's own (ParameterMetadata) or a provider's (RuntimeDefinedParameter), in one shape.
function New-HelpParameter($Name, [type] $Type, $Attributes, [string[]] $Providers) {
    [pscustomobject]@{
        Name = $Name; ParameterType = $Type; Attributes = @($Attributes)
        Aliases = @($Attributes | Where-Object { $_ -is [System.Management.Automation.AliasAttribute] } | ForEach-Object AliasNames)
        SwitchParameter = $Type -eq [System.Management.Automation.SwitchParameter]
        Providers = @($Providers)
    }
}

# The parameters a provider adds to a cmdlet (none when it adds none).
function Get-ProviderParameter([string] $Provider, [string] $CommandName) {
    $dictionary = $catalog::ParametersOf($Provider, $CommandName)
    @($dictionary.Values | ForEach-Object { New-HelpParameter $_.Name $_.ParameterType $_.Attributes @($Provider) })
}

# Parameters of the help: every parameter but the common ones and the hidden ones, in declaration order, then the
# providers' own (one entry per name, marked with the providers that have it), WhatIf and Confirm last.
function Get-HelpParameter($Command) {
    $own = @($Command.Parameters.Values | Where-Object { $_.Name -notin $commonParameters -and -not (Test-Hidden $_) } |
            ForEach-Object { New-HelpParameter $_.Name $_.ParameterType $_.Attributes @() })
    $byName = [ordered]@{}
    foreach ($p in $own) { $byName[$p.Name] = $p }
    foreach ($provider in $providers) {
        foreach ($p in (Get-ProviderParameter $provider $Command.Name)) {
            if ($byName.Contains($p.Name)) { if ($byName[$p.Name].Providers.Count) { $byName[$p.Name].Providers += $provider } }
            else { $byName[$p.Name] = $p }
        }
    }
    $all = @($byName.Values)
    @($all | Where-Object { $_.Name -notin 'WhatIf', 'Confirm' }) + @($all | Where-Object { $_.Name -in 'WhatIf', 'Confirm' })
}

# The set entries of a help parameter: one per [Parameter] attribute (set name, mandatory, position, pipeline).
function Get-SetEntry($Parameter, [string] $Set) {
    foreach ($a in @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })) {
        if ($a.ParameterSetName -eq $Set -or $a.ParameterSetName -eq '__AllParameterSets') {
            return [pscustomobject]@{
                Name = $Parameter.Name; IsMandatory = $a.Mandatory; Position = $(if ($a.Position -ge 0) { $a.Position } else { -1 })
                ValueFromPipeline = $a.ValueFromPipeline; ValueFromPipelineByPropertyName = $a.ValueFromPipelineByPropertyName
            }
        }
    }
    $null
}

# The syntax: the cmdlet's own sets (a provider's parameters merged into the sets they join, as Get-Help shows a provider
# cmdlet's dynamic parameters), then the sets a provider brings of its own (Connect-CallTracking's credential sets).
function Get-HelpSyntax($Command, $Parameters) {
    $sets = [System.Collections.Generic.List[object]]::new()
    $own = @($Command.ParameterSets | Sort-Object { -not $_.IsDefault }, { $Command.ParameterSets.IndexOf($_) } | ForEach-Object Name)
    $providerSets = @($Parameters | Where-Object { $_.Providers.Count } | ForEach-Object { $_.Attributes } |
            Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ParameterSetName -ne '__AllParameterSets' } |
            ForEach-Object ParameterSetName | Where-Object { $_ -notin $own } | Select-Object -Unique)
    foreach ($set in @($own) + @($providerSets)) {
        $entries = @(foreach ($p in $Parameters) { $e = Get-SetEntry $p $set; if ($e) { $e } })
        # A provider's parameter declared for every set joins the cmdlet's own sets only.
        if ($set -in $providerSets) { $entries = @($entries | Where-Object { $n = $_.Name; $pp = $Parameters | Where-Object Name -eq $n; -not $pp.Providers.Count -or @($pp.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ParameterSetName -eq $set }).Count }) }
        $sets.Add([pscustomobject]@{ Name = $set; Parameters = $entries })
    }
    , $sets
}

function Get-PipelineText([System.Management.Automation.ParameterAttribute[]] $Attributes) {
    $byValue = @($Attributes | Where-Object ValueFromPipeline).Count -gt 0
    $byName = @($Attributes | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
    if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' }
    elseif ($byValue) { 'True (ByValue)' }
    elseif ($byName) { 'True (ByPropertyName)' }
    else { 'False' }
}

#endregion

#region MAML

$ns = @{
    maml = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp = 'http://msdn.microsoft.com/mshelp'
}

function Write-Para($W, [string[]] $Paragraphs) {
    if (-not $Paragraphs -or $Paragraphs.Count -eq 0) { $Paragraphs = @('') }
    foreach ($p in $Paragraphs) { $W.WriteElementString('para', $ns.maml, $p) }
}

function Write-Description($W, [string[]] $Paragraphs) {
    $W.WriteStartElement('description', $ns.maml)
    Write-Para $W $Paragraphs
    $W.WriteEndElement()
}

function Write-Type($W, [string] $Name) {
    $W.WriteStartElement('type', $ns.dev)
    $W.WriteElementString('name', $ns.maml, $Name)
    $W.WriteStartElement('uri', $ns.maml); $W.WriteEndElement()
    $W.WriteEndElement()
}

# One <command:parameter>: in a syntax item ($SetParameter = the set's CommandParameterInfo) or in the parameters list.
function Write-Parameter($W, $Parameter, [string[]] $Description, $SetParameter) {
    $attributes = @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
    if ($SetParameter) {
        $required = $SetParameter.IsMandatory
        $position = $SetParameter.Position
        $pipeline = Get-PipelineText @([pscustomobject]@{ ValueFromPipeline = $SetParameter.ValueFromPipeline; ValueFromPipelineByPropertyName = $SetParameter.ValueFromPipelineByPropertyName })
    }
    else {
        # Across sets: required if it is in some set, the position it has where it has one.
        $required = @($attributes | Where-Object Mandatory).Count -gt 0
        $position = @($attributes | Where-Object { $_.Position -ge 0 } | ForEach-Object Position | Select-Object -First 1)
        $position = if ($position.Count) { $position[0] } else { -1 }
        $pipeline = Get-PipelineText $attributes
    }
    $isSwitch = $Parameter.SwitchParameter
    $globbing = @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count -gt 0
    $validValues = @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | ForEach-Object ValidValues) +
        @($Parameter.Attributes | Where-Object { $_ -is [CallTracking.PowerShell.Providers.SeedListAttribute] } | ForEach-Object Values)
    if ($Parameter.ParameterType.IsEnum) { $validValues = [enum]::GetNames($Parameter.ParameterType) }

    $W.WriteStartElement('parameter', $ns.command)
    $W.WriteAttributeString('required', $required.ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', 'true')
    $W.WriteAttributeString('globbing', $globbing.ToString().ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', $pipeline)
    $W.WriteAttributeString('position', $(if ($position -ge 0) { "$position" } else { 'named' }))
    $W.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $W.WriteElementString('name', $ns.maml, $Parameter.Name)
    Write-Description $W $Description
    if ($SetParameter -and $validValues.Count) {
        $W.WriteStartElement('parameterValueGroup', $ns.command)
        foreach ($v in $validValues) {
            $W.WriteStartElement('parameterValue', $ns.command)
            $W.WriteAttributeString('required', 'false')
            $W.WriteAttributeString('command', 'variableLength', $ns.command, 'false')
            $W.WriteString($v)
            $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    elseif (-not ($SetParameter -and $isSwitch)) {
        $W.WriteStartElement('parameterValue', $ns.command)
        $W.WriteAttributeString('required', $(if ($isSwitch) { 'false' } else { 'true' }))
        $W.WriteAttributeString('variableLength', 'false')
        $W.WriteString((Get-ShortTypeName $Parameter.ParameterType))
        $W.WriteEndElement()
    }
    Write-Type $W (Get-FullTypeName $Parameter.ParameterType)
    $W.WriteElementString('defaultValue', $ns.dev, $(if ($isSwitch) { 'False' } else { 'None' }))
    $W.WriteEndElement()
}

function Write-Command($W, $Command, $Doc) {
    $W.WriteStartElement('command', 'command', $ns.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') { $W.WriteAttributeString('xmlns', $prefix, $null, $ns[$prefix]) }

    $W.WriteStartElement('details', $ns.command)
    $W.WriteElementString('name', $ns.command, $Command.Name)
    $W.WriteElementString('verb', $ns.command, $Command.Verb)
    $W.WriteElementString('noun', $ns.command, $Command.Noun)
    Write-Description $W $Doc.Synopsis
    $W.WriteEndElement()

    Write-Description $W $Doc.Description

    $descriptions = @{}
    $helpParameters = @(Get-HelpParameter $Command)
    foreach ($p in $helpParameters) {
        $text = [string[]]@(if ($Doc.Parameters.Contains($p.Name)) { $Doc.Parameters[$p.Name] } else { $standardDescriptions[$p.Name] })
        if ($p.Providers.Count) {
            # One sentence more in the last paragraph: Get-Help -Parameter runs paragraphs together.
            $note = "Offered when the connection is to $($p.Providers -join ' or ') (Get-Help $(($p.Providers | ForEach-Object { "about_CallTracking_$_" }) -join ', '))."
            if ($text.Count -and "$($text[-1])".Trim()) { $text[-1] = "$($text[-1]) $note" } else { $text = @($note) }
        }
        $descriptions[$p.Name] = $text
    }

    # Syntax: one item per parameter set (the default set first), positional parameters by position, then the others
    # in declaration order, as Get-Command -Syntax shows them.
    $W.WriteStartElement('syntax', $ns.command)
    foreach ($set in (Get-HelpSyntax $Command $helpParameters)) {
        $W.WriteStartElement('syntaxItem', $ns.command)
        $W.WriteElementString('name', $ns.maml, $Command.Name)
        $inSet = @($set.Parameters | Where-Object { $descriptions.ContainsKey($_.Name) })
        $ordered = @($inSet | Where-Object { $_.Position -ge 0 } | Sort-Object Position) + @($inSet | Where-Object { $_.Position -lt 0 -and $_.Name -notin 'WhatIf', 'Confirm' }) +
            @($inSet | Where-Object { $_.Name -in 'WhatIf', 'Confirm' })
        foreach ($sp in $ordered) { Write-Parameter $W ($helpParameters | Where-Object Name -eq $sp.Name) $descriptions[$sp.Name] $sp }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('parameters', $ns.command)
    foreach ($p in $helpParameters) { Write-Parameter $W $p $descriptions[$p.Name] $null }
    $W.WriteEndElement()

    # Inputs: the markdown's, or the types of the parameters that bind by value plus one PSObject entry listing the
    # parameters that bind by property name.
    $W.WriteStartElement('inputTypes', $ns.command)
    $inputs = $Doc.Inputs
    if (-not $inputs) {
        $inputs = [ordered]@{}
        $pipelineParameters = @(Get-HelpParameter $Command | Where-Object { $_.Name -notin 'WhatIf', 'Confirm' })
        foreach ($p in $pipelineParameters) {
            if (@($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ValueFromPipeline }).Count) {
                $inputs[$p.ParameterType.FullName] = @("Bound to -$($p.Name).")
            }
        }
        $byName = @($pipelineParameters | Where-Object { @($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ValueFromPipelineByPropertyName }).Count })
        if ($byName.Count) {
            $inputs['System.Management.Automation.PSObject'] = @('Objects whose properties are named like these parameters or their aliases bind by property name (rows of Import-Csv, objects of other cmdlets): ' +
                (($byName | ForEach-Object { '-' + $_.Name + $(if ($_.Aliases.Count) { ' (' + ($_.Aliases -join ', ') + ')' }) }) -join ', ') + '.')
        }
        if ($inputs.Count -eq 0) { $inputs['None'] = @('This cmdlet takes no pipeline input.') }
    }
    foreach ($name in $inputs.Keys) {
        $W.WriteStartElement('inputType', $ns.command)
        Write-Type $W $name
        Write-Description $W $inputs[$name]
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('returnValues', $ns.command)
    foreach ($t in @($Command.OutputType | ForEach-Object Name | Select-Object -Unique)) {
        $W.WriteStartElement('returnValue', $ns.command)
        Write-Type $W $t
        Write-Description $W $(if ($Doc.Outputs -and $Doc.Outputs.Contains($t)) { $Doc.Outputs[$t] } else { @() })
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    if ($Doc.Notes.Count) {
        $W.WriteStartElement('alertSet', $ns.maml)
        $W.WriteStartElement('alert', $ns.maml)
        Write-Para $W $Doc.Notes
        $W.WriteEndElement()
        $W.WriteEndElement()
    }

    $W.WriteStartElement('examples', $ns.command)
    $n = 0
    foreach ($ex in $Doc.Examples) {
        $n++
        $title = $ex.Title -replace '^Example\s+\d+\s*[:.-]?\s*', ''
        $W.WriteStartElement('example', $ns.command)
        $W.WriteElementString('title', $ns.maml, "--------- Example ${n}: $title ---------")
        $W.WriteElementString('code', $ns.dev, $ex.Code)
        $W.WriteStartElement('remarks', $ns.dev)
        # The trailing empty paragraph is the blank line before the next example's title.
        Write-Para $W (@($ex.Remarks) + '')
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('relatedLinks', $ns.command)
    $links = @($Doc.Links)
    if (-not ($links | Where-Object Text -eq 'about_CallTracking')) { $links += [pscustomobject]@{ Text = 'about_CallTracking'; Uri = '' } }
    foreach ($provider in @($helpParameters | ForEach-Object Providers | Select-Object -Unique)) {
        if (-not ($links | Where-Object Text -eq "about_CallTracking_$provider")) { $links += [pscustomobject]@{ Text = "about_CallTracking_$provider"; Uri = '' } }
    }
    foreach ($link in $links) {
        $W.WriteStartElement('navigationLink', $ns.maml)
        $W.WriteElementString('linkText', $ns.maml, $link.Text)
        $W.WriteElementString('uri', $ns.maml, $link.Uri)
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
}

#endregion

#region Checks

$docs = @{}
$files = @(Get-ChildItem -LiteralPath $MarkdownPath -Filter '*.md' -File | Sort-Object Name)
foreach ($file in $files) {
    $doc = Read-HelpMarkdown $file.FullName
    if ($doc.Name -ne $file.BaseName) { Add-Problem "$($file.FullName): the title '# $($doc.Name)' is not the file name $($file.BaseName)." }
    $docs[$file.BaseName] = $doc
}
$exported = @($cmdlets | ForEach-Object Name)
foreach ($name in $docs.Keys | Sort-Object) {
    if ($name -notin $exported) { Add-Problem "docs/help/$name.md documents no cmdlet of the module." }
}

foreach ($command in $cmdlets) {
    $doc = $docs[$command.Name]
    if (-not $doc) { Add-Problem "$($command.Name): docs/help/$($command.Name).md is missing."; continue }
    $where = "docs/help/$($command.Name).md"
    if (-not ($doc.Synopsis -join '').Trim()) { Add-Problem "${where}: no SYNOPSIS." }
    if (-not ($doc.Description -join '').Trim()) { Add-Problem "${where}: no DESCRIPTION." }
    if ($doc.Examples.Count -eq 0) { Add-Problem "${where}: no example." }
    foreach ($ex in $doc.Examples) {
        if (-not $ex.Closed -or -not $ex.Code.Trim()) { Add-Problem "${where}: example '$($ex.Title)' has no closed code block."; continue }
        if (-not ($ex.Remarks -join '').Trim()) { Add-Problem "${where}: example '$($ex.Title)' has no sentence after its code." }
        $tokens = $null; $errors = $null
        [void][System.Management.Automation.Language.Parser]::ParseInput($ex.Code, [ref]$tokens, [ref]$errors)
        foreach ($e in $errors) { Add-Problem "${where}: example '$($ex.Title)' does not parse: $($e.Message) (line $($e.Extent.StartLineNumber))." }
    }
    $helpParameters = @(Get-HelpParameter $command | ForEach-Object Name)
    foreach ($p in $helpParameters) {
        $text = if ($doc.Parameters.Contains($p)) { ($doc.Parameters[$p] -join '').Trim() } else { $standardDescriptions[$p] }
        if (-not $text) { Add-Problem "${where}: parameter -$p has no description." }
    }
    foreach ($p in $doc.Parameters.Keys) {
        if ($p -notin $helpParameters) {
            $why = if ($command.Parameters.ContainsKey($p)) { 'is hidden (DontShow) or a common parameter' } else { 'does not exist (no provider adds it either)' }
            Add-Problem "${where}: describes -$p, which $why on $($command.Name)."
        }
    }
    if ($doc.Outputs) {
        $outputTypes = @($command.OutputType | ForEach-Object Name)
        foreach ($t in $doc.Outputs.Keys) {
            if ($t -notin $outputTypes) { Add-Problem "${where}: OUTPUTS names $t, which is not an OutputType of $($command.Name) ($($outputTypes -join ', '))." }
        }
    }
}

# Each provider has an about topic: its intro is hand-written, its parameter list generated below.
$aboutPath = Join-Path $repoRoot 'docs/about'
foreach ($provider in $providers) {
    if (-not (Test-Path -LiteralPath (Join-Path $aboutPath "about_CallTracking_$provider.md"))) { Add-Problem "docs/about/about_CallTracking_$provider.md is missing (the intro of the provider's about topic)." }
}

if ($problems.Count) {
    $message = "The help of $($module.Name) was not generated: $($problems.Count) problem(s).`n  " + ($problems -join "`n  ")
    [Console]::Error.WriteLine($message)
    exit 1
}

#endregion

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.IndentChars = '  '
$settings.NewLineChars = "`n"
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$directory = Split-Path -Parent $OutputPath
if (-not (Test-Path -LiteralPath $directory)) { [void](New-Item -ItemType Directory -Path $directory) }
$stream = [System.IO.MemoryStream]::new()
$writer = [System.Xml.XmlWriter]::Create($stream, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteComment(' Generated by build/New-CallTrackingHelp.ps1 from docs/help/*.md and the module''s metadata: edit the markdown, not this file. ')
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $cmdlets) { Write-Command $writer $command $docs[$command.Name] }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally { $writer.Dispose() }
$bytes = $stream.ToArray()
[System.IO.File]::WriteAllBytes($OutputPath, $bytes + [byte[]](10))
Write-Host "Wrote $OutputPath ($($cmdlets.Count) cmdlets, $($bytes.Length) bytes)."

#region About topics

# Wraps a paragraph at 76 columns with the given indent (about topics are read in a console).
function Format-Wrapped([string] $Text, [int] $Indent) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ''
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        if ($line.Length -and ($Indent + $line.Length + 1 + $word.Length) -gt 80) { $lines.Add((' ' * $Indent) + $line); $line = $word }
        else { $line = if ($line) { "$line $word" } else { $word } }
    }
    if ($line) { $lines.Add((' ' * $Indent) + $line) }
    $lines
}

# The markdown intro as topic text: "# " and "## " headings become the topic's upper-case headings, fenced code keeps its
# lines (indented), paragraphs are wrapped.
function ConvertTo-AboutText([string[]] $Lines) {
    $out = [System.Collections.Generic.List[string]]::new()
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    $flush = { if ($paragraph.Count) { foreach ($l in (Format-Wrapped (($paragraph -join ' ') -replace '`([^`]+)`', '$1') 4)) { $out.Add($l) }; $out.Add(''); $paragraph.Clear() } }
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { & $flush; $inFence = -not $inFence; if (-not $inFence) { $out.Add('') }; continue }
        if ($inFence) { $out.Add('        ' + $line); continue }
        if ($line -match '^#\s+(about_\S+)') { & $flush; $out.Add('TOPIC'); $out.Add('    ' + $Matches[1]); $out.Add(''); continue }
        if ($line -match '^#+\s+(.*)$') { & $flush; $out.Add($Matches[1].ToUpperInvariant()); continue }
        if (-not $line.Trim()) { & $flush; continue }
        if ($line -match '^\s*[-*]\s+' -and $paragraph.Count) { & $flush }
        $paragraph.Add($line.Trim())
    }
    & $flush
    $out
}

foreach ($provider in $providers) {
    $intro = [System.IO.File]::ReadAllLines((Join-Path $aboutPath "about_CallTracking_$provider.md"))
    $text = [System.Collections.Generic.List[string]]::new()
    foreach ($l in (ConvertTo-AboutText $intro)) { $text.Add($l) }
    $text.Add('PARAMETERS BY CMDLET')
    foreach ($l in (Format-Wrapped "Every parameter $provider adds to the shared cmdlets (they are offered when the connection, or Connect-CallTracking -Provider, is $provider; with another provider's connection they are a WrongProvider error). Get-Help <cmdlet> -Parameter <name> shows each one too." 4)) { $text.Add($l) }
    $text.Add('')
    foreach ($cmdletName in $catalog::CmdletsOf($provider)) {
        $doc = $docs[$cmdletName]
        $text.Add('    ' + $cmdletName)
        foreach ($p in (Get-ProviderParameter $provider $cmdletName)) {
            $attrs = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
            $facts = [System.Collections.Generic.List[string]]::new()
            $sets = @($attrs | ForEach-Object ParameterSetName | Where-Object { $_ -ne '__AllParameterSets' })
            if ($sets.Count) { $facts.Add('set ' + ($sets -join ', ')) }
            if (@($attrs | Where-Object Mandatory).Count) { $facts.Add('required') }
            $pos = @($attrs | Where-Object { $_.Position -ge 0 } | ForEach-Object Position)
            if ($pos.Count) { $facts.Add("position $($pos[0])") }
            if (@($attrs | Where-Object ValueFromPipelineByPropertyName).Count) { $facts.Add('from the pipeline by property name') }
            if ($p.Aliases.Count) { $facts.Add('aliases ' + ($p.Aliases -join ', ')) }
            $text.Add("        -$($p.Name) <$(Get-ShortTypeName $p.ParameterType)>" + $(if ($facts.Count) { '  (' + ($facts -join '; ') + ')' }))
            $description = if ($doc -and $doc.Parameters.Contains($p.Name)) { $doc.Parameters[$p.Name] -join ' ' } else { '' }
            foreach ($l in (Format-Wrapped $description 12)) { $text.Add($l) }
            $values = @($p.Attributes | Where-Object { $_ -is [CallTracking.PowerShell.Providers.SeedListAttribute] } | ForEach-Object Values)
            if ($values.Count) { foreach ($l in (Format-Wrapped ('Allowed: ' + ($values -join ', ') + '.') 12)) { $text.Add($l) } }
        }
        $text.Add('')
    }
    $text.Add('SEE ALSO')
    $text.Add('    about_CallTracking')
    foreach ($c in $catalog::CmdletsOf($provider)) { $text.Add('    ' + $c) }
    $topicPath = Join-Path (Split-Path -Parent $OutputPath) "about_CallTracking_$provider.help.txt"
    [System.IO.File]::WriteAllText($topicPath, ($text -join "`n") + "`n", [System.Text.UTF8Encoding]::new($false))
    Write-Host "Wrote $topicPath."
}

#endregion
