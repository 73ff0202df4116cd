BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 21 -ReferenceDate 2026-01-15
    $folder = Join-Path TestDrive: 'clinic'
    $dataset | Export-MockDataset -Path $folder
    $patient = $dataset.Patients[5]
}

Describe 'Find-MockPatient' {
    Context 'by email' {
        It 'finds the one patient with the email, ignoring case' {
            $found = Find-MockPatient -Path $folder -Email $patient.Email.ToUpperInvariant()

            $found | Should -BeOfType ([HealthMock.Patient])
            $found.Id | Should -Be $patient.Id
        }

        It 'finds each email piped in, as strings or from objects' {
            $emails = $dataset.Patients[0..2].Email

            (@($emails | Find-MockPatient -Path $folder)).Id | Should -Be $dataset.Patients[0..2].Id
            (@($dataset.Patients[0..2] | Find-MockPatient -Dataset $dataset)).Id | Should -Be $dataset.Patients[0..2].Id
        }

        It 'writes a NotFound error for an email nobody has' {
            Find-MockPatient -Path $folder -Email 'nobody@example.com' -ErrorAction SilentlyContinue `
                -ErrorVariable problems | Should -BeNullOrEmpty
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
            $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $problems[0].TargetObject | Should -Be 'nobody@example.com'
        }
    }

    Context 'by name and date of birth' {
        It 'finds the patient with the name and date of birth' {
            $found = Find-MockPatient -Dataset $dataset -FirstName $patient.FirstName.ToLowerInvariant() `
                -LastName $patient.LastName -DateOfBirth $patient.DateOfBirth

            $found.Id | Should -Be $patient.Id
        }

        It 'writes a NotFound error when the date of birth differs' {
            Find-MockPatient -Dataset $dataset -FirstName $patient.FirstName -LastName $patient.LastName `
                -DateOfBirth $patient.DateOfBirth.AddDays(1) -ErrorAction SilentlyContinue -ErrorVariable problems
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
        }
    }

    Context 'a folder that is not a dataset' {
        It 'stops with the dataset file error' {
            { Find-MockPatient -Path (Join-Path TestDrive: 'nowhere') -Email 'a@example.com' -ErrorAction Stop } |
                Should -Throw -ErrorId 'DirectoryNotFound,*'
        }
    }
}
