BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 26 -ReferenceDate 2026-01-15
    $folder = Join-Path TestDrive: 'clinic'
    $dataset | Export-MockDataset -Path $folder
    $patient = $dataset.Patients[0]
    $pcp = $dataset.Providers | Where-Object Id -EQ $patient.PrimaryCareProviderId
}

Describe 'Get-MockAvailableSlot' {
    Context 'a provider''s week' {
        BeforeAll {
            $slots = @(Get-MockAvailableSlot -Path $folder -ProviderId $pcp.Id)
        }

        It 'lists slots on the provider''s working days after the reference date, for a week' {
            $slots | Should -Not -BeNullOrEmpty
            $slots[0] | Should -BeOfType ([HealthMock.Api.AvailableSlot])
            $slots | ForEach-Object {
                $_.Start.Date | Should -BeGreaterThan ([datetime]'2026-01-15')
                $_.Start.Date | Should -BeLessOrEqual ([datetime]'2026-01-21')
                $_.Start.DayOfWeek | Should -BeIn $pcp.Schedule.Days
                $_.DurationMinutes | Should -Be $pcp.Schedule.SlotMinutes
            }
        }

        It 'leaves out the starts of active appointments' {
            $taken = $dataset.Appointments | Where-Object {
                $_.ProviderId -eq $pcp.Id -and $_.Status -ne 'Canceled' -and $_.Start.Date -gt [datetime]'2026-01-15'
            }
            foreach ($appointment in $taken) {
                $slots.Start | Should -Not -Contain $appointment.Start
            }
        }
    }

    Context 'for a type and a patient' {
        It 'lists only starts where a whole appointment fits, as long as the type' {
            $slots = @(Get-MockAvailableSlot -Dataset $dataset -ProviderId $pcp.Id -PatientId $patient.Id `
                -AppointmentType follow-up -From 2026-01-19 -To 2026-01-20)

            $slots | Should -Not -BeNullOrEmpty
            $slots.AppointmentType | Select-Object -Unique | Should -Be 'Follow-up'
            $slots.PatientId | Select-Object -Unique | Should -Be $patient.Id
            $slots | ForEach-Object { $_.Start.Date | Should -BeIn ([datetime[]]('2026-01-19', '2026-01-20')) }
        }

        It 'binds the primary care provider of patients piped in' {
            $slots = @($patient | Get-MockAvailableSlot -Dataset $dataset -From 2026-01-19 -To 2026-01-19)

            $slots.ProviderId | Select-Object -Unique | Should -Be $pcp.Id
        }

        It 'writes a TypeNotOffered error for a type the specialty does not offer' {
            Get-MockAvailableSlot -Path $folder -ProviderId $pcp.Id -AppointmentType 'Echocardiogram' `
                -ErrorAction SilentlyContinue -ErrorVariable problems
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'TypeNotOffered,*'
        }

        It 'writes an InvalidArgument error for a range of more than 62 days' {
            Get-MockAvailableSlot -Path $folder -ProviderId $pcp.Id -From 2026-02-01 -To 2026-06-01 `
                -ErrorAction SilentlyContinue -ErrorVariable problems
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
        }
    }
}
