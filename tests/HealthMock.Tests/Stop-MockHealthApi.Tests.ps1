BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $dataset = New-MockDataset -PatientCount 10 -ProviderCount 3 -Seed 32 -ReferenceDate 2026-01-15
}

Describe 'Stop-MockHealthApi' {
    Context 'one service from the pipeline' {
        It 'stops it and closes its port' {
            $api = Start-MockHealthApi -Dataset $dataset
            Invoke-RestMethod $api.BaseAddress | Should -Not -BeNullOrEmpty

            $api | Stop-MockHealthApi

            $api.IsRunning | Should -BeFalse
            { Invoke-RestMethod $api.BaseAddress -TimeoutSec 5 } | Should -Throw
            Get-MockHealthApi | Should -Not -Contain $api
        }

        It 'returns the service with -PassThru and does nothing for a stopped one' {
            $api = Start-MockHealthApi -Dataset $dataset

            ($api | Stop-MockHealthApi -PassThru) | Should -Be $api
            { $api | Stop-MockHealthApi } | Should -Not -Throw
        }
    }

    Context 'every service' {
        It 'stops all the services of the session without arguments' {
            $first = Start-MockHealthApi -Dataset $dataset
            $second = Start-MockHealthApi -Dataset $dataset

            Stop-MockHealthApi

            $first.IsRunning | Should -BeFalse
            $second.IsRunning | Should -BeFalse
            Get-MockHealthApi | Should -BeNullOrEmpty
        }

        It 'changes nothing with -WhatIf' {
            $api = Start-MockHealthApi -Dataset $dataset

            Stop-MockHealthApi -WhatIf

            $api.IsRunning | Should -BeTrue
            $api | Stop-MockHealthApi
        }
    }
}
