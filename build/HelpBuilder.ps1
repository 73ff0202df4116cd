<#
.SYNOPSIS
    Writes the MAML help file of the HealthMock cmdlets from their XML documentation comments.

.DESCRIPTION
    Imports the staged module, asks PowerShell for each exported cmdlet's metadata (parameter sets, types,
    mandatory, position, pipeline input, aliases, enum values, output types) and joins it with the XML
    documentation that the compiler writes next to each assembly (HealthMock.xml, HealthMock.Core.xml), to write
    one MAML file that Get-Help reads offline: synopsis, description, syntax, parameters, inputs, outputs,
    examples and related links.

    The documentation comments follow the vocabulary of XmlDoc2CmdletDoc, with the standard C# tags as
    equivalents. On a cmdlet class:
        <summary><para type="synopsis">...</para></summary>      the synopsis: one sentence
            (without a typed para, the first paragraph of <summary> is the synopsis)
        <summary><para type="description">...</para></summary>   description paragraphs; <remarks> and its
            <para> elements are appended to them
        <example title="..."><code>...</code><para>...</para></example>   an example, in <summary> or beside
            it: the command, then paragraphs that explain it; without a title attribute the title is the first
            sentence of the first paragraph
        <seealso cref="OtherCommand"/>        a related cmdlet, checked by the compiler
        <seealso href="https://...">text</seealso>   a related web page
        <para type="link" uri="...">text</para>        a related link or help topic such as about_HealthMock
    On a parameter property:
        <summary><para type="description">...</para></summary>   the parameter description (a plain
            <summary> works too)
        <value>...</value>                                 the default value shown in help; without it the
            default is read from a new instance of the cmdlet
    Also on a cmdlet class, <returns>...</returns> describes the output, and <returns cref="Type">...</returns>
    the output of one of the types in [OutputType]; without them the output type's own <summary> does.

    In text, <see cref="..."/> to a cmdlet class becomes the cmdlet name and <c>, <paramref> and <see langword>
    become their text. Every cmdlet is written even when its documentation is incomplete; what is missing is
    reported as a warning, and the help self-test fails on it.

    Run it in a fresh PowerShell (build.ps1 does), so the module it imports is the staged one and nothing of
    the calling session leaks in.

.PARAMETER ModulePath
    The staged module manifest, such as out/HealthMock/HealthMock.psd1.

.PARAMETER DocumentationFolder
    The folder holding the built assemblies and, beside each, its XML documentation file (the publish folder).

.PARAMETER OutputPath
    The MAML file to write, such as out/HealthMock/en-US/HealthMock.dll-Help.xml. Its folder is created.

