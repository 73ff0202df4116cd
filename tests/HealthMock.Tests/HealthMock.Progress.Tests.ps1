BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    function Get-ProgressRecord {
        # Runs a script in a new runspace with the module imported and returns the progress records it wrote.
        param([string]$Script, [string]$Preference = 'Continue')

        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$env:HEALTHMOCK_MODULE'; `$ProgressPreference = '$Preference'")
            $null = $shell.AddStatement().AddScript($Script)
            $null = $shell.Invoke()
            if ($shell.HadErrors) {
                throw "The script failed: $($shell.Streams.Error[0])"
            }
            @($shell.Streams.Progress)
        }
        finally {
            $shell.Dispose()
        }
    }

    # Slows the consumer every 1,000 records, so a run lasts the few seconds after which progress shows.
    $slowly = '| ForEach-Object -Begin { $n = 0 } -Process { if (++$n % 1000 -eq 0) { Start-Sleep -Milliseconds 300 } }'
}

Describe 'Progress' {
    Context 'long runs' {
        It 'shows progress for New-MockPatient -Count 12000 and completes it at the end' {
            $records = Get-ProgressRecord "New-MockPatient -Count 12000 -Seed 1 $slowly"

            $records.Count | Should -BeGreaterThan 1
            $records[0].Activity | Should -Be 'New-MockPatient'
            $records[0].StatusDescription | Should -Match '^[\d,]+ of 12,000 patients$'
            $records[-1].RecordType | Should -Be 'Completed'
        }

        It 'reports as debug output how many progress records it wrote and how long they took' {
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript("Import-Module '$env:HEALTHMOCK_MODULE'; `$ProgressPreference = 'Continue'; " +
                    "`$DebugPreference = 'Continue'")
                $null = $shell.AddStatement().AddScript("New-MockPatient -Count 12000 -Seed 1 $slowly")
                $null = $shell.Invoke()
                $progress = @($shell.Streams.Progress)
                $debug = @($shell.Streams.Debug | Where-Object Message -like 'Progress:*')
            }
            finally {
                $shell.Dispose()
            }

            $debug.Count | Should -Be 1
            $pattern = '^Progress: (\d+) progress records took (\d+\.\d) ms of the (\d+\.\d) ms since ' +
                'New-MockPatient began\.$'
            $debug[0].Message -match $pattern | Should -BeTrue -Because $debug[0].Message
            [int]$Matches[1] | Should -Be $progress.Count
            [double]$Matches[2] | Should -BeLessThan ([double]$Matches[3])
            [double]$Matches[3] | Should -BeGreaterThan 3000
        }

        It 'writes at most about four progress records a second' {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $records = Get-ProgressRecord "New-MockProvider -Count 15000 -Seed 1 $slowly"
            $watch.Stop()

            $records.Count | Should -BeLessOrEqual ([math]::Ceiling($watch.Elapsed.TotalSeconds * 4) + 1)
        }

        It 'shows progress for records piped into New-MockInsurancePolicy, whose total is unknown' {
            $records = Get-ProgressRecord (
                "New-MockPatient -Count 11000 -Seed 2 -MaxAge 60 | New-MockInsurancePolicy -Seed 2 $slowly")

            $policies = @($records | Where-Object Activity -EQ 'New-MockInsurancePolicy')
            $policies.Count | Should -BeGreaterThan 1
            $policies[0].StatusDescription | Should -Match '^[\d,]+ policies$'
            $policies[0].PercentComplete | Should -Be -1
            $policies[-1].RecordType | Should -Be 'Completed'
            $records.ActivityId | Sort-Object -Unique | Should -HaveCount 2 -Because 'each command has its own bar'
        }
    }

    Context 'short runs and preferences' {
        It 'shows no progress for a run under 10,000 records' {
            Get-ProgressRecord "New-MockPatient -Count 500 -Seed 1 $slowly" | Should -BeNullOrEmpty
        }

        It 'shows no progress for a run of 10,000 records or more that ends within about a second' {
            $quickly = $slowly.Replace('Milliseconds 300', 'Milliseconds 40')
            Get-ProgressRecord "New-MockPatient -Count 12000 -Seed 1 $quickly" | Should -BeNullOrEmpty
        }

        It 'shows no progress when $ProgressPreference is SilentlyContinue' {
            Get-ProgressRecord "New-MockPatient -Count 12000 -Seed 1 $slowly" -Preference SilentlyContinue |
                Should -BeNullOrEmpty
        }

        It 'shows no progress with -ProgressAction SilentlyContinue' {
            Get-ProgressRecord "New-MockPatient -Count 12000 -Seed 1 -ProgressAction SilentlyContinue $slowly" |
                Should -BeNullOrEmpty
        }
    }
}
