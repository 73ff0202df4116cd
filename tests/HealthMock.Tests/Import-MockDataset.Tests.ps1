BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $referenceDate = [datetime]'2026-01-01'
    $dataset = New-MockDataset -PatientCount 80 -ProviderCount 10 -AppointmentsPerPatient 3 -Seed 3 `
        -ReferenceDate $referenceDate

    function New-DatasetFolder([string]$Name) {
        $folder = Join-Path TestDrive: $Name
        $dataset | Export-MockDataset -Path $folder
        $folder
    }
}

Describe 'Import-MockDataset' {
    Context 'round trip' {
        BeforeAll {
            $folder = New-DatasetFolder 'first'
            $imported = Import-MockDataset -Path $folder
        }

        It 'returns one HealthMock.MockDataset' {
            $imported | Should -BeOfType ([HealthMock.MockDataset])
            (Get-Command Import-MockDataset).OutputType.Name | Should -Contain 'HealthMock.MockDataset'
        }

        It 'restores the collections, the seed and the reference date' {
            $imported.Seed | Should -Be 3
            $imported.ReferenceDate | Should -Be $referenceDate
            $imported.Patients.Count | Should -Be $dataset.Patients.Count
            $imported.Providers.Count | Should -Be $dataset.Providers.Count
            $imported.Policies.Count | Should -Be $dataset.Policies.Count
            $imported.Appointments.Count | Should -Be $dataset.Appointments.Count
            $imported.Patients[0].Id | Should -Be $dataset.Patients[0].Id
        }

        It 'exports again to identical bytes' {
            $second = Join-Path TestDrive: 'second'
            $imported | Export-MockDataset -Path $second

            foreach ($file in 'users.json', 'providers.json', 'appointments.json', 'insurance.json', 'manifest.json') {
                (Get-FileHash -LiteralPath (Join-Path $second $file)).Hash |
                    Should -Be (Get-FileHash -LiteralPath (Join-Path $folder $file)).Hash -Because "$file round-trips"
            }
        }

        It 'takes folders from the pipeline' {
            $datasets = Get-Item -LiteralPath $folder | Import-MockDataset

            $datasets.Patients.Count | Should -Be $dataset.Patients.Count
        }
    }

    Context 'bad folders' {
        It 'names a missing file' {
            $folder = New-DatasetFolder 'missing-file'
            Remove-Item -LiteralPath (Join-Path $folder 'insurance.json')

            { Import-MockDataset -Path $folder -ErrorAction Stop } |
                Should -Throw -ErrorId 'DatasetFileMissing,HealthMock.Commands.ImportMockDatasetCommand' `
                    -ExpectedMessage '*insurance.json*'
        }

        It 'names the file and line of malformed JSON' {
            $folder = New-DatasetFolder 'malformed'
            $path = Join-Path $folder 'providers.json'
            $lines = Get-Content -LiteralPath $path
            $lines[5] = $lines[5] + ' oops'
            Set-Content -LiteralPath $path -Value $lines

            { Import-MockDataset -Path $folder -ErrorAction Stop } |
                Should -Throw -ErrorId 'DatasetFileMalformed,HealthMock.Commands.ImportMockDatasetCommand' `
                    -ExpectedMessage "*providers.json*line 6*"
        }

        It 'names the file, record and field of a value of the wrong type' {
            $folder = New-DatasetFolder 'wrong-type'
            $path = Join-Path $folder 'appointments.json'
            $text = (Get-Content -LiteralPath $path -Raw) -replace
                '"duration_minutes": \d+', '"duration_minutes": "long"'
            Set-Content -LiteralPath $path -Value $text -NoNewline
            $first = $dataset.Appointments[0].Id

            { Import-MockDataset -Path $folder -ErrorAction Stop } |
                Should -Throw -ErrorId 'DatasetFieldInvalid,HealthMock.Commands.ImportMockDatasetCommand' `
                    -ExpectedMessage "*appointments.json*$first*duration_minutes*"
        }

        It 'reports a folder that does not exist' {
            { Import-MockDataset -Path (Join-Path TestDrive: 'nowhere') -ErrorAction Stop } |
                Should -Throw -ErrorId 'DirectoryNotFound,HealthMock.Commands.ImportMockDatasetCommand'
        }

        It 'warns when a file was changed after export' {
            $folder = New-DatasetFolder 'edited'
            $path = Join-Path $folder 'users.json'
            (Get-Content -LiteralPath $path -Raw) -replace '"age": (\d+)', '"age": 1$1' |
                Set-Content -LiteralPath $path -NoNewline

            $result = Import-MockDataset -Path $folder -WarningVariable warnings -WarningAction SilentlyContinue

            $result | Should -Not -BeNullOrEmpty
            $warnings | Should -Match 'users.json'
        }
    }
}
