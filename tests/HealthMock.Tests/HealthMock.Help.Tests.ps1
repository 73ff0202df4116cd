BeforeDiscovery {
    # The cases come from the built module: its cmdlets, their parameters and the examples in their help.
    Import-Module $env:HEALTHMOCK_MODULE -Force
    $commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters

    $commands = foreach ($command in Get-Command -Module HealthMock -CommandType Cmdlet | Sort-Object Name) {
        $examples = @((Get-Help $command.Name -Examples).examples.example | Where-Object { $_ })
        @{
            Name       = $command.Name
            Parameters = @($command.Parameters.Keys | Where-Object { $_ -notin $commonParameters } | Sort-Object)
            Examples   = @(for ($index = 0; $index -lt $examples.Count; $index++) {
                    @{ Number = $index + 1; Code = [string]$examples[$index].code }
                })
        }
    }
}

BeforeAll {
    Import-Module $env:HEALTHMOCK_MODULE -Force
}

Describe '<Name> help' -ForEach $commands {
    BeforeAll {
        $help = Get-Help $Name -Full
    }

    Context 'text' {
        It 'has a synopsis of its own' {
            $help.Synopsis | Should -Not -BeNullOrEmpty
            $help.Synopsis.Trim() | Should -Not -BeLike "$Name*" `
                -Because 'Get-Help makes the synopsis from the syntax when a cmdlet has no help'
        }

        It 'has a description' {
            ($help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
        }

        It 'has at least two examples' {
            @($help.examples.example | Where-Object { $_ }).Count | Should -BeGreaterOrEqual 2
        }

        It 'has related links' {
            @($help.relatedLinks.navigationLink | Where-Object { $_.linkText }) | Should -Not -BeNullOrEmpty
        }

        It 'keeps the space before a path such as ./clinic' {
            # A regression test: the help builder once glued inline code to the word before it ("into./clinic").
            $prose = @($help.description.Text) + @($help.parameters.parameter.description.Text) +
                @($help.examples.example.remarks.Text)
            $glued = @($prose | Where-Object { $_ -match '[A-Za-z]\.[/\\]\w' })
            $glued | Should -BeNullOrEmpty
        }
    }

    Context 'parameters' {
        It 'describes -<_>' -ForEach $Parameters {
            $parameter = $help.parameters.parameter | Where-Object name -EQ $_
            ($parameter.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
        }

        It 'shows the default value of every parameter whose description mentions a default' {
            # "-Default" is a parameter name, not a default; a <value> tag in the doc comment gives the default.
            $missing = @($help.parameters.parameter | Where-Object {
                    ($_.description.Text -join ' ') -match '(?<![-\w])default\b' -and $_.defaultValue -eq 'None'
                } | ForEach-Object { "-$($_.name)" })
            $missing | Should -BeNullOrEmpty -Because 'help should not say None where the description names a default'
        }
    }

    Context 'examples' {
        It 'runs example <Number> without error' -ForEach $Examples {
            # Each example runs in a folder of its own, so the files one example writes cannot break another.
            $folder = New-Item -ItemType Directory -Path "TestDrive:\$Name-example-$Number"
            $example = [scriptblock]::Create($Code)
            $ErrorActionPreference = 'Stop'
            Push-Location -Path "TestDrive:\$($folder.Name)"
            try {
                # The call operator runs the example in a child scope; only its errors are kept.
                { $null = & $example 3>$null 4>$null 5>$null 6>$null } | Should -Not -Throw
            }
            finally {
                Pop-Location
            }
        }
    }
}

Describe 'about_HealthMock' {
    It 'is found by Get-Help' {
        $topic = Get-Help about_HealthMock -ErrorAction Stop
        $topic | Out-String | Should -Match 'SHORT DESCRIPTION'
    }

    It 'covers <_>' -ForEach 'DETERMINISM', 'THE REFERENCE DATE', 'SAFETY', 'THE DATASET LAYOUT', 'THE MOCK API' {
        Get-Help about_HealthMock | Out-String | Should -Match $_
    }

    It 'names every cmdlet of the module' {
        $topic = Get-Help about_HealthMock | Out-String
        $missing = (Get-Command -Module HealthMock -CommandType Cmdlet).Name |
            Where-Object { $topic -notmatch "\b$([regex]::Escape($_))\b" }

        $missing | Should -BeNullOrEmpty
    }
}
