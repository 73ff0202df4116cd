BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 40 -ProviderCount 10 -Seed 23 -ReferenceDate 2026-01-15
    $folder = Join-Path TestDrive: 'clinic'
    $dataset | Export-MockDataset -Path $folder
}

Describe 'Get-MockProvider' {
    Context 'listing' {
        It 'lists every provider without filters' {
            (Get-MockProvider -Path $folder).Id | Should -Be $dataset.Providers.Id
        }

        It 'lists the providers of a specialty by name or slug' {
            $specialty = $dataset.Providers[0].Specialty
            $expected = @($dataset.Providers | Where-Object Specialty -EQ $specialty).Id

            @(Get-MockProvider -Path $folder -Specialty $specialty).Id | Should -Be $expected
            @(Get-MockProvider -Dataset $dataset -Specialty $specialty.ToLowerInvariant()).Id | Should -Be $expected
        }

        It 'lists only those accepting new patients, or with :$false only those who are not' {
            $accepting = @($dataset.Providers | Where-Object AcceptingNewPatients).Id
            $closed = @($dataset.Providers | Where-Object { -not $_.AcceptingNewPatients }).Id

            @(Get-MockProvider -Path $folder -AcceptingNewPatients).Id | Should -Be $accepting
            @(Get-MockProvider -Path $folder -AcceptingNewPatients:$false).Id | Should -Be $closed
        }

        It 'writes an InvalidArgument error for an unknown specialty' {
            Get-MockProvider -Path $folder -Specialty 'Astrology' -ErrorAction SilentlyContinue -ErrorVariable problems
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
            $problems[0].Exception.Message | Should -Match 'Astrology'
        }
    }

    Context 'by id' {
        It 'gets a provider by id and binds the primary care provider of patients piped in' {
            $patient = $dataset.Patients[0]

            $provider = $dataset.Providers[1]
            $appointment = $dataset.Appointments[0]

            (Get-MockProvider -Path $folder -ProviderId $provider.Id).Id | Should -Be $provider.Id
            ($patient | Get-MockProvider -Dataset $dataset).Id | Should -Be $patient.PrimaryCareProviderId
            ($appointment | Get-MockProvider -Dataset $dataset).Id | Should -Be $appointment.ProviderId
        }

        It 'writes a NotFound error for an unknown id' {
            Get-MockProvider -Path $folder -ProviderId 'dr_nobody_00' -ErrorAction SilentlyContinue `
                -ErrorVariable problems
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
        }
    }
}
