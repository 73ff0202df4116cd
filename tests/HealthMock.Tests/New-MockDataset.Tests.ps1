BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $referenceDate = [datetime]'2026-12-03'
}

Describe 'New-MockDataset' {
    Context 'a dataset of 200 patients and 15 providers' {
        BeforeAll {
            $dataset = New-MockDataset -PatientCount 200 -ProviderCount 15 -AppointmentsPerPatient 3 -Seed 1 `
                -ReferenceDate $referenceDate
        }

        It 'returns one HealthMock.MockDataset' {
            @($dataset).Count | Should -Be 1
            $dataset | Should -BeOfType ([HealthMock.MockDataset])
            (Get-Command New-MockDataset).OutputType.Name | Should -Contain 'HealthMock.MockDataset'
        }

        It 'holds the counts asked for' {
            $dataset.Patients.Count | Should -Be 200
            $dataset.Providers.Count | Should -Be 15
            $dataset.Appointments.Count | Should -Be 600
            $dataset.Policies.Count | Should -BeGreaterThan 150
            $dataset.Policies.Count | Should -BeLessThan 200
        }

        It 'records the seed, reference date and module version' {
            $dataset.Seed | Should -Be 1
            $dataset.ReferenceDate | Should -Be $referenceDate
            $dataset.ModuleVersion | Should -Not -BeNullOrEmpty
        }

        It 'links every patient to a primary care provider and policy of the dataset' {
            $providerIds = $dataset.Providers.Id
            $policyNumbers = $dataset.Policies.PolicyNumber
            foreach ($patient in $dataset.Patients) {
                $patient.PrimaryCareProviderId | Should -BeIn $providerIds
                if ($patient.InsurancePolicyNumber) { $patient.InsurancePolicyNumber | Should -BeIn $policyNumbers }
            }
        }

        It 'links every appointment to a patient and provider of the dataset' {
            $patientIds = $dataset.Patients.Id
            $providerIds = $dataset.Providers.Id
            foreach ($appointment in $dataset.Appointments) {
                $appointment.PatientId | Should -BeIn $patientIds
                $appointment.ProviderId | Should -BeIn $providerIds
            }
        }

        It 'breaks no consistency rule' {
            $violations = [HealthMock.DatasetValidator]::new().Validate($dataset)

            @($violations) | Should -BeNullOrEmpty
        }

        It 'gives the same dataset for the same seed' {
            $again = New-MockDataset -PatientCount 200 -ProviderCount 15 -AppointmentsPerPatient 3 -Seed 1 `
                -ReferenceDate $referenceDate
            $expected = $dataset | ConvertTo-Json -Depth 6 -Compress

            ($again | ConvertTo-Json -Depth 6 -Compress) | Should -BeExactly $expected
        }
    }

    Context 'a local clinic network' {
        BeforeAll {
            function Get-AwayFromHome($Dataset) {
                $providers = @{}
                foreach ($provider in $Dataset.Providers) { $providers[$provider.Id] = $provider }
                $homes = @{}
                foreach ($patient in $Dataset.Patients) { $homes[$patient.Id] = $patient.State }
                foreach ($patient in $Dataset.Patients) {
                    $state = $providers[$patient.PrimaryCareProviderId].Clinic.State
                    if ($state -ne $patient.State) { "$($patient.Id): primary care in $state" }
                }
                foreach ($appointment in $Dataset.Appointments | Where-Object Mode -eq 'InPerson') {
                    $state = $providers[$appointment.ProviderId].Clinic.State
                    if ($state -ne $homes[$appointment.PatientId]) { "$($appointment.Id): seen in $state" }
                }
            }

            $default = New-MockDataset -PatientCount 300 -ProviderCount 15 -Seed 1 -ReferenceDate $referenceDate
            $network = New-MockDataset -PatientCount 300 -ProviderCount 30 -State OR, Washington -Seed 2 `
                -ReferenceDate $referenceDate
        }

        It 'puts every clinic and patient of a default dataset in one state' {
            @($default.Providers.Clinic.State | Sort-Object -Unique).Count | Should -Be 1
            $default.Patients.State | Sort-Object -Unique | Should -Be ($default.Providers[0].Clinic.State)
        }

        It 'keeps primary care providers and in-person visits in the patient state' {
            Get-AwayFromHome $default | Should -BeNullOrEmpty
            Get-AwayFromHome $network | Should -BeNullOrEmpty
        }

        It 'puts clinics in the states given with -State and patients only among them' {
            $network.Providers.Clinic.State | Where-Object { $_ -notin 'OR', 'WA' } | Should -BeNullOrEmpty
            $network.Patients.State | Where-Object { $_ -notin 'OR', 'WA' } | Should -BeNullOrEmpty
        }

        It 'makes most linked policies Active' {
            $active = @($default.Policies | Where-Object Status -eq 'Active').Count

            $active / $default.Policies.Count | Should -BeGreaterOrEqual 0.9
        }

        It 'writes the network states to the verbose stream' {
            $verbose = New-MockDataset -PatientCount 2 -ProviderCount 2 -State OR -Seed 1 -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

            $verbose.Message | Should -Contain 'Clinics in OR.'
        }

        It 'fails with UnknownState for a state the seeds do not know' {
            { New-MockDataset -PatientCount 2 -ProviderCount 2 -State Atlantis -Seed 1 } |
                Should -Throw -ErrorId 'UnknownState,*'
        }

        It 'completes -State with the seeded state codes' {
            $line = 'New-MockDataset -State Ore'
            $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length

            $completion.CompletionMatches.CompletionText | Should -Contain 'OR'
        }
    }

    Context 'options and errors' {
        It 'takes the patient and provider counts by position' {
            $dataset = New-MockDataset 20 4 -Seed 2 -ReferenceDate $referenceDate -AppointmentsPerPatient 0

            $dataset.Patients.Count | Should -Be 20
            $dataset.Providers.Count | Should -Be 4
            $dataset.Appointments.Count | Should -Be 0
        }

        It 'leaves every patient insured with -UninsuredShare 0' {
            $dataset = New-MockDataset -PatientCount 50 -ProviderCount 5 -Seed 3 -ReferenceDate $referenceDate `
                -UninsuredShare 0

            $dataset.Patients | Where-Object { -not $_.InsurancePolicyNumber } | Should -BeNullOrEmpty
        }

        It 'fails with NoPrimaryCareProvider for patients without providers' {
            { New-MockDataset -PatientCount 10 -ProviderCount 0 -Seed 1 } |
                Should -Throw -ErrorId 'NoPrimaryCareProvider,*'
        }

        It 'writes the seed it drew to the verbose stream' {
            $verbose = New-MockDataset -PatientCount 2 -ProviderCount 2 -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

            $verbose[0].Message | Should -Match '^Seed \d+ \(drawn'
        }
    }
}
