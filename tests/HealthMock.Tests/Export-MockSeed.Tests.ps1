BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force
}

Describe 'Export-MockSeed' {
    Context 'files' {
        It 'writes every seeds file into a new folder' {
            $folder = Join-Path TestDrive: 'all'

            Export-MockSeed -Path $folder

            (Get-ChildItem -LiteralPath $folder).Name | Sort-Object | Should -Be @('allergies.json', 'clinics.json',
                'conditions.json', 'locations.json', 'names.json', 'payers.json', 'specialties.json', 'streets.json')
        }

        It 'accepts by -Name every seeds file the module reads' {
            $accepted = (Get-Command Export-MockSeed).Parameters['Name'].Attributes |
                Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } |
                ForEach-Object ValidValues
            $read = (Get-MockSeedPath).EmbeddedFiles

            @($accepted | Sort-Object) | Should -Be @($read | Sort-Object)
        }

        It 'writes the embedded seeds unchanged, so generation from them equals the default' {
            $folder = Join-Path TestDrive: 'same'
            Export-MockSeed -Path $folder

            $fromFolder = New-MockPatient -Count 20 -Seed 9 -ReferenceDate 2026-01-01 -SeedPath $folder
            $embedded = New-MockPatient -Count 20 -Seed 9 -ReferenceDate 2026-01-01

            ($fromFolder | ConvertTo-Json -Depth 5) | Should -BeExactly ($embedded | ConvertTo-Json -Depth 5)
        }

        It 'writes only the files named, whatever their case, and returns them with -PassThru' {
            $folder = Join-Path TestDrive: 'some'

            $files = Export-MockSeed -Path $folder -Name PAYERS.json, specialties.json -PassThru

            $files | Should -BeOfType ([System.IO.FileInfo])
            $files.Name | Should -Be @('payers.json', 'specialties.json')
            $files[0].PSProvider.Name | Should -Be 'FileSystem' -Because 'Get-Item gives files its members'
            $files[0].Length | Should -Be (Get-Item -LiteralPath $files[0].FullName).Length
            if (-not $IsWindows) {
                $files[0].UnixMode | Should -Be (Get-Item -LiteralPath $files[0].FullName).UnixMode
            }
        }

        It 'writes nothing with -WhatIf' {
            $folder = Join-Path TestDrive: 'whatif'

            Export-MockSeed -Path $folder -WhatIf

            Test-Path -LiteralPath $folder | Should -BeFalse
        }
    }

    Context 'errors' {
        It 'keeps a file already there without -Force and replaces it with -Force' {
            $folder = Join-Path TestDrive: 'existing'
            Export-MockSeed -Path $folder -Name streets.json
            $path = Join-Path $folder 'streets.json'
            Set-Content -LiteralPath $path -Value '{}'

            Export-MockSeed -Path $folder -Name streets.json -ErrorVariable failure -ErrorAction SilentlyContinue

            $failure[0].FullyQualifiedErrorId | Should -BeLike 'SeedsFileExists,*'
            Get-Content -LiteralPath $path -Raw | Should -Match '^\{\}'

            Export-MockSeed -Path $folder -Name streets.json -Force

            Get-Content -LiteralPath $path -Raw | Should -Match 'street_names'
        }

        It 'rejects a name that is not a seeds file' {
            { Export-MockSeed -Path (Join-Path TestDrive: 'bad') -Name users.json -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,HealthMock.Commands.ExportMockSeedCommand'
        }
    }
}
