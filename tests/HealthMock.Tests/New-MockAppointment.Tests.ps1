BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $referenceDate = [datetime]'2026-12-03'
    $common = @{ Seed = 1; ReferenceDate = $referenceDate }
    $p = @(New-MockProvider -Count 12 -Seed 1) + @(New-MockProvider -Specialty 'Family Medicine' -Seed 1 -StartIndex 12)
}

Describe 'New-MockAppointment' {
    Context 'New-MockPatient -Count 50 | New-MockAppointment -Provider $p -Count 3' {
        BeforeAll {
            $patients = New-MockPatient -Count 50 @common -Provider $p
            $appointments = $patients | New-MockAppointment -Provider $p -Count 3 @common
        }

        It 'writes three HealthMock.Appointment objects per patient' {
            $appointments.Count | Should -Be 150
            $appointments[0] | Should -BeOfType ([HealthMock.Appointment])
            $appointments | Group-Object PatientId | ForEach-Object { $_.Count | Should -Be 3 }
        }

        It 'declares HealthMock.Appointment as its output type' {
            (Get-Command New-MockAppointment).OutputType.Name | Should -Contain 'HealthMock.Appointment'
        }

        It 'gives unique ids apt_000001 onwards' {
            $appointments[0].Id | Should -Be 'apt_000001'
            @($appointments.Id | Sort-Object -Unique).Count | Should -Be 150
        }

        It 'books only the providers given and patients piped in' {
            $appointments.ProviderId | Where-Object { $_ -notin $p.Id } | Should -BeNullOrEmpty
            $appointments.PatientId | Sort-Object -Unique | Should -Be ($patients.Id | Sort-Object -Unique)
        }

        It 'starts every appointment on a working day, on a slot, within the hours, in the clinic offset' {
            foreach ($appointment in $appointments) {
                $provider = $p | Where-Object Id -eq $appointment.ProviderId
                $schedule = $provider.Schedule
                $minutes = ($appointment.Start.TimeOfDay - $schedule.Start).TotalMinutes

                $schedule.Days | Should -Contain $appointment.Start.DayOfWeek
                $minutes % $schedule.SlotMinutes | Should -Be 0
                $minutes | Should -BeGreaterOrEqual 0
                $appointment.End.TimeOfDay | Should -BeLessOrEqual $schedule.End
                $appointment.Start.ToString('zzz') | Should -Be $provider.Clinic.UtcOffset
            }
        }

        It 'never double books a provider or a patient' {
            $active = $appointments | Where-Object Status -ne 'Canceled'
            foreach ($key in 'ProviderId', 'PatientId') {
                foreach ($group in $active | Group-Object $key) {
                    $sorted = @($group.Group | Sort-Object { $_.Start.UtcTicks })
                    for ($k = 1; $k -lt $sorted.Count; $k++) {
                        $sorted[$k].Start | Should -BeGreaterOrEqual $sorted[$k - 1].End -Because $group.Name
                    }
                }
            }
        }

        It 'sets the status by the reference date and cancellation fields only on canceled ones' {
            foreach ($appointment in $appointments) {
                $allowed = if ($appointment.Start.Date -lt $referenceDate) { 'Completed', 'Canceled', 'NoShow' }
                    else { 'Scheduled', 'Confirmed', 'Canceled' }
                $appointment.Status | Should -BeIn $allowed
                $canceled = $appointment.Status -eq 'Canceled'
                ($null -ne $appointment.CancellationReason) | Should -Be $canceled
                ($null -ne $appointment.CanceledAt) | Should -Be $canceled
                $appointment.BookedAt | Should -BeLessThan $appointment.Start
            }
        }

        It 'gives the same appointments for the same seed' {
            $again = $patients | New-MockAppointment -Provider $p -Count 3 @common
            $expected = $appointments | ConvertTo-Json -Compress

            ($again | ConvertTo-Json -Compress) | Should -BeExactly $expected
        }
    }

    Context 'copays from policies' {
        It 'charges the policy copay for the visit category when the policy is in force, else none' {
            $patients = New-MockPatient -Count 30 @common -Provider $p
            $policies = $patients | New-MockInsurancePolicy @common
            $appointments = $patients | New-MockAppointment -Provider $p -Policy $policies -Count 2 @common

            foreach ($appointment in $appointments) {
                $policy = $policies | Where-Object PatientId -eq $appointment.PatientId
                $expected = if ($policy.IsActiveOn($appointment.Start.Date)) {
                    $policy.Copays.For($appointment.VisitCategory)
                }
                $appointment.Copay | Should -Be $expected
            }
            $appointments.Copay | Where-Object { $null -ne $_ } | Should -Not -BeNullOrEmpty
        }

        It 'charges no copay without -Policy' {
            $appointments = New-MockPatient -Count 5 @common -Provider $p | New-MockAppointment -Provider $p @common

            $appointments.Copay | Where-Object { $null -ne $_ } | Should -BeNullOrEmpty
        }
    }

    Context 'counts' {
        It 'draws the count per patient from -CountRange' {
            $appointments = New-MockPatient -Count 40 @common -Provider $p |
                New-MockAppointment -Provider $p -CountRange 0, 2 @common
            $counts = $appointments | Group-Object PatientId | ForEach-Object Count

            $counts | Should -Not -Contain 3
            $appointments.Count | Should -BeLessOrEqual 80
        }

        It 'refuses a range whose minimum is above its maximum with InvalidCountRange' {
            { New-MockPatient @common -Provider $p | New-MockAppointment -Provider $p -CountRange 3, 1 @common } |
                Should -Throw -ErrorId 'InvalidCountRange,*'
        }
    }

    Context 'numbering across calls' {
        It 'numbers appointments from -StartIndex plus one' {
            $appointments = New-MockPatient -Count 5 @common -Provider $p |
                New-MockAppointment -Provider $p -Count 2 -StartIndex 100 @common

            $appointments[0].Id | Should -Be 'apt_000101'
            $appointments[-1].Id | Should -Be 'apt_000110'
        }

        It 'gives two calls with consecutive ranges distinct ids and tells the next -StartIndex' {
            $patients = New-MockPatient -Count 10 @common -Provider $p
            $output = $patients[0..4] | New-MockAppointment -Provider $p -Count 2 @common -Verbose 4>&1
            $first = @($output | Where-Object { $_ -is [HealthMock.Appointment] })
            $last = ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })[-1]
            $second = $patients[5..9] | New-MockAppointment -Provider $p -Count 2 @common -StartIndex $first.Count

            $last.Message | Should -Match '-StartIndex 10\.$'
            @($first.Id + $second.Id | Sort-Object -Unique).Count | Should -Be 20
        }

        It 'refuses a negative -StartIndex' {
            { New-MockPatient @common -Provider $p | New-MockAppointment -Provider $p -StartIndex -1 @common } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }
    }

    Context 'patients and providers in the same states' {
        BeforeAll {
            $local = @(New-MockProvider -Count 6 -Seed 5 -State OR) +
                @(New-MockProvider -Specialty 'Family Medicine' -Seed 5 -StartIndex 6 -State OR)
            $elsewhere = New-MockProvider -Count 8 -StartIndex 7 -Seed 5 -State WA
            $patients = New-MockPatient -Count 40 @common -State OR -Provider $local
            $appointments = $patients | New-MockAppointment -Provider ($local + $elsewhere) -Count 3 @common
        }

        It 'sees patients in person only at clinics of their own state' {
            $inPerson = $appointments | Where-Object Mode -eq 'InPerson'

            $inPerson | Should -Not -BeNullOrEmpty
            $inPerson.ProviderId | Where-Object { $_ -notin $local.Id } | Should -BeNullOrEmpty
        }

        It 'books providers of other states only by telehealth' {
            $appointments | Where-Object { $_.ProviderId -in $elsewhere.Id -and $_.Mode -ne 'Telehealth' } |
                Should -BeNullOrEmpty
        }
    }

    Context 'patients no provider can see' {
        It 'writes NoSuitableProvider naming the patient and age, and goes on with the next patient' {
            $pediatrician = New-MockProvider -Specialty Pediatrics -Seed 3
            $adult = New-MockPatient @common -MinAge 30 -MaxAge 40 -Provider $p
            $minor = New-MockPatient -Seed 2 -ReferenceDate $referenceDate -MaxAge 10 -Provider $p

            $appointments = $adult, $minor | New-MockAppointment -Provider $pediatrician @common `
                -ErrorVariable failure -ErrorAction SilentlyContinue

            @($appointments).Count | Should -Be 1
            $appointments.PatientId | Should -Be $minor.Id
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'NoSuitableProvider,*'
            $failure[0].Exception.Message | Should -Match $adult.Id
            $failure[0].Exception.Message | Should -Match "aged $($adult.Age)"
        }
    }
}