.EXAMPLE
    dotnet pwsh -NoProfile -File build/HelpBuilder.ps1 -ModulePath out/HealthMock/HealthMock.psd1 `
        -DocumentationFolder out/publish -OutputPath out/HealthMock/en-US/HealthMock.dll-Help.xml

    Writes the help of the staged module from the documentation files of the last publish.
#>
#Requires -Version 7.3
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string]$ModulePath,

    [Parameter(Mandatory)]
    [string]$DocumentationFolder,

    [Parameter(Mandatory)]
    [string]$OutputPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$namespaces = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

# Parameters every cmdlet gets from PowerShell; Get-Help lists them as <CommonParameters>.
$commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters

# WhatIf and Confirm appear in help like ordinary parameters, so they get the usual descriptions.
$shouldProcessDescriptions = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Read-Documentation {
    # Returns the <member> elements of every XML documentation file beside an assembly, by member id.
    param([string]$Folder)

    $members = @{}
    foreach ($assembly in Get-ChildItem -LiteralPath $Folder -Filter '*.dll') {
        $path = [System.IO.Path]::ChangeExtension($assembly.FullName, '.xml')
        if (-not (Test-Path -LiteralPath $path)) {
            continue
        }
        $document = [System.Xml.XmlDocument]::new()
        $document.PreserveWhitespace = $true
        $document.Load($path)
        foreach ($member in $document.SelectNodes('/doc/members/member')) {
            $members[$member.GetAttribute('name')] = $member
        }
    }
    $members
}

function Get-DocumentationId {
    # The id the compiler gives a type or property in the XML documentation, such as T:HealthMock.Patient.
    param([string]$Prefix, [type]$Type, [string]$Member)

    $id = "${Prefix}:$($Type.FullName.Replace('+', '.'))"
    if ($Member) { "$id.$Member" } else { $id }
}

function Resolve-Cref {
    # Turns a cref such as T:HealthMock.Commands.NewMockPatientCommand into a cmdlet name or a short name.
    param([string]$Cref)

    if ($script:cmdletsByType.ContainsKey($Cref)) {
        return $script:cmdletsByType[$Cref]
    }
    $name = ($Cref -replace '^[A-Z!]:', '') -replace '\(.*$', ''
    if ($Cref.StartsWith('T:')) { $name } else { $name.Split('.')[-1] }
}

function ConvertTo-InlineText {
    # The text of a node with its inline tags rendered and its whitespace collapsed to single spaces.
    # Inline tags take the place of their text, so the text around them keeps its own spacing ("into <c>./x</c>"
    # stays "into ./x"); only the parts of a list item (term, description) are kept apart by a space.
    param([System.Xml.XmlNode]$Node)

    $builder = [System.Text.StringBuilder]::new()
    foreach ($child in $Node.ChildNodes) {
        if ($child -isnot [System.Xml.XmlElement]) {
            [void]$builder.Append($child.Value)
            continue
        }
        $text = switch ($child.LocalName) {
            { $_ -in 'see', 'seealso' } {
                if ($child.HasAttribute('langword')) { $child.GetAttribute('langword') }
                elseif ($child.InnerText.Trim()) { ConvertTo-InlineText $child }
                elseif ($child.HasAttribute('cref')) { Resolve-Cref $child.GetAttribute('cref') }
                else { $child.GetAttribute('href') }
            }
            { $_ -in 'paramref', 'typeparamref' } { $child.GetAttribute('name') }
            default { ConvertTo-InlineText $child }
        }
        if ($child.LocalName -in 'c', 'see', 'seealso', 'paramref', 'typeparamref', 'b', 'i', 'em', 'strong') {
            [void]$builder.Append($text)
        }
        else {
            [void]$builder.Append(' ').Append($text).Append(' ')
        }
    }
    ($builder.ToString() -replace '\s+', ' ').Trim()
}

function Get-Paragraph {
    # The paragraphs of a block element: loose text, <para> elements and <list> items, in order.
    # Typed paras other than descriptions (synopsis, link) and examples are not part of the prose.
    param([System.Xml.XmlNode]$Node)

    $loose = [System.Xml.XmlDocument]::new().CreateElement('loose')
    foreach ($child in @($Node.ChildNodes)) {
        $isBlock = $child -is [System.Xml.XmlElement] -and $child.LocalName -in 'para', 'list', 'example', 'code'
        if (-not $isBlock) {
            [void]$loose.AppendChild($loose.OwnerDocument.ImportNode($child, $true))
            continue
        }
        if ($loose.HasChildNodes) {
            ConvertTo-InlineText $loose | Where-Object { $_ }
            $loose.RemoveAll()
        }
        switch ($child.LocalName) {
            'para' {
                if ($child.GetAttribute('type') -in '', 'description') {
                    Get-Paragraph $child
                }
            }
            'list' {
                foreach ($item in $child.SelectNodes('item')) {
                    '- ' + (ConvertTo-InlineText $item)
                }
            }
            'code' { ConvertTo-CodeText $child }
        }
    }
    if ($loose.HasChildNodes) {
        ConvertTo-InlineText $loose | Where-Object { $_ }
    }
}

function ConvertTo-CodeText {
    # The lines of a <code> element without the indentation the compiler adds to every line but the first:
    # the indentation of the member's own elements in the documentation file.
    param([System.Xml.XmlNode]$Node)

    $indent = 0
    $member = $Node.SelectSingleNode('ancestor::member')
    if ($member -and $member.FirstChild -is [System.Xml.XmlWhitespace]) {
        $indent = ($member.FirstChild.Value -split "`n")[-1].Length
    }
    $lines = $Node.InnerText.Replace("`r`n", "`n").Split("`n")
    $trimmed = @($lines[0].Trim()) + @($lines | Select-Object -Skip 1 | ForEach-Object {
        $leading = $_.Length - $_.TrimStart().Length
        $_.Substring([math]::Min($leading, $indent)).TrimEnd()
    })
    ($trimmed -join "`n").Trim("`n")
}

function Get-ShortTitle {
    # A title from the first sentence of a paragraph, cut at its first clause or a word when it is long.
    param([string]$Paragraph)

    $title = ($Paragraph -split '(?<=[.!?])\s')[0].TrimEnd('.')
    if ($title.Length -gt 60) {
        $clause = ($title -split '[,;:]')[0]
        $title = if ($clause.Length -ge 10 -and $clause.Length -le 60) { $clause }
            else { ($title.Substring(0, 57) -replace '\s+\S*$', '') + '...' }
    }
    $title
}

