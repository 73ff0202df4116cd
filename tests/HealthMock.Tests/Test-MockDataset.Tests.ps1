BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $referenceDate = [datetime]'2026-01-01'

    function New-Dataset {
        New-MockDataset -PatientCount 100 -ProviderCount 12 -AppointmentsPerPatient 3 -Seed 5 `
            -ReferenceDate $referenceDate
    }
}

Describe 'Test-MockDataset' {
    Context 'generated datasets' {
        It 'finds nothing in a generated dataset' {
            @(New-Dataset | Test-MockDataset).Count | Should -Be 0
        }

        It 'returns $true with -Quiet' {
            New-Dataset | Test-MockDataset -Quiet | Should -BeTrue
        }

        It 'finds nothing after New-MockDataset | Export-MockDataset and Import-MockDataset' {
            $folder = Join-Path TestDrive: 'clinic'
            New-MockDataset -PatientCount 200 -ProviderCount 15 -AppointmentsPerPatient 3 -Seed 1 `
                -ReferenceDate $referenceDate | Export-MockDataset -Path $folder

            @(Import-MockDataset -Path $folder | Test-MockDataset).Count | Should -Be 0
            Test-MockDataset -Path $folder -Quiet | Should -BeTrue
        }

        It 'writes the counts checked to the verbose stream' {
            $verbose = New-Dataset | Test-MockDataset -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

            $verbose.Message | Should -Match 'Checked 100 patients, 12 providers, \d+ policies and 300 appointments'
        }
    }

    Context 'hand-broken datasets' {
        It 'catches <Case> as rule <Rule>' -ForEach @(
            @{
                Case  = 'a dangling provider id'
                Rule  = 1
                Break = { param($d) $d.Appointments[0].ProviderId = 'dr_nobody_01'; $d.Appointments[0].Id }
            }
            @{
                Case  = 'a double booking'
                Rule  = 7
                Break = {
                    param($d)
                    $booked = $d.Appointments | Where-Object Status -NE 'Canceled' | Select-Object -First 1
                    $other = $d.Patients | Where-Object Id -NE $booked.PatientId | Select-Object -First 1
                    $twin = [HealthMock.Appointment]@{
                        Id              = 'apt_double_booked'
                        PatientId       = $other.Id
                        ProviderId      = $booked.ProviderId
                        Type            = $booked.Type
                        VisitCategory   = $booked.VisitCategory
                        Start           = $booked.Start
                        DurationMinutes = $booked.DurationMinutes
                        Status          = $booked.Status
                        BookedAt        = $booked.BookedAt
                    }
                    $d.Appointments.Add($twin)
                    $twin.Id
                }
            }
            @{
                Case  = 'a canceled appointment without a reason'
                Rule  = 9
                Break = {
                    param($d)
                    $canceled = $d.Appointments | Where-Object Status -EQ 'Canceled' | Select-Object -First 1
                    $canceled.CancellationReason = $null
                    $canceled.Id
                }
            }
            @{
                Case  = 'a child with a geriatric condition'
                Rule  = 5
                Break = {
                    param($d)
                    $child = $d.Patients | Where-Object Age -LT 10 | Select-Object -First 1
                    $child.ChronicConditions += [HealthMock.Condition]::new('G30.9', "Alzheimer's disease")
                    $child.Id
                }
            }
            @{
                Case  = 'deductible met above the deductible'
                Rule  = 10
                Break = {
                    param($d)
                    $policy = $d.Policies | Where-Object Deductible -GT 0 | Select-Object -First 1
                    $policy.DeductibleMet = $policy.Deductible + 100
                    $policy.PolicyNumber
                }
            }
        ) {
            $dataset = New-Dataset
            $id = & $Break $dataset

            $violations = @($dataset | Test-MockDataset)

            $violations | Where-Object { $_.Rule -eq $Rule -and $_.EntityId -eq $id } | Should -Not -BeNullOrEmpty
            $dataset | Test-MockDataset -Quiet | Should -BeFalse
        }

        It 'emits HealthMock.RuleViolation objects with a table view' {
            $dataset = New-Dataset
            $dataset.Appointments[0].ProviderId = 'dr_nobody_01'

            $violation = $dataset | Test-MockDataset | Select-Object -First 1
            $table = $violation | Format-Table | Out-String -Width 200

            $violation | Should -BeOfType ([HealthMock.RuleViolation])
            $table | Should -Match 'Rule\s+RuleName\s+EntityKind\s+EntityId\s+Message'
            $table | Should -Match 'dr_nobody_01'
        }

        It 'accepts Medicare for younger patients with -MedicareAge' {
            $dataset = New-Dataset
            $patient = $dataset.Patients |
                Where-Object { $_.Age -ge 40 -and $_.Age -lt 65 -and $_.InsurancePolicyNumber } |
                Select-Object -First 1
            $policy = $dataset.Policies | Where-Object PolicyNumber -EQ $patient.InsurancePolicyNumber
            $policy.PlanType = 'Medicare'
            $patient.CoverageType = 'Medicare'

            @($dataset | Test-MockDataset | Where-Object Rule -EQ 10).Count | Should -BeGreaterThan 0
            @($dataset | Test-MockDataset -MedicareAge 40 | Where-Object { $_.Rule -eq 10 -and
                $_.Message -match 'Medicare' }).Count | Should -Be 0
        }
    }

    Context 'folders' {
        It 'reports a folder with a missing file' {
            $folder = Join-Path TestDrive: 'incomplete'
            New-Dataset | Export-MockDataset -Path $folder
            Remove-Item -LiteralPath (Join-Path $folder 'users.json')

            { Test-MockDataset -Path $folder -ErrorAction Stop } |
                Should -Throw -ErrorId 'DatasetFileMissing,HealthMock.Commands.TestMockDatasetCommand'
        }

        It 'checks folders piped from Get-ChildItem, binding their FullName to -Path' {
            $root = New-Item -ItemType Directory -Path (Join-Path TestDrive: 'many')
            New-Dataset | Export-MockDataset -Path (Join-Path $root.FullName 'one')
            New-Dataset | Export-MockDataset -Path (Join-Path $root.FullName 'two')

            $results = Get-ChildItem -LiteralPath $root.FullName -Directory | Test-MockDataset -Quiet

            $results | Should -Be @($true, $true)
        }
    }
}
