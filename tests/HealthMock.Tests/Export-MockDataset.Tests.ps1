BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $referenceDate = [datetime]'2026-01-01'
    $dataFiles = 'users.json', 'providers.json', 'appointments.json', 'insurance.json'
    $allFiles = $dataFiles + 'manifest.json'
    $dataset = New-MockDataset -PatientCount 60 -ProviderCount 8 -AppointmentsPerPatient 2 -Seed 11 `
        -ReferenceDate $referenceDate
}

Describe 'Export-MockDataset' {
    Context 'writing a folder' {
        BeforeAll {
            $folder = Join-Path TestDrive: 'clinic'
            $dataset | Export-MockDataset -Path $folder
        }

        It 'writes the four data files and the manifest, and nothing else' {
            @(Get-ChildItem -LiteralPath $folder -Force).Name | Sort-Object | Should -Be ($allFiles | Sort-Object)
        }

        It 'keys users.json by patient id and keeps the benchmark field names' {
            $users = Get-Content -LiteralPath (Join-Path $folder 'users.json') -Raw | ConvertFrom-Json -AsHashtable
            $first = $dataset.Patients[0]
            $record = $users[$first.Id]

            $users.Count | Should -Be $dataset.Patients.Count
            $record.dob | Should -Be $first.DateOfBirth.ToString('yyyy-MM-dd')
            $record.primary_care_provider | Should -Be $first.PrimaryCareProvider
            $record.primary_care_provider_id | Should -Be $first.PrimaryCareProviderId
            foreach ($name in 'first_name', 'last_name', 'email', 'address', 'city', 'state', 'zip', 'phone',
                'insurance_policy_number', 'insurance_provider', 'coverage_type', 'deductible_balance',
                'preferred_contact_method', 'chronic_conditions', 'allergies', 'medications',
                'account_creation_date') {
                $record.ContainsKey($name) | Should -BeTrue -Because "users.json records carry $name"
            }
        }

        It 'keys insurance.json by policy number' {
            $insurance = Get-Content -LiteralPath (Join-Path $folder 'insurance.json') -Raw |
                ConvertFrom-Json -AsHashtable

            @($insurance.Keys | Sort-Object) | Should -Be @($dataset.Policies.PolicyNumber | Sort-Object)
        }

        It 'writes appointment starts in ISO 8601 with the UTC offset' {
            $appointments = Get-Content -LiteralPath (Join-Path $folder 'appointments.json') -Raw |
                ConvertFrom-Json -AsHashtable -DateKind String

            $appointments.Values.start | Should -Match '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$'
        }

        It 'writes a manifest with the seed, counts and a SHA-256 per file' {
            $manifest = Get-Content -LiteralPath (Join-Path $folder 'manifest.json') -Raw |
                ConvertFrom-Json -AsHashtable

            $manifest.seed | Should -Be 11
            $manifest.reference_date | Should -Be '2026-01-01'
            $manifest.counts['appointments.json'] | Should -Be $dataset.Appointments.Count
            foreach ($file in $dataFiles) {
                $hash = (Get-FileHash -LiteralPath (Join-Path $folder $file) -Algorithm SHA256).Hash.ToLowerInvariant()
                $manifest.sha256[$file] | Should -Be $hash
            }
        }
    }

    Context 'existing folders' {
        It 'refuses to replace a dataset without -Force and changes nothing' {
            $folder = Join-Path TestDrive: 'existing'
            $dataset | Export-MockDataset -Path $folder
            $before = Get-FileHash -LiteralPath (Join-Path $folder 'users.json')
            $other = New-MockDataset -PatientCount 5 -ProviderCount 3 -Seed 2 -ReferenceDate $referenceDate

            { $other | Export-MockDataset -Path $folder -ErrorAction Stop } |
                Should -Throw -ErrorId 'DatasetExists,HealthMock.Commands.ExportMockDatasetCommand'
            (Get-FileHash -LiteralPath (Join-Path $folder 'users.json')).Hash | Should -Be $before.Hash
        }

        It 'replaces the dataset with -Force and keeps other files' {
            $folder = Join-Path TestDrive: 'forced'
            $dataset | Export-MockDataset -Path $folder
            Set-Content -LiteralPath (Join-Path $folder 'notes.txt') -Value 'keep me'
            $other = New-MockDataset -PatientCount 5 -ProviderCount 3 -Seed 2 -ReferenceDate $referenceDate

            $other | Export-MockDataset -Path $folder -Force

            (Import-MockDataset -Path $folder).Patients.Count | Should -Be 5
            Get-Content -LiteralPath (Join-Path $folder 'notes.txt') | Should -Be 'keep me'
        }

        It 'reports a missing parent folder as DirectoryNotFound and creates nothing' {
            $folder = Join-Path TestDrive: 'missing/clinic'

            { $dataset | Export-MockDataset -Path $folder -ErrorAction Stop } |
                Should -Throw -ErrorId 'DirectoryNotFound,HealthMock.Commands.ExportMockDatasetCommand'
            Test-Path -LiteralPath (Join-Path TestDrive: 'missing') | Should -BeFalse
        }

        It 'writes nothing with -WhatIf' {
            $folder = Join-Path TestDrive: 'whatif'

            $dataset | Export-MockDataset -Path $folder -WhatIf

            Test-Path -LiteralPath $folder | Should -BeFalse
        }

        It 'leaves no new file when a record cannot be written' {
            $folder = Join-Path TestDrive: 'broken'
            New-Item -ItemType Directory -Path $folder | Out-Null
            $broken = New-MockDataset -PatientCount 5 -ProviderCount 3 -Seed 4 -ReferenceDate $referenceDate
            $broken.Appointments.Add($broken.Appointments[0])

            { $broken | Export-MockDataset -Path $folder -ErrorAction Stop } |
                Should -Throw -ErrorId 'DuplicateKey,HealthMock.Commands.ExportMockDatasetCommand'
            @(Get-ChildItem -LiteralPath $folder -Force).Count | Should -Be 0
        }
    }

    Context 'output' {
        It 'returns the manifest with -PassThru' {
            $manifest = $dataset | Export-MockDataset -Path (Join-Path TestDrive: 'passthru') -PassThru

            $manifest | Should -BeOfType ([HealthMock.DatasetManifest])
            $manifest.Counts['users.json'] | Should -Be 60
            $manifest.Sha256['users.json'] | Should -Match '^[0-9a-f]{64}$'
        }

        It 'writes the folder it wrote to the verbose stream' {
            $folder = Join-Path TestDrive: 'verbose'
            $verbose = $dataset | Export-MockDataset -Path $folder -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

            $wrote = $verbose.Message | Where-Object { $_ -like 'Wrote *' }
            $wrote | Should -Match "^Wrote 60 patients, .* to '.*verbose'\.$"
        }
    }

    Context 'a large dataset, written as it is made' {
        BeforeAll {
            # 25,000 patients with three appointments each pass the 100,000 records made at once.
            $large = @{ PatientCount = 25000; ProviderCount = 250; Seed = 3; ReferenceDate = $referenceDate }
        }

        It 'is returned before its records are made and says so in the verbose stream' {
            $verbose = New-MockDataset @large -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

            $verbose.Message | Should -Contain ('25000 patients, 250 providers, 75000 appointments (seed 3; records ' +
                'made when first read): over 100,000 records, so they are made when first read. Export-MockDataset ' +
                'writes them as they are made, without holding them in memory.')
        }

        It 'writes the same files as the dataset read whole, and they pass every rule' {
            $streamed = Join-Path TestDrive: 'streamed'
            $whole = Join-Path TestDrive: 'whole'
            $manifest = New-MockDataset @large | Export-MockDataset -Path $streamed -PassThru
            $read = New-MockDataset @large
            $read.Appointments.Count | Should -Be 75000
            $again = $read | Export-MockDataset -Path $whole -PassThru

            $manifest.Counts['users.json'] | Should -Be 25000
            $manifest.Counts['appointments.json'] | Should -Be 75000
            foreach ($file in $dataFiles) {
                $manifest.Sha256[$file] | Should -Be $again.Sha256[$file] -Because "$file should not depend on the path"
                (Get-FileHash -LiteralPath (Join-Path $streamed $file) -Algorithm SHA256).Hash.ToLowerInvariant() |
                    Should -Be $manifest.Sha256[$file]
            }
            Test-MockDataset -Path $streamed -Quiet | Should -BeTrue
        }

        It 'stops with NoFreeSlot when the schedules fill up, leaving no file' {
            $folder = Join-Path TestDrive: 'full'
            New-Item -ItemType Directory -Path $folder | Out-Null

            { New-MockDataset -PatientCount 25000 -ProviderCount 1 -Seed 3 | Export-MockDataset -Path $folder } |
                Should -Throw -ErrorId 'NoFreeSlot,HealthMock.Commands.ExportMockDatasetCommand'
            @(Get-ChildItem -LiteralPath $folder -Force).Count | Should -Be 0
        }
    }
}