function Get-TypedPara {
    # The <para type="..."> elements of a member, in its summary or beside it.
    param([System.Xml.XmlNode]$Member, [string]$Type)

    @($Member.SelectNodes("summary/para[@type='$Type'] | para[@type='$Type']"))
}

function Get-CommandDocumentation {
    # The synopsis, description, examples and links of a cmdlet class.
    param([System.Xml.XmlNode]$Member)

    $result = @{ Synopsis = ''; Description = @(); Examples = @(); Links = @(); Returns = @() }
    if (-not $Member) {
        return $result
    }

    $synopsis = Get-TypedPara $Member 'synopsis'
    $descriptions = Get-TypedPara $Member 'description'
    $summary = $Member.SelectSingleNode('summary')
    if ($synopsis) {
        $result.Synopsis = ($synopsis | ForEach-Object { ConvertTo-InlineText $_ }) -join ' '
        $result.Description = @($descriptions | ForEach-Object { Get-Paragraph $_ })
    }
    elseif ($summary) {
        # Without typed paras the first paragraph of the summary is the synopsis and the rest is description.
        $paragraphs = @(Get-Paragraph $summary)
        $result.Synopsis = $paragraphs | Select-Object -First 1
        $result.Description = @($paragraphs | Select-Object -Skip 1)
    }
    $result.Description += @($Member.SelectNodes('remarks') | ForEach-Object { Get-Paragraph $_ })
    $result.Returns = @($Member.SelectNodes('returns') | ForEach-Object {
            @{ Cref = $_.GetAttribute('cref'); Text = @(Get-Paragraph $_) }
        })

    $number = 0
    foreach ($example in $Member.SelectNodes('example | summary/example')) {
        $number++
        $code = $example.SelectSingleNode('code')
        if (-not $code) {
            Write-Warning "$($script:current): example $number has no <code> element; it is left out."
            continue
        }
        $remarks = @($example.SelectNodes('para') | ForEach-Object { Get-Paragraph $_ })
        $title = $example.GetAttribute('title')
        if (-not $title -and $remarks) {
            $title = Get-ShortTitle $remarks[0]
        }
        $result.Examples += @{
            Title   = if ($title) { "Example ${number}: $title" } else { "Example $number" }
            Code    = ConvertTo-CodeText $code
            Remarks = $remarks
        }
    }

    foreach ($link in $Member.SelectNodes('seealso | summary/seealso')) {
        $uri = $link.GetAttribute('href')
        $text = ConvertTo-InlineText $link
        if (-not $text) {
            $text = if ($link.HasAttribute('cref')) { Resolve-Cref $link.GetAttribute('cref') } else { $uri }
        }
        $result.Links += @{ Text = $text; Uri = $uri }
    }
    foreach ($link in Get-TypedPara $Member 'link') {
        $result.Links += @{ Text = ConvertTo-InlineText $link; Uri = $link.GetAttribute('uri') }
    }
    $result
}

function Get-TypeName {
    # The name help shows for a parameter type: Nullable<T> as T, switches and arrays as .NET writes them.
    param([type]$Type)

    $underlying = [System.Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $underlying.ToString() } else { $Type.ToString() }
}

function Get-AllowedValue {
    # The values a parameter accepts when they form a closed set: enum names or a ValidateSet.
    param([System.Management.Automation.ParameterMetadata]$Parameter)

    $set = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
    if ($set) {
        return @($set.ValidValues)
    }
    $type = $Parameter.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    $underlying = [System.Nullable]::GetUnderlyingType($type)
    if ($underlying) { $type = $underlying }
    if ($type.IsEnum) { [enum]::GetNames($type) }
}

function Format-DefaultValue {
    # The default value of a parameter as help shows it, invariant of the culture.
    param($Value)

    if ($null -eq $Value) { return 'None' }
    # An unset date is no default a reader can use.
    if ($Value -is [datetime] -and $Value -eq [datetime]::MinValue) { return 'None' }
    if ($Value -is [datetimeoffset] -and $Value -eq [datetimeoffset]::MinValue) { return 'None' }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { return [string]$Value.IsPresent }
    if ($Value -is [System.Collections.IEnumerable] -and $Value -isnot [string]) {
        $items = @($Value | ForEach-Object { Format-DefaultValue $_ })
        return $(if ($items) { $items -join ', ' } else { 'None' })
    }
    if ($Value -is [System.IFormattable]) {
        return $Value.ToString($null, [cultureinfo]::InvariantCulture)
    }
    [string]$Value
}

