BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 28 -ReferenceDate 2026-01-15
    $folder = Join-Path TestDrive: 'clinic'
    $dataset | Export-MockDataset -Path $folder
    $patient = $dataset.Patients[0]
    $slots = @(Get-MockAvailableSlot -Path $folder -ProviderId $patient.PrimaryCareProviderId -PatientId $patient.Id `
        -AppointmentType Follow-up)
    $booked = $slots[0] | Add-MockAppointment -Path $folder
    $moved = $booked | Move-MockAppointment -Path $folder -Start $slots[6].Start -PassThru
}

Describe 'Move-MockAppointment' {
    Context 'moving a booked appointment' {
        BeforeAll {
            $old = Get-MockAppointment -Path $folder -AppointmentId $booked.Id
        }

        It 'books a new appointment at the new start with the same patient, provider and type' {
            $moved | Should -BeOfType ([HealthMock.Appointment])
            $moved.Id | Should -Not -Be $booked.Id
            $moved.Start | Should -Be $slots[6].Start
            $moved.Status | Should -Be 'Scheduled'
            $moved.PatientId | Should -Be $booked.PatientId
            $moved.ProviderId | Should -Be $booked.ProviderId
            $moved.Type | Should -Be $booked.Type
        }

        It 'cancels the old appointment as rescheduled' {
            $old.Status | Should -Be 'Canceled'
            $old.CancellationReason | Should -Be 'rescheduled'
            $old.CanceledAt | Should -Not -BeNullOrEmpty
        }

        It 'leaves the folder keeping every rule' {
            Test-MockDataset -Path $folder -Quiet | Should -BeTrue
        }

        It 'writes nothing without -PassThru' {
            $copy = Import-MockDataset -Path $folder
            $moved | Move-MockAppointment -Dataset $copy -Start $slots[10].Start | Should -BeNullOrEmpty
        }
    }

    Context 'refusals' {
        It 'writes InvalidStatus for a completed appointment and leaves it as it was' {
            $completed = $dataset.Appointments | Where-Object Status -EQ 'Completed' | Select-Object -First 1

            $completed | Move-MockAppointment -Dataset $dataset -Start $slots[12].Start -ErrorAction SilentlyContinue `
                -ErrorVariable problems

            $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidStatus,*'
            ($dataset.Appointments | Where-Object Id -EQ $completed.Id).Status | Should -Be 'Completed'
        }

        It 'keeps the old appointment when the new start is refused' {
            $before = (Get-FileHash -LiteralPath (Join-Path $folder 'appointments.json')).Hash

            $moved | Move-MockAppointment -Path $folder -Start '2026-01-17 03:00' -ErrorAction SilentlyContinue `
                -ErrorVariable problems

            $problems[0].FullyQualifiedErrorId | Should -BeLike 'SlotUnavailable,*'
            (Get-MockAppointment -Path $folder -AppointmentId $moved.Id).Status | Should -Be 'Scheduled'
            (Get-FileHash -LiteralPath (Join-Path $folder 'appointments.json')).Hash | Should -Be $before
        }

        It 'changes nothing with -WhatIf' {
            $before = (Get-FileHash -LiteralPath (Join-Path $folder 'appointments.json')).Hash

            $moved | Move-MockAppointment -Path $folder -Start $slots[14].Start -WhatIf

            (Get-FileHash -LiteralPath (Join-Path $folder 'appointments.json')).Hash | Should -Be $before
        }
    }
}
