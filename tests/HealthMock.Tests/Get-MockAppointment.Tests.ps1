BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 40 -ProviderCount 6 -AppointmentsPerPatient 4 -Seed 24 `
        -ReferenceDate 2026-01-15
    $folder = Join-Path TestDrive: 'clinic'
    $dataset | Export-MockDataset -Path $folder
    $patient = $dataset.Patients[0]
    $own = @($dataset.Appointments | Where-Object PatientId -EQ $patient.Id | Sort-Object { $_.Start.UtcDateTime })
}

Describe 'Get-MockAppointment' {
    Context 'a patient''s appointments' {
        It 'lists them by start time' {
            $listed = Get-MockAppointment -Path $folder -PatientId $patient.Id

            $listed[0] | Should -BeOfType ([HealthMock.Appointment])
            $listed.Id | Should -Be $own.Id
        }

        It 'lists only those with the statuses asked for' {
            $statuses = 'Completed', 'Canceled'

            @(Get-MockAppointment -Path $folder -PatientId $patient.Id -Status $statuses).Id |
                Should -Be @($own | Where-Object { $_.Status -in $statuses }).Id
        }

        It 'lists the appointments of patients piped in' {
            @($patient | Get-MockAppointment -Dataset $dataset).Id | Should -Be $own.Id
        }
    }

    Context 'by id' {
        It 'gets appointments by id' {
            $ids = $dataset.Appointments[2..3].Id

            (Get-MockAppointment -Path $folder -AppointmentId $ids).Id | Should -Be $ids
        }

        It 'writes a NotFound error for an unknown id' {
            Get-MockAppointment -Dataset $dataset -AppointmentId 'apt_999999' -ErrorAction SilentlyContinue `
                -ErrorVariable problems
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
        }
    }
}