function Get-ParameterHelp {
    # Everything help says about one parameter of a cmdlet, across the parameter sets it belongs to.
    param(
        [System.Management.Automation.CmdletInfo]$Command,
        [System.Management.Automation.ParameterMetadata]$Parameter,
        $Instance
    )

    $name = $Parameter.Name
    $sets = @($Parameter.ParameterSets.Values)
    $positions = @($sets | ForEach-Object Position | Where-Object { $_ -ge 0 } | Sort-Object -Unique)
    $byValue = [bool]($sets | Where-Object ValueFromPipeline)
    $byName = [bool]($sets | Where-Object ValueFromPipelineByPropertyName)
    $pipeline = @($(if ($byValue) { 'ByValue' }; if ($byName) { 'ByPropertyName' }))
    $wildcards = [System.Management.Automation.SupportsWildcardsAttribute]

    $description = @()
    $default = $null
    $property = $Command.ImplementingType.GetProperty($name)
    if ($property) {
        $member = $script:members[(Get-DocumentationId 'P' $property.DeclaringType $name)]
        if ($member) {
            $typed = @($member.SelectNodes("summary/para[@type='description']"))
            $description = if ($typed) { @($typed | ForEach-Object { Get-Paragraph $_ }) }
                else { @($member.SelectNodes('summary') | ForEach-Object { Get-Paragraph $_ }) }
            $description += @($member.SelectNodes('remarks') | ForEach-Object { Get-Paragraph $_ })
            $value = $member.SelectSingleNode('value')
            if ($value) { $default = ConvertTo-InlineText $value }
        }
        # A mandatory parameter has no default, whatever its property holds before binding.
        $mandatory = -not ($sets | Where-Object { -not $_.IsMandatory })
        if (-not $default -and $Instance -and -not $mandatory) {
            $default = Format-DefaultValue $property.GetValue($Instance)
        }
    }
    if (-not $description -and $shouldProcessDescriptions.ContainsKey($name)) {
        $description = @($shouldProcessDescriptions[$name])
    }

    [pscustomobject]@{
        Name        = $name
        Description = $description
        Type        = Get-TypeName $Parameter.ParameterType
        IsSwitch    = $Parameter.SwitchParameter
        IsArray     = $Parameter.ParameterType.IsArray
        Required    = -not ($sets | Where-Object { -not $_.IsMandatory })
        Position    = if ($positions.Count -eq 1) { [string]$positions[0] } else { 'named' }
        Pipeline    = if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }
        Aliases     = if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }
        Globbing    = [bool]($Parameter.Attributes | Where-Object { $_ -is $wildcards })
        Values      = @(Get-AllowedValue $Parameter)
        Default     = if ($default) { $default } elseif ($Parameter.SwitchParameter) { 'False' } else { 'None' }
    }
}

function Write-Para {
    param([System.Xml.XmlWriter]$Writer, [string[]]$Text)

    foreach ($paragraph in $Text) {
        $Writer.WriteElementString('maml', 'para', $namespaces.maml, $paragraph)
    }
}

function Write-Description {
    # A <maml:description> (or another element in the maml namespace) holding paragraphs.
    param([System.Xml.XmlWriter]$Writer, [string[]]$Text, [string]$Element = 'description')

    $Writer.WriteStartElement('maml', $Element, $namespaces.maml)
    Write-Para $Writer $Text
    $Writer.WriteEndElement()
}

function Write-DevType {
    param([System.Xml.XmlWriter]$Writer, [string]$Name)

    $Writer.WriteStartElement('dev', 'type', $namespaces.dev)
    $Writer.WriteElementString('maml', 'name', $namespaces.maml, $Name)
    $Writer.WriteElementString('maml', 'uri', $namespaces.maml, '')
    $Writer.WriteEndElement()
}

