BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 25 -ReferenceDate 2026-01-15 -UninsuredShare 0.3
    $folder = Join-Path TestDrive: 'clinic'
    $dataset | Export-MockDataset -Path $folder
    $insured = @($dataset.Patients | Where-Object InsurancePolicyNumber)
    $uninsured = @($dataset.Patients | Where-Object { -not $_.InsurancePolicyNumber })
}

Describe 'Get-MockInsurancePolicy' {
    Context 'by patient' {
        It 'gets the policy of each patient' {
            $policies = Get-MockInsurancePolicy -Path $folder -PatientId $insured[0..1].Id

            $policies[0] | Should -BeOfType ([HealthMock.InsurancePolicy])
            $policies.PolicyNumber | Should -Be $insured[0..1].InsurancePolicyNumber
        }

        It 'binds the Id of patients piped in' {
            ($insured[2] | Get-MockInsurancePolicy -Dataset $dataset).PatientId | Should -Be $insured[2].Id
        }

        It 'writes a NotFound error for a patient without a policy' {
            Get-MockInsurancePolicy -Dataset $dataset -PatientId $uninsured[0].Id -ErrorAction SilentlyContinue `
                -ErrorVariable problems
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
            $problems[0].Exception.Message | Should -Match 'no insurance policy'
        }
    }

    Context 'by policy number' {
        It 'gets policies by number' {
            $numbers = $dataset.Policies[0..2].PolicyNumber

            (Get-MockInsurancePolicy -Path $folder -PolicyNumber $numbers).PolicyNumber | Should -Be $numbers
        }

        It 'writes a NotFound error for an unknown number' {
            Get-MockInsurancePolicy -Path $folder -PolicyNumber 'pol_999999' -ErrorAction SilentlyContinue `
                -ErrorVariable problems
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
        }
    }
}
