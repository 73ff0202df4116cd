BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $referenceDate = [datetime]'2026-12-03'
    $dataset = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 5 -ReferenceDate $referenceDate
    $broken = New-MockDataset -PatientCount 5 -ProviderCount 2 -Seed 6 -ReferenceDate $referenceDate
    $broken.Patients[0].State = 'ZZ'
    $manifest = $dataset | Export-MockDataset -Path (Join-Path TestDrive: 'flat-manifest') -PassThru

    function Get-CsvCell {
        # Writes the objects with Export-Csv, reads the file back and returns every cell's text.
        param([object[]]$InputObject, [string]$Name)

        $path = Join-Path TestDrive: "$Name.csv"
        $InputObject | Export-Csv -LiteralPath $path -NoTypeInformation
        foreach ($row in Import-Csv -LiteralPath $path) {
            foreach ($property in $row.PSObject.Properties) { [string]$property.Value }
        }
    }
}

Describe 'ConvertTo-MockFlatObject' {
    Context 'Export-Csv of every generated type' {
        It 'writes readable cells for <Name>' -ForEach @(
            @{ Name = 'patients'; Records = { $dataset.Patients } }
            @{ Name = 'providers'; Records = { $dataset.Providers } }
            @{ Name = 'policies'; Records = { $dataset.Policies } }
            @{ Name = 'appointments'; Records = { $dataset.Appointments } }
            @{ Name = 'a dataset'; Records = { $dataset } }
            @{ Name = 'rule violations'; Records = { $broken | Test-MockDataset } }
            @{ Name = 'a manifest'; Records = { $manifest } }
            @{ Name = 'seeds in effect'; Records = { Get-MockSeedPath } }
        ) {
            $records = @(& $Records)
            $records.Count | Should -BeGreaterThan 0

            $cells = Get-CsvCell ($records | ConvertTo-MockFlatObject) ($Name -replace ' ', '-')

            $cells | Where-Object { $_ -match 'System\.|HealthMock\.' } | Should -BeNullOrEmpty `
                -Because 'a cell shows a value, never a type name'
        }

        It 'gives New-MockPatient -Count 5 one row per patient with no type names' {
            $path = Join-Path TestDrive: 'five.csv'

            New-MockPatient -Count 5 -Seed 1 | ConvertTo-MockFlatObject | Export-Csv -LiteralPath $path

            $rows = @(Import-Csv -LiteralPath $path)
            $rows.Count | Should -Be 5
            Get-Content -LiteralPath $path -Raw | Should -Not -Match 'System\.'
        }
    }

    Context 'values' {
        BeforeAll {
            $patient = $dataset.Patients | Where-Object { $_.ChronicConditions.Count -ge 2 } | Select-Object -First 1
            $flatPatient = $patient | ConvertTo-MockFlatObject
            $provider = $dataset.Providers[0]
            $flatProvider = $provider | ConvertTo-MockFlatObject
            $policy = $dataset.Policies[0]
            $flatPolicy = $policy | ConvertTo-MockFlatObject
            $appointment = $dataset.Appointments[0]
            $flatAppointment = $appointment | ConvertTo-MockFlatObject
        }

        It 'writes dates as yyyy-MM-dd' {
            $flatPatient.DateOfBirth | Should -Be $patient.DateOfBirth.ToString('yyyy-MM-dd')
            $flatPolicy.EffectiveDate | Should -Match '^\d{4}-\d{2}-\d{2}$'
        }

        It 'writes appointment times in ISO 8601 with their UTC offset' {
            $flatAppointment.Start | Should -Be $appointment.Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz")
        }

        It 'joins conditions with their codes, and medications with their dosage, with "; "' {
            $expected = ($patient.ChronicConditions | ForEach-Object { "$($_.Name) ($($_.Code))" }) -join '; '
            $flatPatient.ChronicConditions | Should -BeExactly $expected
            $flatPatient.Medications | Should -Match ([regex]::Escape($patient.Medications[0].Dosage))
        }

        It 'spreads nested objects over columns of their own' {
            $flatProvider.ClinicCity | Should -Be $provider.Clinic.City
            $flatProvider.ClinicState | Should -Be $provider.Clinic.State
            $flatProvider.ScheduleStart | Should -Match '^\d{2}:\d{2}$'
            $flatProvider.PSObject.Properties.Name | Should -Not -Contain 'Clinic'
            $flatPolicy.CopayPrimaryCare | Should -Be $policy.Copays.PrimaryCare
            $flatPatient.EmergencyContactName | Should -Be $patient.EmergencyContact.Name
        }

        It 'keeps numbers and booleans typed' {
            $flatPatient.Age | Should -BeOfType ([int])
            $flatPolicy.Deductible | Should -BeOfType ([decimal])
            $flatProvider.AcceptingNewPatients | Should -BeOfType ([bool])
        }

        It 'writes enums by name' {
            $flatPatient.Sex | Should -BeOfType ([string])
            $flatPatient.Sex | Should -Be $patient.Sex.ToString()
        }

        It 'turns a dataset into its seed, reference date and counts' {
            $flat = $dataset | ConvertTo-MockFlatObject

            $flat.Seed | Should -Be 5
            $flat.ReferenceDate | Should -Be '2026-12-03'
            $flat.PatientCount | Should -Be 40
            $flat.AppointmentCount | Should -Be $dataset.Appointments.Count
        }

        It 'joins lists with the separator given' {
            $flat = $provider | ConvertTo-MockFlatObject -Separator ' | '

            $flat.ScheduleDays | Should -Be ($provider.Schedule.Days -join ' | ')
        }
    }

    Context 'other objects' {
        It 'flattens the output of Select-Object' {
            $flat = $dataset.Patients[0] | Select-Object Id, Allergies, EmergencyContact | ConvertTo-MockFlatObject

            $flat.Id | Should -Be $dataset.Patients[0].Id
            $flat.Allergies | Should -Be ($dataset.Patients[0].Allergies -join '; ')
            $flat.EmergencyContactPhone | Should -Be $dataset.Patients[0].EmergencyContact.Phone
        }

        It 'flattens custom objects and hashtables nested in custom objects' {
            $flat = [pscustomobject]@{ Name = 'a'; Tags = 'x', 'y'; Inner = [pscustomobject]@{ A = 1; B = 2 } } |
                ConvertTo-MockFlatObject

            $flat.Tags | Should -Be 'x; y'
            $flat.Inner | Should -Be 'A: 1; B: 2'
        }

        It 'turns a hashtable into one column per key' {
            $flat = @{ Id = 'p1'; Count = 3 } | ConvertTo-MockFlatObject

            $flat.Id | Should -Be 'p1'
            $flat.Count | Should -Be 3
        }

        It 'declares its output type' {
            (Get-Command ConvertTo-MockFlatObject).OutputType.Type | Should -Contain ([psobject])
        }
    }
}
