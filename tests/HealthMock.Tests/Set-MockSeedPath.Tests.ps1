BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $referenceDate = [datetime]'2026-12-03'

    function New-SeedsFolder {
        # A seeds folder whose locations.json keeps only the cities of the given states.
        param([string]$Name, [string[]]$State)

        $folder = Join-Path (Resolve-Path TestDrive:).ProviderPath $Name
        Export-MockSeed -Path $folder -Name locations.json
        $path = Join-Path $folder 'locations.json'
        $seeds = Get-Content -LiteralPath $path -Raw | ConvertFrom-Json
        $seeds.cities = @($seeds.cities | Where-Object state -In $State)
        $seeds | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $path
        $folder
    }

    function Set-SeedsField {
        # Replaces text in a seeds file, keeping it otherwise as it is.
        param([string]$Path, [string]$Old, [string]$New)

        (Get-Content -LiteralPath $Path -Raw).Replace($Old, $New) | Set-Content -LiteralPath $Path
    }

    $oregon = New-SeedsFolder 'oregon' 'OR'
}

AfterAll {
    Set-MockSeedPath -Default
}

Describe 'Set-MockSeedPath' {
    Context 'a seeds folder for the session' {
        AfterEach {
            Set-MockSeedPath -Default
        }

        It 'makes generators use the folder when they get no -SeedPath' {
            Set-MockSeedPath $oregon

            $patients = New-MockPatient -Count 30 -Seed 1 -ReferenceDate $referenceDate

            $patients.State | Sort-Object -Unique | Should -Be 'OR'
            (New-MockProvider -Count 10 -Seed 1).Clinic.State | Sort-Object -Unique | Should -Be 'OR'
        }

        It 'is shown by Get-MockSeedPath with the files the folder provides' {
            Set-MockSeedPath $oregon
            $info = Get-MockSeedPath

            $info.Path | Should -Be $oregon
            $info.IsEmbedded | Should -BeFalse
            $info.FolderFiles | Should -Be @('locations.json')
            $info.EmbeddedFiles | Should -Contain 'specialties.json'
        }

        It 'returns the seeds in effect with -PassThru' {
            $info = Set-MockSeedPath $oregon -PassThru

            $info | Should -BeOfType ([HealthMock.Seeds.SeedPathInfo])
            $info.Path | Should -Be $oregon
        }

        It 'binds a folder from Get-Item by its FullName' {
            Get-Item -LiteralPath $oregon | Set-MockSeedPath

            (Get-MockSeedPath).Path | Should -Be $oregon
        }

        It 'resolves a path relative to the current location' {
            Push-Location -LiteralPath (Split-Path $oregon)
            try {
                Set-MockSeedPath ./oregon
            }
            finally {
                Pop-Location
            }

            (Get-MockSeedPath).Path | Should -Be $oregon
        }

        It 'goes back to the embedded seeds with -Default' {
            Set-MockSeedPath $oregon
            Set-MockSeedPath -Default

            (Get-MockSeedPath).IsEmbedded | Should -BeTrue
            @(New-MockPatient -Count 60 -Seed 1 -ReferenceDate $referenceDate | Sort-Object State -Unique).Count |
                Should -BeGreaterThan 1
        }

        It 'changes nothing with -WhatIf' {
            Set-MockSeedPath $oregon -WhatIf

            (Get-MockSeedPath).IsEmbedded | Should -BeTrue
        }

        It 'warns about a folder that holds no seeds file' {
            $empty = New-Item -ItemType Directory -Path (Join-Path TestDrive: 'empty-seeds')

            Set-MockSeedPath $empty.FullName -WarningVariable warnings -WarningAction SilentlyContinue

            $warnings | Should -Match 'none of the seeds files'
        }
    }

    Context 'errors' {
        It 'stops with SeedPathNotFound for a missing folder and keeps the setting' {
            { Set-MockSeedPath (Join-Path TestDrive: 'no-such-folder') -ErrorAction Stop } |
                Should -Throw -ErrorId 'SeedPathNotFound,HealthMock.Commands.SetMockSeedPathCommand'
            (Get-MockSeedPath).IsEmbedded | Should -BeTrue
        }

        It 'stops with InvalidSeeds naming the file and the field of a malformed seeds file' {
            $folder = Join-Path TestDrive: 'bad-payers'
            Export-MockSeed -Path $folder -Name payers.json
            Set-SeedsField (Join-Path $folder 'payers.json') '"plan_type": "HMO"' '"plan_type": "HMX"'

            $failure = { Set-MockSeedPath $folder -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidSeeds,HealthMock.Commands.SetMockSeedPathCommand' -PassThru

            $failure.Exception.Message | Should -Match 'payers\.json'
            $failure.Exception.Message | Should -Match ([regex]::Escape('$.payers[0].plans[0].plan_type'))
            $failure.Exception.Message | Should -Match 'HMX'
            (Get-MockSeedPath).IsEmbedded | Should -BeTrue
        }

        It 'stops with InvalidSeeds for a seeds file that is not JSON, naming its line' {
            $folder = Join-Path TestDrive: 'not-json'
            Export-MockSeed -Path $folder -Name streets.json
            Set-Content -LiteralPath (Join-Path $folder 'streets.json') -Value "{`n  `"street_names`": [ oops ]`n}"

            $failure = { New-MockPatient -SeedPath $folder -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidSeeds,HealthMock.Commands.NewMockPatientCommand' -PassThru

            $failure.Exception.Message | Should -Match 'streets\.json'
            $failure.Exception.Message | Should -Match 'line 2'
        }
    }

    Context '-SeedPath on every command that reads seeds' {
        It 'is taken by <_>' -ForEach 'New-MockPatient', 'New-MockProvider', 'New-MockInsurancePolicy',
            'New-MockAppointment', 'New-MockDataset', 'Test-MockDataset' {
            (Get-Command $_).Parameters.Keys | Should -Contain 'SeedPath'
        }

        It 'overrides the session seeds for one command' {
            Set-MockSeedPath $oregon
            try {
                $washington = New-SeedsFolder 'washington' 'WA'
                $patients = New-MockPatient -Count 20 -Seed 2 -SeedPath $washington -ReferenceDate $referenceDate
            }
            finally {
                Set-MockSeedPath -Default
            }

            $patients.State | Sort-Object -Unique | Should -Be 'WA'
        }

        It 'builds and checks a whole dataset from the folder' {
            $clinic = New-MockDataset -PatientCount 30 -ProviderCount 6 -Seed 3 -SeedPath $oregon `
                -ReferenceDate $referenceDate

            $clinic.Patients.State | Sort-Object -Unique | Should -Be 'OR'
            @($clinic | Test-MockDataset -SeedPath $oregon).Count | Should -Be 0
        }

        It 'gives payers from the folder to policies, and -Payer chooses among them' {
            $folder = Join-Path TestDrive: 'renamed-payer'
            Export-MockSeed -Path $folder -Name payers.json
            Set-SeedsField (Join-Path $folder 'payers.json') 'Juniper Crest Health' 'Test Payer One'

            $policies = New-MockPatient -Count 10 -Seed 4 -MaxAge 60 -ReferenceDate $referenceDate |
                New-MockInsurancePolicy -Seed 4 -SeedPath $folder -Payer 'Test Payer One' -ReferenceDate $referenceDate

            $policies.Payer | Sort-Object -Unique | Should -Be 'Test Payer One'
        }

        It 'warns of a JSON file in the folder that is not a seeds file, such as a misspelt one' {
            $folder = Join-Path TestDrive: 'misspelt'
            Export-MockSeed -Path $folder -Name payers.json
            Rename-Item -LiteralPath (Join-Path $folder 'payers.json') -NewName 'payer.json'
            $full = (Resolve-Path $folder).ProviderPath

            $null = New-MockProvider -Count 1 -Seed 1 -SeedPath $folder -WarningVariable warnings `
                -WarningAction SilentlyContinue
            Set-MockSeedPath $folder -WarningVariable sessionWarnings -WarningAction SilentlyContinue
            Set-MockSeedPath -Default

            @($warnings).Count | Should -Be 1
            "$($warnings[0])" | Should -BeExactly ("The seeds folder '$full' holds 'payer.json', which is not a " +
                'seeds file and is not read; the seeds files are allergies.json, clinics.json, conditions.json, ' +
                'locations.json, names.json, payers.json, specialties.json, streets.json.')
            "$sessionWarnings" | Should -Match "holds 'payer.json', which is not a seeds file"
        }

        It 'does not warn of the seeds files themselves' {
            $null = New-MockProvider -Count 1 -Seed 1 -SeedPath $oregon -WarningVariable warnings `
                -WarningAction SilentlyContinue

            $warnings | Should -BeNullOrEmpty
        }

        It 'writes the seeds folder in use to the verbose stream' {
            $verbose = New-MockProvider -Seed 1 -SeedPath $oregon -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

            ($verbose.Message -join "`n") | Should -Match ([regex]::Escape("Seeds: the folder '$oregon'"))
        }

        It 'stops with SeedPathNotFound for a missing folder' {
            { New-MockProvider -SeedPath (Join-Path TestDrive: 'missing') -ErrorAction Stop } |
                Should -Throw -ErrorId 'SeedPathNotFound,HealthMock.Commands.NewMockProviderCommand'
        }
    }

    Context 'cache' {
        It 'reads a folder once and again only after a seeds file changes' {
            $folder = New-SeedsFolder 'cached' 'OR', 'WA'
            $DebugPreference = 'Continue'

            $first = New-MockProvider -Seed 1 -SeedPath $folder 5>&1 |
                Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
            $second = New-MockProvider -Seed 1 -SeedPath $folder 5>&1 |
                Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
            $file = Get-Item -LiteralPath (Join-Path $folder 'locations.json')
            $file.LastWriteTimeUtc = $file.LastWriteTimeUtc.AddMinutes(1)
            $third = New-MockProvider -Seed 1 -SeedPath $folder 5>&1 |
                Where-Object { $_ -is [System.Management.Automation.DebugRecord] }

            ($first.Message -join "`n") | Should -Match 'Read and checked the seeds files'
            ($second.Message -join "`n") | Should -Match 'from the cache'
            ($third.Message -join "`n") | Should -Match 'Read and checked the seeds files'
        }
    }
}
