BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    function Get-Completion {
        # The completion texts PowerShell offers at the end of a command line, as Tab would.
        param([string]$Line)

        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }

    $folder = Join-Path (Resolve-Path TestDrive:).ProviderPath 'custom'
    Export-MockSeed -Path $folder -Name locations.json, payers.json, specialties.json
    $locations = Join-Path $folder 'locations.json'
    $seeds = Get-Content -LiteralPath $locations -Raw | ConvertFrom-Json
    $seeds.cities = @($seeds.cities | Where-Object state -In 'OR', 'WA')
    $seeds | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $locations
    $payers = Join-Path $folder 'payers.json'
    (Get-Content -LiteralPath $payers -Raw).Replace('Juniper Crest Health', 'Zephyr Test Health') |
        Set-Content -LiteralPath $payers
    $specialties = Join-Path $folder 'specialties.json'
    (Get-Content -LiteralPath $specialties -Raw).Replace('"Dermatology"', '"Skin Care"') |
        Set-Content -LiteralPath $specialties
}

AfterAll {
    Set-MockSeedPath -Default
}

Describe 'Tab completion' {
    Context 'from the embedded seeds' {
        It 'completes states for New-MockPatient -State by code or name' {
            Get-Completion 'New-MockPatient -State O' | Should -Contain 'OR'
            Get-Completion 'New-MockPatient -State Oreg' | Should -Be @('OR')
        }

        It 'completes states for New-MockProvider -State' {
            Get-Completion 'New-MockProvider -State Wash' | Should -Be @('WA')
        }

        It 'completes specialties for New-MockProvider -Specialty, quoting names with spaces' {
            Get-Completion 'New-MockProvider -Specialty Card' | Should -Be @('Cardiology')
            Get-Completion 'New-MockProvider -Specialty Family' | Should -Contain "'Family Medicine'"
            Get-Completion 'New-MockProvider -Specialty family_' | Should -Contain "'Family Medicine'"
        }

        It 'completes payers for New-MockInsurancePolicy -Payer' {
            Get-Completion 'New-MockInsurancePolicy -Payer Juni' | Should -Be @("'Juniper Crest Health'")
        }

        It 'completes enum values natively: <Line>' -ForEach @(
            @{ Line = 'New-MockPatient -Sex F'; Expected = 'Female' }
            @{ Line = 'New-MockInsurancePolicy -PlanType HD'; Expected = 'HDHP' }
        ) {
            Get-Completion $Line | Should -Be @($Expected)
        }

        It 'completes seeds file names for Export-MockSeed -Name' {
            Get-Completion 'Export-MockSeed -Path x -Name spec' | Should -Be @('specialties.json')
        }
    }

    Context 'from a seeds folder of your own' {
        It 'completes the values of the folder typed in -SeedPath' {
            Get-Completion "New-MockPatient -SeedPath '$folder' -State " | Should -Be @('OR', 'WA')
            Get-Completion "New-MockInsurancePolicy -SeedPath '$folder' -Payer Zeph" |
                Should -Be @("'Zephyr Test Health'")
            Get-Completion "New-MockProvider -SeedPath '$folder' -Specialty Ski" | Should -Be @("'Skin Care'")
        }

        It 'completes the values of the session seeds folder' {
            Set-MockSeedPath $folder
            try {
                $states = Get-Completion 'New-MockProvider -State '
                $specialties = Get-Completion 'New-MockProvider -Specialty Skin'
            }
            finally {
                Set-MockSeedPath -Default
            }

            $states | Should -Be @('OR', 'WA')
            $specialties | Should -Be @("'Skin Care'")
        }

        It 'completes a relative -SeedPath from the current location' {
            Push-Location -LiteralPath (Split-Path $folder)
            try {
                $states = Get-Completion 'New-MockPatient -SeedPath ./custom -State '
            }
            finally {
                Pop-Location
            }

            $states | Should -Be @('OR', 'WA')
        }

        It 'offers nothing, without failing, when the seeds folder does not exist' {
            Get-Completion "New-MockPatient -SeedPath '$folder-missing' -State O" | Should -BeNullOrEmpty
        }
    }
}

Describe 'Appointment type completer' {
    It 'completes the appointment types of the seeds, only those of the specialty typed' {
        $completer = [HealthMock.Commands.AppointmentTypeCompleter]::new()
        $all = $completer.CompleteArgument('x', 'Type', 'Fo', $null, @{}).CompletionText
        $pediatric = $completer.CompleteArgument('x', 'Type', '', $null, @{ Specialty = 'Pediatrics' }).ListItemText

        $all | Should -Contain 'Follow-up'
        $pediatric | Should -Not -Contain 'Specialist Consultation'
        $pediatric.Count | Should -BeGreaterThan 0
    }
}
