BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $referenceDate = [datetime]'2026-12-03'
}

Describe 'New-MockProvider' {
    Context 'output' {
        It 'writes HealthMock.Provider objects' {
            $provider = New-MockProvider -Seed 1

            $provider | Should -BeOfType ([HealthMock.Provider])
            $provider.PSObject.TypeNames[0] | Should -Be 'HealthMock.Provider'
        }

        It 'declares HealthMock.Provider as its output type' {
            (Get-Command New-MockProvider).OutputType.Name | Should -Contain 'HealthMock.Provider'
        }

        It 'writes one provider when no count is given and nothing for a count of 0' {
            @(New-MockProvider -Seed 1).Count | Should -Be 1
            @(New-MockProvider -Count 0 -Seed 1).Count | Should -Be 0
        }

        It 'gives distinct ids and valid NPIs for -Count 200' {
            $providers = New-MockProvider -Count 200 -Seed 1

            @($providers.Id | Sort-Object -Unique).Count | Should -Be 200
            @($providers.Npi | Sort-Object -Unique).Count | Should -Be 200
            $providers.Id | Should -Match '^dr_[a-z]+_[a-z0-9_]+_\d{2,}$'
            $providers | ForEach-Object { [HealthMock.Generation.Npi]::IsValid($_.Npi) } | Should -Not -Contain $false
        }

        It 'has a table view with the id, name, specialty, clinic and whether it accepts new patients' {
            $table = New-MockProvider -Count 3 -Seed 1 | Format-Table | Out-String -Width 200

            $table | Should -Match 'Id\s+Name\s+Specialty\s+Clinic\s+Accepting'
        }

        It 'writes the seed to the verbose stream' {
            $verbose = New-MockProvider -Seed 5 -ReferenceDate $referenceDate -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

            $verbose.Message | Should -Match 'Seed 5, reference date 2026-12-03'
        }

        It 'draws a seed and says how to repeat the run when none is given' {
            $verbose = New-MockProvider -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

            $verbose.Message | Should -Match 'pass -Seed \d+ to repeat this run'
        }
    }

    Context 'determinism' {
        It 'gives identical output for the same seed' {
            $first = New-MockProvider -Count 20 -Seed 7 | ConvertTo-Json -Depth 4 -Compress
            $second = New-MockProvider -Count 20 -Seed 7 | ConvertTo-Json -Depth 4 -Compress

            $second | Should -Be $first
        }

        It 'makes a short run the start of a longer one and joins shards into one run' {
            $whole = New-MockProvider -Count 30 -Seed 8 | ConvertTo-Json -Depth 4 -Compress
            $shards = @(New-MockProvider -Count 12 -Seed 8) + @(New-MockProvider -Count 18 -StartIndex 12 -Seed 8)

            ($shards | ConvertTo-Json -Depth 4 -Compress) | Should -Be $whole
        }
    }

    Context 'specialties' {
        It 'keeps only the specialties given by -Specialty' {
            $providers = New-MockProvider -Count 60 -Seed 2 -Specialty Cardiology, 'Family Medicine'

            $providers.Specialty | Sort-Object -Unique | Should -Be @('Cardiology', 'Family Medicine')
        }

        It 'makes only primary care providers with -PrimaryCareShare 1' {
            $providers = New-MockProvider -Count 50 -Seed 3 -PrimaryCareShare 1

            $providers.IsPrimaryCare | Should -Not -Contain $false
        }

        It 'makes no primary care provider with -PrimaryCareShare 0' {
            $providers = New-MockProvider -Count 50 -Seed 3 -PrimaryCareShare 0

            $providers.IsPrimaryCare | Should -Not -Contain $true
        }

        It 'completes specialty names from the seeds, quoting names with spaces' {
            $line = 'New-MockProvider -Specialty Obs'
            $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

            $matches.CompletionText | Should -Be @("'Obstetrics and Gynecology'")
        }

        It 'completes every seeded specialty for an empty word' {
            $line = 'New-MockProvider -Specialty '
            $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

            $matches.CompletionText | Should -Contain 'Pediatrics'
            $matches.CompletionText | Should -Contain "'Family Medicine'"
        }
    }

    Context 'errors' {
        It 'stops with UnknownSpecialty for a specialty not in the seeds' {
            { New-MockProvider -Seed 1 -Specialty Astrology } |
                Should -Throw -ErrorId 'UnknownSpecialty,HealthMock.Commands.NewMockProviderCommand'
        }

        It 'names the bad specialty and the known ones' {
            $record = { New-MockProvider -Seed 1 -Specialty Astrology } | Should -Throw -PassThru

            $record.Exception.Message | Should -Match "'Astrology'"
            $record.Exception.Message | Should -Match 'Cardiology'
            $record.TargetObject | Should -Be 'Astrology'
        }

        It 'stops with InvalidPrimaryCareShare for a share of <Share>' -ForEach @(
            @{ Share = 1.5 }
            @{ Share = -0.2 }
        ) {
            { New-MockProvider -Seed 1 -PrimaryCareShare $Share } |
                Should -Throw -ErrorId 'InvalidPrimaryCareShare,HealthMock.Commands.NewMockProviderCommand'
        }

        It 'stops with InvalidPrimaryCareShare when the specialties given cannot meet the share' {
            { New-MockProvider -Seed 1 -Specialty Urology -PrimaryCareShare 1 } |
                Should -Throw -ErrorId 'InvalidPrimaryCareShare,HealthMock.Commands.NewMockProviderCommand'
        }
    }
}