function Write-Parameter {
    # One <command:parameter>: in a syntax item with the mandatory and position of that set, or in the list.
    param([System.Xml.XmlWriter]$Writer, [psobject]$Help, [bool]$Required, [string]$Position)

    $Writer.WriteStartElement('command', 'parameter', $namespaces.command)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $Help.IsArray.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', $Help.Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Help.Pipeline)
    $Writer.WriteAttributeString('position', $Position)
    $Writer.WriteAttributeString('aliases', $Help.Aliases)
    $Writer.WriteElementString('maml', 'name', $namespaces.maml, $Help.Name)
    Write-Description $Writer $Help.Description -Element 'Description'
    if ($Help.Values) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $namespaces.command)
        foreach ($value in $Help.Values) {
            $Writer.WriteStartElement('command', 'parameterValue', $namespaces.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not $Help.IsSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $namespaces.command)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', $Help.IsArray.ToString().ToLowerInvariant())
        $Writer.WriteString($Help.Type)
        $Writer.WriteEndElement()
    }
    Write-DevType $Writer $Help.Type
    $Writer.WriteElementString('dev', 'defaultValue', $namespaces.dev, $Help.Default)
    $Writer.WriteEndElement()
}

function Write-Syntax {
    # One syntax item per parameter set: positional parameters by position, then mandatory, then the rest.
    param([System.Xml.XmlWriter]$Writer, [System.Management.Automation.CmdletInfo]$Command, [hashtable]$Parameters)

    $Writer.WriteStartElement('command', 'syntax', $namespaces.command)
    foreach ($set in $Command.ParameterSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $namespaces.command)
        $Writer.WriteElementString('maml', 'name', $namespaces.maml, $Command.Name)
        $ordered = $set.Parameters | Where-Object Name -NotIn $commonParameters |
            Sort-Object @{ Expression = { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } } },
                @{ Expression = { -not $_.IsMandatory } } -Stable
        foreach ($parameter in $ordered) {
            $position = if ($parameter.Position -ge 0) { [string]$parameter.Position } else { 'named' }
            Write-Parameter $Writer $Parameters[$parameter.Name] $parameter.IsMandatory $position
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-TypeList {
    # <command:inputTypes> or <command:returnValues>: each type with a description.
    param([System.Xml.XmlWriter]$Writer, [string]$List, [string]$Item, [object[]]$Types)

    $Writer.WriteStartElement('command', $List, $namespaces.command)
    foreach ($type in $Types) {
        $Writer.WriteStartElement('command', $Item, $namespaces.command)
        $Writer.WriteStartElement('dev', 'type', $namespaces.dev)
        $Writer.WriteElementString('maml', 'name', $namespaces.maml, $type.Name)
        $Writer.WriteEndElement()
        Write-Description $Writer $type.Description
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Get-TypeSummary {
    # The first paragraph of a type's own documentation, such as "A mock patient. ...".
    param([type]$Type)

    if (-not $Type) { return @() }
    $member = $script:members[(Get-DocumentationId 'T' $Type)]
    $summary = if ($member) { $member.SelectSingleNode('summary') }
    if ($summary) { @(Get-Paragraph $summary | Select-Object -First 1) } else { @() }
}

function Get-InputType {
    # The types a cmdlet takes from the pipeline, and the parameters they bind to.
    param([psobject[]]$Parameters, [System.Management.Automation.CmdletInfo]$Command)

    $inputs = foreach ($help in $Parameters | Where-Object { $_.Pipeline -ne 'False' }) {
        $how = $help.Pipeline -replace '^True \((.*)\)$', '$1' -replace 'ByValue', 'by value' `
            -replace 'ByPropertyName', 'by property name' -replace ', ', ' or '
        $type = $Command.Parameters[$help.Name].ParameterType
        $element = if ($type.IsArray) { $type.GetElementType() } else { $type }
        @{
            Name        = $help.Type
            Description = @("Binds to -$($help.Name) $how.") + @(Get-TypeSummary $element)
        }
    }
    if ($inputs) { @($inputs) } else { @(@{ Name = 'None'; Description = @('This cmdlet takes no pipeline input.') }) }
}

function Write-CommandHelp {
    param([System.Xml.XmlWriter]$Writer, [System.Management.Automation.CmdletInfo]$Command)

    $script:current = $Command.Name
    $type = $Command.ImplementingType
    $docs = Get-CommandDocumentation $script:members[(Get-DocumentationId 'T' $type)]

    # A fresh instance holds the defaults of the parameters that have no <value>.
    $instance = $null
    try {
        $instance = [System.Activator]::CreateInstance($type)
    }
    catch {
        Write-Warning "$($Command.Name): no default values, the cmdlet could not be created: $($_.Exception.Message)"
    }
    $parameters = @{}
    foreach ($parameter in $Command.Parameters.Values | Where-Object Name -NotIn $commonParameters) {
        $parameters[$parameter.Name] = Get-ParameterHelp $Command $parameter $instance
    }
    if ($instance -is [System.IDisposable]) { $instance.Dispose() }

    $missing = @(
        if (-not $docs.Synopsis) { 'a synopsis' }
        if (-not $docs.Description) { 'a description' }
        if ($docs.Examples.Count -lt 2) { 'two examples' }
        if (-not $docs.Links) { 'related links' }
        $parameters.Values | Where-Object { -not $_.Description } | ForEach-Object { "a description of -$($_.Name)" }
    )
    if ($missing) {
        Write-Warning "$($Command.Name) help lacks $($missing -join ', ')."
    }

    $Writer.WriteStartElement('command', 'command', $namespaces.command)
    foreach ($prefix in 'maml', 'command', 'dev') {
        $Writer.WriteAttributeString('xmlns', $prefix, $null, $namespaces[$prefix])
    }
    $Writer.WriteStartElement('command', 'details', $namespaces.command)
    $Writer.WriteElementString('command', 'name', $namespaces.command, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $namespaces.command, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $namespaces.command, $Command.Noun)
    Write-Description $Writer @($docs.Synopsis | Where-Object { $_ })
    $Writer.WriteEndElement()
    Write-Description $Writer $docs.Description
    Write-Syntax $Writer $Command $parameters

    $Writer.WriteStartElement('command', 'parameters', $namespaces.command)
    foreach ($help in $parameters.Values | Sort-Object { $_.Name }) {
        Write-Parameter $Writer $help $help.Required $help.Position
    }
    $Writer.WriteEndElement()

    Write-TypeList $Writer 'inputTypes' 'inputType' (Get-InputType @($parameters.Values | Sort-Object Name) $Command)
    $outputs = foreach ($output in $Command.OutputType) {
        # A <returns cref="..."> describes the output of that type; a <returns> without cref describes every one.
        $id = if ($output.Type) { Get-DocumentationId 'T' $output.Type } else { "T:$($output.Name)" }
        $returns = @($docs.Returns | Where-Object { $_.Cref -eq $id }) +
            @($docs.Returns | Where-Object { -not $_.Cref })
        $description = if ($returns) { $returns[0].Text } else { Get-TypeSummary $output.Type }
        @{ Name = $output.Name; Description = $description }
    }
    Write-TypeList $Writer 'returnValues' 'returnValue' @($outputs)

    $Writer.WriteStartElement('command', 'examples', $namespaces.command)
    foreach ($example in $docs.Examples) {
        $Writer.WriteStartElement('command', 'example', $namespaces.command)
        $dashes = '-' * [math]::Max(4, [math]::Floor((76 - $example.Title.Length) / 2))
        $Writer.WriteElementString('maml', 'title', $namespaces.maml, "$dashes $($example.Title) $dashes")
        Write-Description $Writer @('PS > ') -Element 'introduction'
        $Writer.WriteElementString('dev', 'code', $namespaces.dev, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $namespaces.dev)
        # The empty paragraph is the blank line Get-Help shows before the next example.
        Write-Para $Writer (@($example.Remarks) + '')
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $namespaces.command)
    foreach ($link in $docs.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $namespaces.maml)
        $Writer.WriteElementString('maml', 'linkText', $namespaces.maml, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $namespaces.maml, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

$module = Import-Module -Name (Resolve-Path -LiteralPath $ModulePath).Path -PassThru -Force
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
if (-not $commands) {
    throw "The module '$ModulePath' exports no cmdlets; expected at least one to document."
}
$script:members = Read-Documentation $DocumentationFolder
if (-not $script:members.Count) {
    throw "'$DocumentationFolder' holds no XML documentation files; expected HealthMock.xml beside HealthMock.dll."
}
$script:cmdletsByType = @{}
foreach ($command in $commands) {
    $script:cmdletsByType[(Get-DocumentationId 'T' $command.ImplementingType)] = $command.Name
}
$script:current = ''

$folder = Split-Path -Parent ([System.IO.Path]::GetFullPath($OutputPath))
New-Item -ItemType Directory -Path $folder -Force | Out-Null
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.IndentChars = '  '
$settings.NewLineChars = "`n"
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$writer = [System.Xml.XmlWriter]::Create([System.IO.Path]::GetFullPath($OutputPath), $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', $namespaces.msh)
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $commands) {
        Write-CommandHelp $writer $command
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}
Write-Host "Wrote help for $($commands.Count) cmdlets to $OutputPath"
