BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 10 -ProviderCount 3 -Seed 33 -ReferenceDate 2026-01-15
}

Describe 'Get-MockHealthApi' {
    Context 'running services' {
        It 'lists the services started and not stopped, in order' {
            Stop-MockHealthApi
            $first = Start-MockHealthApi -Dataset $dataset
            $second = Start-MockHealthApi -Dataset $dataset

            try {
                $running = @(Get-MockHealthApi)

                $running.Count | Should -Be 2
                $running[0] | Should -Be $first
                $running[1].Port | Should -Be $second.Port
                $running[0] | Should -BeOfType ([HealthMock.Api.MockHealthApiServer])
            }
            finally {
                Stop-MockHealthApi
            }
        }

        It 'lists nothing when nothing runs' {
            Stop-MockHealthApi

            Get-MockHealthApi | Should -BeNullOrEmpty
        }
    }
}
