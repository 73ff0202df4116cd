BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $referenceDate = [datetime]'2026-12-03'
    $common = @{ Seed = 1; ReferenceDate = $referenceDate }
}

Describe 'New-MockInsurancePolicy' {
    Context 'one policy per patient from the pipeline' {
        BeforeAll {
            $patients = New-MockPatient -Count 50 @common
            $policies = $patients | New-MockInsurancePolicy @common
        }

        It 'writes one HealthMock.InsurancePolicy per patient, in order' {
            $policies.Count | Should -Be 50
            $policies[0] | Should -BeOfType ([HealthMock.InsurancePolicy])
            $policies.PatientId | Should -Be $patients.Id
        }

        It 'declares HealthMock.InsurancePolicy as its output type' {
            (Get-Command New-MockInsurancePolicy).OutputType.Name | Should -Contain 'HealthMock.InsurancePolicy'
        }

        It 'numbers policies pol_000001 onwards' {
            $policies[0].PolicyNumber | Should -Be 'pol_000001'
            @($policies.PolicyNumber | Sort-Object -Unique).Count | Should -Be 50
        }

        It 'records the policy on each patient' {
            foreach ($i in 0..49) {
                $patients[$i].InsurancePolicyNumber | Should -Be $policies[$i].PolicyNumber
                $patients[$i].InsuranceProvider | Should -Be $policies[$i].Payer
                $patients[$i].CoverageType | Should -Be $policies[$i].PlanType.ToString()
                $patients[$i].DeductibleBalance | Should -Be ($policies[$i].Deductible - $policies[$i].DeductibleMet)
            }
        }

        It 'keeps the amounts together' {
            foreach ($policy in $policies) {
                $policy.DeductibleMet | Should -BeLessOrEqual $policy.Deductible
                $policy.Deductible | Should -BeLessOrEqual $policy.OutOfPocketMax
                $policy.OutOfPocketMet | Should -BeGreaterOrEqual $policy.DeductibleMet
                $policy.OutOfPocketMet | Should -BeLessOrEqual $policy.OutOfPocketMax
            }
        }

        It 'gives Medicare exactly to patients 65 or older' {
            foreach ($i in 0..49) {
                $isMedicare = $policies[$i].PlanType -eq 'Medicare'
                $isMedicare | Should -Be ($patients[$i].Age -ge 65) -Because $patients[$i].Id
            }
        }

        It 'gives the same policies for the same seed' {
            $again = New-MockPatient -Count 50 @common | New-MockInsurancePolicy @common

            $expected = $policies | ConvertTo-Json -Depth 4 -Compress
            ($again | ConvertTo-Json -Depth 4 -Compress) | Should -BeExactly $expected
        }

        It 'starts numbering at -StartIndex' {
            $policy = $patients[0] | New-MockInsurancePolicy @common -StartIndex 99

            $policy.PolicyNumber | Should -Be 'pol_000100'
        }
    }

    Context 'options' {
        It 'draws only the plan types given' {
            $policies = New-MockPatient -Count 40 @common | New-MockInsurancePolicy @common -PlanType PPO, HDHP

            $policies.PlanType | Sort-Object -Unique | Should -Be @('PPO', 'HDHP')
        }

        It 'moves the Medicare line with -MedicareAge' {
            $patients = New-MockPatient -Count 60 @common -MinAge 60 -MaxAge 75
            $policies = $patients | New-MockInsurancePolicy @common -MedicareAge 70

            foreach ($i in 0..59) {
                ($policies[$i].PlanType -eq 'Medicare') | Should -Be ($patients[$i].Age -ge 70)
            }
        }
    }

    Context 'current coverage' {
        BeforeAll {
            $patients = New-MockPatient -Count 400 @common
            $policies = $patients | New-MockInsurancePolicy @common
        }

        It 'makes about 95 in 100 policies Active at the reference date' {
            $active = @($policies | Where-Object Status -eq 'Active').Count

            $active / $policies.Count | Should -BeGreaterOrEqual 0.9
            foreach ($policy in $policies | Where-Object Status -eq 'Active') {
                $policy.IsActiveOn($referenceDate) | Should -BeTrue
            }
        }

        It 'starts Pending policies within 60 days and ended Expired ones within 90 days' {
            foreach ($policy in $policies | Where-Object Status -eq 'Pending') {
                $policy.EffectiveDate | Should -BeGreaterThan $referenceDate
                $policy.EffectiveDate | Should -BeLessOrEqual $referenceDate.AddDays(60)
            }
            foreach ($policy in $policies | Where-Object Status -eq 'Expired') {
                $policy.EndDate | Should -BeLessThan $referenceDate
                $policy.EndDate | Should -BeGreaterOrEqual $referenceDate.AddDays(-90)
            }
        }

        It 'keeps only the statuses given with -Status' {
            $current = $patients | Where-Object Age -ge 2 | New-MockInsurancePolicy @common -Status Active

            $current.Status | Sort-Object -Unique | Should -Be 'Active'
        }

        It 'covers the household of help example 3 under an Active policy on any reference date' {
            foreach ($day in 0..23 | ForEach-Object { $referenceDate.AddDays(-17 * $_) }) {
                $parents = New-MockPatient -Count 2 -Seed 3 -MinAge 30 -MaxAge 45 -ReferenceDate $day
                $child = New-MockPatient -Seed 4 -MaxAge 10 -ReferenceDate $day
                $family = New-MockInsurancePolicy -Member ($parents + $child) -Seed 3 -ReferenceDate $day

                $family.Status | Sort-Object -Unique | Should -Be 'Active' -Because "the reference date is $day"
            }
        }
    }

    Context 'families' {
        BeforeAll {
            $parents = New-MockPatient -Count 2 -MinAge 35 -MaxAge 45 @common
            $child = New-MockPatient -Seed 2 -MaxAge 10 -ReferenceDate $referenceDate
        }

        It 'covers -Member under one family policy with the first member as subscriber' {
            $policies = New-MockInsurancePolicy -Member ($parents + $child) @common

            $policies.Count | Should -Be 3
            $policies.SubscriberId | Sort-Object -Unique | Should -Be $parents[0].Id
            $policies.RelationshipToSubscriber | Should -Be @('self', 'spouse', 'child')
            $policies.CoverageTier | Sort-Object -Unique | Should -Be 'Family'
            $policies.GroupNumber | Sort-Object -Unique | Should -HaveCount 1
            $policies.Payer | Sort-Object -Unique | Should -HaveCount 1
        }

        It 'covers each group from Group-Object as one household' {
            $household = $parents + $child
            $policies = $household | Group-Object { 'family' } | New-MockInsurancePolicy @common

            $policies.Count | Should -Be 3
            $policies.SubscriberId | Sort-Object -Unique | Should -Be $parents[0].Id
        }

        It 'refuses a household whose first member is a minor with InvalidFamily' {
            $policies = New-MockInsurancePolicy -Member (@($child) + $parents) @common -ErrorVariable failure `
                -ErrorAction SilentlyContinue

            $policies | Should -BeNullOrEmpty
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'InvalidFamily,*'
            $failure[0].Exception.Message | Should -Match $child.Id
        }
    }

    Context 'bad input' {
        It 'writes InvalidPatientInput for input that is not a patient and goes on' {
            $patient = New-MockPatient @common
            $policies = 'not a patient', $patient | New-MockInsurancePolicy @common -ErrorVariable failure `
                -ErrorAction SilentlyContinue

            @($policies).Count | Should -Be 1
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPatientInput,*'
            $failure[0].Exception.Message | Should -Match 'System.String'
        }

        It 'writes NoEligiblePlanType for a patient too young for a Medicare-only run' {
            $young = New-MockPatient @common -MinAge 20 -MaxAge 40
            $young | New-MockInsurancePolicy @common -PlanType Medicare -ErrorVariable failure `
                -ErrorAction SilentlyContinue

            $failure[0].FullyQualifiedErrorId | Should -BeLike 'NoEligiblePlanType,*'
            $failure[0].Exception.Message | Should -Match $young.Id
            $failure[0].TargetObject | Should -Be $young
        }

        It 'refuses a -MedicareAge out of range' {
            { New-MockPatient @common | New-MockInsurancePolicy @common -MedicareAge 200 } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }
    }
}