Describe 'New-MockPatient -Provider' {
    Context 'primary care providers' {
        It 'gives patients primary care providers from the list' {
            $providers = New-MockProvider -Count 10 -Seed 1 -PrimaryCareShare 1
            $patients = New-MockPatient -Count 100 -Seed 1 -ReferenceDate $referenceDate -Provider $providers

            $patients.PrimaryCareProviderId | Where-Object { $_ -notin $providers.Id } | Should -BeNullOrEmpty
        }

        It 'gives the display name of the provider with the id' {
            $providers = New-MockProvider -Count 10 -Seed 1 -PrimaryCareShare 1
            $byId = @{}
            $providers | ForEach-Object { $byId[$_.Id] = $_ }
            $patients = New-MockPatient -Count 50 -Seed 2 -ReferenceDate $referenceDate -Provider $providers

            foreach ($patient in $patients) {
                $patient.PrimaryCareProvider | Should -Be $byId[$patient.PrimaryCareProviderId].DisplayName
            }
        }

        It 'gives minors pediatrics or family medicine and adults never a pediatrician' {
            $providers = New-MockProvider -Count 30 -Seed 4 -PrimaryCareShare 1
            $byId = @{}
            $providers | ForEach-Object { $byId[$_.Id] = $_ }
            $patients = New-MockPatient -Count 300 -Seed 4 -ReferenceDate $referenceDate -Provider $providers

            foreach ($patient in $patients) {
                $specialty = $byId[$patient.PrimaryCareProviderId].Specialty
                if ($patient.Age -lt 18) {
                    $specialty | Should -BeIn @('Pediatrics', 'Family Medicine')
                }
                else {
                    $specialty | Should -Not -Be 'Pediatrics'
                }
            }
        }

        It 'draws from New-MockProvider with the same seed and a share of 1 when no providers are given' {
            $patients = New-MockPatient -Count 50 -Seed 6 -ReferenceDate $referenceDate
            $pool = New-MockProvider -Count 200 -Seed 6 -PrimaryCareShare 1

            $patients.PrimaryCareProviderId | Where-Object { $_ -notin $pool.Id } | Should -BeNullOrEmpty
        }
    }

    Context 'errors' {
        It 'stops with NoSuitableProvider when only pediatricians are given for adults' {
            $pediatricians = New-MockProvider -Count 5 -Seed 1 -Specialty Pediatrics

            { New-MockPatient -Count 10 -Seed 1 -MinAge 18 -Provider $pediatricians } |
                Should -Throw -ErrorId 'NoSuitableProvider,HealthMock.Commands.NewMockPatientCommand'
        }

        It 'names the age and the specialties given when no provider is suitable' {
            $pediatricians = New-MockProvider -Count 5 -Seed 1 -Specialty Pediatrics
            $record = { New-MockPatient -Seed 1 -MinAge 30 -Provider $pediatricians } | Should -Throw -PassThru

            $record.Exception.Message | Should -Match 'aged 30'
            $record.Exception.Message | Should -Match 'Pediatrics'
        }

        It 'serves minors with pediatricians alone' {
            $pediatricians = New-MockProvider -Count 5 -Seed 1 -Specialty Pediatrics
            $patients = New-MockPatient -Count 20 -Seed 1 -MaxAge 17 -Provider $pediatricians

            $patients.PrimaryCareProviderId | Where-Object { $_ -notin $pediatricians.Id } | Should -BeNullOrEmpty
        }

        It 'stops with NoPrimaryCareProvider when no provider given is in primary care' {
            $specialists = New-MockProvider -Count 5 -Seed 1 -PrimaryCareShare 0

            { New-MockPatient -Seed 1 -Provider $specialists } |
                Should -Throw -ErrorId 'NoPrimaryCareProvider,HealthMock.Commands.NewMockPatientCommand'
        }

        It 'writes nothing before stopping' {
            $specialists = New-MockProvider -Count 5 -Seed 1 -PrimaryCareShare 0
            $written = @()

            { New-MockPatient -Count 5 -Seed 1 -Provider $specialists | ForEach-Object { $written += $_ } } |
                Should -Throw
            $written.Count | Should -Be 0
        }
    }
}
