BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 27 -ReferenceDate 2026-01-15
    $folder = Join-Path TestDrive: 'clinic'
    $dataset | Export-MockDataset -Path $folder
    $patient = $dataset.Patients[0]
    $slots = @(Get-MockAvailableSlot -Path $folder -ProviderId $patient.PrimaryCareProviderId -PatientId $patient.Id `
        -AppointmentType Follow-up)
}

Describe 'Add-MockAppointment' {
    Context 'booking a free slot in a folder' {
        BeforeAll {
            $booked = $slots[0] | Add-MockAppointment -Path $folder
            $saved = Import-MockDataset -Path $folder
        }

        It 'returns the new appointment, scheduled, with the next id' {
            $booked | Should -BeOfType ([HealthMock.Appointment])
            $booked.Status | Should -Be 'Scheduled'
            $booked.Id | Should -Be ('apt_{0:D6}' -f ($dataset.Appointments.Count + 1))
            $booked.Start | Should -Be $slots[0].Start
            $booked.PatientId | Should -Be $patient.Id
        }

        It 'charges the copay of the patient''s policy for the visit category' {
            $policy = $dataset.Policies | Where-Object PolicyNumber -EQ $patient.InsurancePolicyNumber
            $expected = if ($policy -and $policy.IsActiveOn($booked.Start.Date)) {
                $policy.Copays.For($booked.VisitCategory)
            }

            $booked.Copay | Should -Be $expected
        }

        It 'saves it so that the folder still keeps every rule' {
            $saved.Appointments.Id | Should -Contain $booked.Id
            Test-MockDataset -Path $folder -Quiet | Should -BeTrue
        }
    }

    Context 'refusals' {
        It 'writes ProviderDoubleBooked for a slot just taken, and saves nothing' {
            $before = (Get-FileHash -LiteralPath (Join-Path $folder 'appointments.json')).Hash
            $other = $dataset.Patients | Where-Object { $_.Id -ne $patient.Id -and $_.Age -ge 18 } |
                Select-Object -First 1

            Add-MockAppointment -Path $folder -PatientId $other.Id -ProviderId $slots[0].ProviderId `
                -Start $slots[0].Start -AppointmentType Follow-up -ErrorAction SilentlyContinue -ErrorVariable problems

            $problems[0].FullyQualifiedErrorId | Should -BeLike '*DoubleBooked,*'
            (Get-FileHash -LiteralPath (Join-Path $folder 'appointments.json')).Hash | Should -Be $before
        }

        It 'writes <Id> for <Case>' -ForEach @(
            @{ Case = 'a Saturday at three in the morning'; Start = '2026-01-17 03:00'; Type = 'Follow-up'
                Id = 'SlotUnavailable' }
            @{ Case = 'a start on the reference date'; Start = '2026-01-15 10:00'; Type = 'Follow-up'
                Id = 'InThePast' }
            @{ Case = 'a type the specialty does not offer'; Start = '2026-01-19 09:00'; Type = 'Echocardiogram'
                Id = 'TypeNotOffered' }
        ) {
            $patient | Add-MockAppointment -Dataset $dataset -Start $Start -AppointmentType $Type `
                -ErrorAction SilentlyContinue -ErrorVariable problems

            $problems[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
            $problems[0].Exception.Message | Should -Not -BeNullOrEmpty
        }
    }

    Context 'times and previews' {
        It 'reads a time without an offset as the clinic''s local time' {
            $copy = Import-MockDataset -Path $folder
            $slot = $slots[8]
            $local = $slot.Start.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)

            $booked = $patient | Add-MockAppointment -Dataset $copy -Start $local -AppointmentType Follow-up

            $booked.Start | Should -Be $slot.Start
            $booked.Start.Offset | Should -Be $slot.Start.Offset
        }

        It 'changes nothing with -WhatIf' {
            $count = $dataset.Appointments.Count

            $patient | Add-MockAppointment -Dataset $dataset -Start $slots[4].Start -AppointmentType Follow-up -WhatIf

            $dataset.Appointments.Count | Should -Be $count
        }

        It 'declares SupportsShouldProcess with a medium impact' {
            $command = Get-Command Add-MockAppointment
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $attribute = [System.Management.Automation.CmdletAttribute]
            $cmdlet = $command.ImplementingType.GetCustomAttributes($attribute, $false)
            $cmdlet[0].ConfirmImpact | Should -Be 'Medium'
        }
    }
}
