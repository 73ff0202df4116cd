BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 22 -ReferenceDate 2026-01-15
    $folder = Join-Path TestDrive: 'clinic'
    $dataset | Export-MockDataset -Path $folder
}

Describe 'Get-MockPatient' {
    Context 'by id' {
        It 'gets each patient by id from a folder' {
            $ids = $dataset.Patients[0..1].Id

            $found = Get-MockPatient -Path $folder -PatientId $ids

            $found.Id | Should -Be $ids
            $found[0] | Should -BeOfType ([HealthMock.Patient])
            $found[0].Email | Should -Be $dataset.Patients[0].Email
        }

        It 'writes a NotFound error for an unknown id and goes on with the others' {
            $found = Get-MockPatient -Dataset $dataset -PatientId 'nobody_0000', $dataset.Patients[0].Id `
                -ErrorAction SilentlyContinue -ErrorVariable problems

            $found.Id | Should -Be $dataset.Patients[0].Id
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
        }
    }

    Context 'from the pipeline' {
        It 'binds the PatientId of appointments and the Id of patients' {
            $appointment = $dataset.Appointments[0]

            ($appointment | Get-MockPatient -Dataset $dataset).Id | Should -Be $appointment.PatientId
            ($dataset.Patients[3] | Get-MockPatient -Dataset $dataset).Id | Should -Be $dataset.Patients[3].Id
            ($dataset.Patients[4].Id | Get-MockPatient -Path $folder).Id | Should -Be $dataset.Patients[4].Id
        }
    }
}
