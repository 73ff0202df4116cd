BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 29 -ReferenceDate 2026-01-15
    $folder = Join-Path TestDrive: 'clinic'
    $dataset | Export-MockDataset -Path $folder
    $upcoming = @($dataset.Appointments | Where-Object {
            $_.Status -in 'Scheduled', 'Confirmed' -and $_.Start.Date -gt [datetime]'2026-01-15'
        })
}

Describe 'Stop-MockAppointment' {
    Context 'canceling upcoming appointments' {
        BeforeAll {
            $canceled = @($upcoming[0..1] | Stop-MockAppointment -Path $folder -Reason 'Scheduling conflict' -PassThru)
            $saved = Get-MockAppointment -Path $folder -AppointmentId $upcoming[0..1].Id
        }

        It 'marks each canceled with the reason code and the current time' {
            $canceled.Id | Should -Be $upcoming[0..1].Id
            $saved.Status | Select-Object -Unique | Should -Be 'Canceled'
            $saved.CancellationReason | Select-Object -Unique | Should -Be 'scheduling_conflict'
            $saved[0].CanceledAt.DateTime | Should -Be ([datetime]'2026-01-15 23:59')
        }

        It 'leaves the folder keeping every rule' {
            Test-MockDataset -Path $folder -Quiet | Should -BeTrue
        }

        It 'frees the slot' {
            $slots = Get-MockAvailableSlot -Path $folder -ProviderId $upcoming[0].ProviderId `
                -From $upcoming[0].Start.Date -To $upcoming[0].Start.Date
            $slots.Start | Should -Contain $upcoming[0].Start
        }
    }

    Context 'refusals' {
        It 'stops before anything with InvalidReason for a reason off the list' {
            { $upcoming[2] | Stop-MockAppointment -Path $folder -Reason 'bored' -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidReason,*'
        }

        It 'writes InvalidStatus for an appointment canceled already' {
            $upcoming[0] | Stop-MockAppointment -Path $folder -Reason weather -ErrorAction SilentlyContinue `
                -ErrorVariable problems
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidStatus,*'
        }

        It 'changes nothing with -WhatIf' {
            $upcoming[3] | Stop-MockAppointment -Dataset $dataset -Reason weather -WhatIf

            ($dataset.Appointments | Where-Object Id -EQ $upcoming[3].Id).Status | Should -Not -Be 'Canceled'
        }
    }
}
