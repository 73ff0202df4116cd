BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 60 -ProviderCount 6 -Seed 21 -ReferenceDate 2026-03-02

    function Format-View {
        # The text a view shows in a console 120 columns wide, without trailing blanks.
        param([Parameter(ValueFromPipeline)] $InputObject, [switch]$List)

        begin { $objects = [System.Collections.Generic.List[object]]::new() }
        process { $objects.Add($InputObject) }
        end {
            $formatted = if ($List) { $objects | Format-List } else { $objects | Format-Table }
            ($formatted | Out-String -Width 120 -Stream | ForEach-Object TrimEnd) -join "`n"
        }
    }
}

Describe 'HealthMock views' {
    Context 'appointments' {
        It 'show when a canceled appointment was canceled' {
            $canceled = $dataset.Appointments | Where-Object Status -EQ 'Canceled' | Select-Object -First 1

            $moment = '\d{4}-\d\d-\d\d \d\d:\d\d \(UTC[-+]\d\d:\d\d\)'
            $canceled | Format-View -List | Should -Match "CanceledAt\s+: $moment"
        }

        It 'leave CanceledAt empty for an appointment that was not canceled' {
            $completed = $dataset.Appointments | Where-Object Status -EQ 'Completed' | Select-Object -First 1

            $completed | Format-View -List | Should -Match 'CanceledAt\s+:\s*\n'
        }
    }

    Context 'insurance policies' {
        It 'label the deductible column as met over total and show every column at 120 columns' {
            $table = $dataset.Policies | Select-Object -First 3 | Format-View

            $columns = 'PolicyNumber', 'PatientId', 'Payer', 'PlanType', 'CoverageTier', 'Status',
                'Deductible \(met/total\)'
            $table | Should -Match ($columns -join '\s+')
            $table | Should -Match '\d\.\d\d / [\d,]+\.\d\d'
        }

        It 'list the copays as text, not as a type name' {
            $list = $dataset.Policies[0] | Format-View -List

            $list | Should -Match 'Copays\s+: primary care \d+(\.\d+)?, specialist \d+'
            $list | Should -Not -Match 'HealthMock\.Copays'
        }
    }

    Context 'rule violations' {
        It 'show the rule number, name, record and message once each' {
            $broken = New-MockDataset -PatientCount 10 -ProviderCount 3 -Seed 22 -ReferenceDate 2026-03-02
            $broken.Appointments[0].ProviderId = 'dr_nobody_01'

            $table = $broken | Test-MockDataset | Select-Object -First 1 | Format-View
            $header = ($table -split "`n" | Where-Object { $_ -match '\S' })[0]

            $header | Should -Match '^\s*Rule\s+RuleName\s+EntityKind\s+EntityId\s+Message$'
            $table | Should -Not -Match 'ConsistencyRule'
        }
    }

    Context 'the mock API' {
        It 'show several cost estimates as a table' {
            $appointments = $dataset.Patients[0] | Get-MockAppointment -Dataset $dataset
            $estimates = $appointments | Get-MockVisitCost -Dataset $dataset

            $estimates | Format-View | Should -Match 'PatientId\s+Date\s+VisitCategory\s+AppointmentId\s+PolicyNumber'
        }

        It 'list a running service with its routes and without its internal service object' {
            $api = Start-MockHealthApi -Dataset $dataset
            try {
                $list = $api | Format-View -List
            }
            finally {
                $api | Stop-MockHealthApi
            }

            $list | Should -Match 'GET /tools'
            $list | Should -Not -Match 'FrontDeskService'
        }
    }
}
