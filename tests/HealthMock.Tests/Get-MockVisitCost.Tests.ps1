BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 60 -ProviderCount 6 -Seed 30 -ReferenceDate 2026-01-15
    $folder = Join-Path TestDrive: 'clinic'
    $dataset | Export-MockDataset -Path $folder
    $policies = @{}
    $dataset.Policies | ForEach-Object { $policies[$_.PolicyNumber] = $_ }
    $copayPatient = $dataset.Patients | Where-Object {
        $_.InsurancePolicyNumber -and $policies[$_.InsurancePolicyNumber].PlanType -notin 'HDHP' -and
        $policies[$_.InsurancePolicyNumber].Status -eq 'Active'
    } | Select-Object -First 1
}

Describe 'Get-MockVisitCost' {
    Context 'a visit category' {
        It 'charges the copay of a copay plan and explains each step' {
            $policy = $policies[$copayPatient.InsurancePolicyNumber]

            $estimate = Get-MockVisitCost -Path $folder -PatientId $copayPatient.Id -VisitCategory Specialist

            $estimate | Should -BeOfType ([HealthMock.Api.CostEstimate])
            $estimate.PolicyActive | Should -BeTrue
            $estimate.AllowedAmount | Should -Be 275
            $estimate.PatientShare | Should -Be ([math]::Min($policy.Copays.Specialist, 275))
            $estimate.PlanShare | Should -Be (275 - $estimate.PatientShare)
            $estimate.Date | Should -Be ([datetime]'2026-01-15')
            $estimate.Lines[-2].ToString() | Should -BeLike "The patient's estimated share: *"
        }

        It 'makes a visit self-pay for a patient without a policy' {
            $uninsured = $dataset.Patients | Where-Object { -not $_.InsurancePolicyNumber } | Select-Object -First 1

            (Get-MockVisitCost -Dataset $dataset -PatientId $uninsured.Id -VisitCategory PrimaryCare).PatientShare |
                Should -Be 150
        }

        It 'writes InvalidArgument when nothing says which visit' {
            Get-MockVisitCost -Path $folder -PatientId $copayPatient.Id -ErrorAction SilentlyContinue `
                -ErrorVariable problems
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
        }
    }

    Context 'appointments' {
        It 'prices an appointment by id at its own category and date' {
            $appointment = $dataset.Appointments | Where-Object PatientId -EQ $copayPatient.Id | Select-Object -First 1

            $estimate = Get-MockVisitCost -Path $folder -AppointmentId $appointment.Id

            $estimate.AppointmentId | Should -Be $appointment.Id
            $estimate.VisitCategory | Should -Be $appointment.VisitCategory
            $estimate.Date | Should -Be $appointment.Start.Date
        }

        It 'prices appointments piped in as they were booked' {
            $appointments = @($dataset.Appointments | Where-Object PatientId -EQ $copayPatient.Id)

            $estimates = @($appointments | Get-MockVisitCost -Dataset $dataset)

            $estimates.Count | Should -Be $appointments.Count
            $estimates.VisitCategory | Should -Be $appointments.VisitCategory
            $estimates.Date | Should -Be ($appointments | ForEach-Object { $_.Start.Date })
        }
    }
}
