BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $referenceDate = [datetime]'2026-12-03'

    function ConvertTo-Snapshot {
        # One JSON string for a whole run, so two runs compare field by field, nested arrays included.
        param([object[]]$Patients)

        ConvertTo-Json -InputObject $Patients -Depth 5 -Compress
    }
}

Describe 'New-MockPatient' {
    Context 'output' {
        It 'writes HealthMock.Patient objects' {
            $patient = New-MockPatient -Seed 1 -ReferenceDate $referenceDate

            $patient | Should -BeOfType ([HealthMock.Patient])
            $patient.PSObject.TypeNames[0] | Should -Be 'HealthMock.Patient'
        }

        It 'declares HealthMock.Patient as its output type' {
            (Get-Command New-MockPatient).OutputType.Name | Should -Contain 'HealthMock.Patient'
        }

        It 'writes one patient when no count is given' {
            @(New-MockPatient -Seed 1 -ReferenceDate $referenceDate).Count | Should -Be 1
        }

        It 'writes nothing for a count of 0' {
            @(New-MockPatient -Count 0 -Seed 1 -ReferenceDate $referenceDate).Count | Should -Be 0
        }

        It 'gives 100 distinct ids for -Count 100' {
            $patients = New-MockPatient -Count 100 -Seed 1 -ReferenceDate $referenceDate

            $patients.Count | Should -Be 100
            @($patients.Id | Sort-Object -Unique).Count | Should -Be 100
            $patients.Id | Should -Match '^[a-z]+_[a-z]+_\d{4,}$'
        }

        It 'takes the count by position' {
            @(New-MockPatient 3 -Seed 1 -ReferenceDate $referenceDate).Count | Should -Be 3
        }

        It 'computes ages at today by default' {
            $patient = New-MockPatient -Seed 1

            $patient.Age | Should -Be ([HealthMock.Generation.Ages]::At($patient.DateOfBirth, [datetime]::Today))
        }
    }

    Context 'determinism' {
        It 'gives identical output for the same seed' {
            $first = ConvertTo-Snapshot (New-MockPatient -Count 20 -Seed 7 -ReferenceDate $referenceDate)
            $second = ConvertTo-Snapshot (New-MockPatient -Count 20 -Seed 7 -ReferenceDate $referenceDate)

            $second | Should -BeExactly $first
        }

        It 'gives different output for different seeds' {
            $first = ConvertTo-Snapshot (New-MockPatient -Count 20 -Seed 7 -ReferenceDate $referenceDate)
            $second = ConvertTo-Snapshot (New-MockPatient -Count 20 -Seed 8 -ReferenceDate $referenceDate)

            $second | Should -Not -Be $first
        }

        It 'makes with -StartIndex 5 -Count 5 the records 5 to 9 of -Count 10' {
            $whole = New-MockPatient -Count 10 -Seed 7 -ReferenceDate $referenceDate
            $shard = New-MockPatient -StartIndex 5 -Count 5 -Seed 7 -ReferenceDate $referenceDate

            ConvertTo-Snapshot $shard | Should -BeExactly (ConvertTo-Snapshot $whole[5..9])
        }

        It 'makes the first ten of a longer run equal to a run of ten' {
            $ten = New-MockPatient -Count 10 -Seed 7 -ReferenceDate $referenceDate
            $longer = New-MockPatient -Count 1000 -Seed 7 -ReferenceDate $referenceDate

            ConvertTo-Snapshot $longer[0..9] | Should -BeExactly (ConvertTo-Snapshot $ten)
        }

        It 'makes the same records on a worker thread, in a long run, as one at a time' {
            $long = New-MockPatient -Count 3000 -Seed 7 -ReferenceDate $referenceDate
            $alone = New-MockPatient -StartIndex 2990 -Count 10 -Seed 7 -ReferenceDate $referenceDate

            ConvertTo-Snapshot $long[2990..2999] | Should -BeExactly (ConvertTo-Snapshot $alone)
        }
    }

    Context 'streaming' {
        It 'stops a huge run as soon as Select-Object -First has what it needs' {
            $firstThree = New-MockPatient -Count 100000000 -Seed 1 -ReferenceDate $referenceDate `
                -WarningAction SilentlyContinue | Select-Object -First 3

            @($firstThree).Count | Should -Be 3
            ($firstThree | ForEach-Object Id) | Should -Be (New-MockPatient -Count 3 -Seed 1 `
                -ReferenceDate $referenceDate | ForEach-Object Id) -Because 'the huge run starts with the same records'
        }

        It 'streams a run that starts past 0 with the largest count' {
            $first = New-MockPatient -StartIndex 1 -Count ([long]::MaxValue) -Seed 1 -ReferenceDate $referenceDate `
                -WarningAction SilentlyContinue | Select-Object -First 1

            $first | Should -Not -BeNullOrEmpty
        }

        It 'warns when a run is longer than the number of distinct (last name, date of birth) pairs' {
            New-MockPatient -Count 100000000 -Seed 1 -ReferenceDate $referenceDate -WarningVariable warnings `
                -WarningAction SilentlyContinue | Select-Object -First 1 | Out-Null

            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Match 'date of birth'
        }

        It 'does not warn for an ordinary run' {
            New-MockPatient -Count 10 -Seed 1 -ReferenceDate $referenceDate -WarningVariable warnings | Out-Null

            $warnings.Count | Should -Be 0
        }
    }

    Context 'composition with the pipeline' {
        It 'yields only the requested states when grouped by state' {
            $groups = New-MockPatient -Count 200 -Seed 3 -State MA, TX -ReferenceDate $referenceDate |
                Group-Object -Property State

            @($groups.Name | Sort-Object) | Should -Be @('MA', 'TX')
        }

        It 'accepts state names in any case' {
            $states = New-MockPatient -Count 100 -Seed 3 -State 'massachusetts', 'TEXAS' -ReferenceDate $referenceDate |
                Select-Object -ExpandProperty State -Unique

            @($states | Sort-Object) | Should -Be @('MA', 'TX')
        }

        It 'filters with Where-Object and shapes with Select-Object' {
            $adults = New-MockPatient -Count 200 -Seed 3 -ReferenceDate $referenceDate |
                Where-Object Age -ge 18 |
                Select-Object Id, Age, Email

            $adults.Count | Should -BeGreaterThan 0
            $adults.Age | Should -Not -BeLessThan 18
            $adults[0].PSObject.Properties.Name | Should -Be @('Id', 'Age', 'Email')
        }

        It 'keeps ages within -MinAge and -MaxAge' {
            $ages = (New-MockPatient -Count 200 -Seed 3 -MinAge 65 -MaxAge 70 -ReferenceDate $referenceDate).Age

            $ages | Should -Not -BeLessThan 65
            $ages | Should -Not -BeGreaterThan 70
        }

        It 'writes only the requested sex' {
            $sexes = New-MockPatient -Count 100 -Seed 3 -Sex Female -ReferenceDate $referenceDate |
                Group-Object -Property Sex

            $sexes.Name | Should -Be 'Female'
        }

        It 'uses the given email domains' {
            $domains = New-MockPatient -Count 100 -Seed 3 -EmailDomain clinic.test -ReferenceDate $referenceDate |
                ForEach-Object { ($_.Email -split '@')[1] } |
                Sort-Object -Unique

            $domains | Should -Be 'clinic.test'
        }

        It 'uses only the documentation domains by default' {
            $domains = New-MockPatient -Count 100 -Seed 3 -ReferenceDate $referenceDate |
                ForEach-Object { ($_.Email -split '@')[1] } |
                Sort-Object -Unique

            $domains | Should -BeIn @('example.com', 'example.org', 'example.net')
        }
    }

    Context 'errors' {
        It 'refuses a negative count when binding parameters' {
            { New-MockPatient -Count -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        }

        It 'stops with InvalidAgeRange when -MinAge is above -MaxAge' {
            $err = { New-MockPatient -MinAge 50 -MaxAge 20 -Seed 1 } |
                Should -Throw -ErrorId 'InvalidAgeRange,*' -PassThru

            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err.Exception.Message | Should -Match '50'
        }

        It 'stops with UnknownState naming the state' {
            $err = { New-MockPatient -State ZZ -Seed 1 } | Should -Throw -ErrorId 'UnknownState,*' -PassThru

            $err.Exception.Message | Should -Match "'ZZ'"
            $err.TargetObject | Should -Be 'ZZ'
        }

        It 'stops with InvalidEmailDomain naming the domain' {
            $err = { New-MockPatient -EmailDomain 'not a domain' -Seed 1 } |
                Should -Throw -ErrorId 'InvalidEmailDomain,*' -PassThru

            $err.Exception.Message | Should -Match "'not a domain'"
        }

        It 'writes no patient before stopping' {
            $written = [System.Collections.Generic.List[object]]::new()
            { New-MockPatient -Count 5 -State ZZ -Seed 1 | ForEach-Object { $written.Add($_) } } | Should -Throw

            $written.Count | Should -Be 0
        }
    }

    Context 'verbose stream' {
        It 'names the drawn seed, and that seed reproduces the run' {
            $output = New-MockPatient -Count 5 -ReferenceDate $referenceDate -Verbose 4>&1
            $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
            $patients = @($output | Where-Object { $_ -is [HealthMock.Patient] })

            $verbose.Count | Should -BeGreaterThan 0
            $verbose[0].Message -match 'Seed (\d+)' | Should -BeTrue -Because $verbose[0].Message
            $seed = [int]$Matches[1]
            $again = New-MockPatient -Count 5 -Seed $seed -ReferenceDate $referenceDate

            ConvertTo-Snapshot $again | Should -BeExactly (ConvertTo-Snapshot $patients)
        }

        It 'names the given seed' {
            $verbose = New-MockPatient -Seed 12345 -ReferenceDate $referenceDate -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

            $verbose.Message | Should -Match '\b12345\b'
        }
    }

    Context 'default table view' {
        It 'shows the Id, Name, Age, Sex, City (with the state) and Email columns' {
            $patient = New-MockPatient -Seed 1 -ReferenceDate $referenceDate
            $lines = $patient | Format-Table | Out-String -Width 200 -Stream | Where-Object { $_.Trim() }

            $lines[0] -split '\s+' | Where-Object { $_ } | Should -Be @('Id', 'Name', 'Age', 'Sex', 'City', 'Email')
            $lines[2] | Should -Match ([regex]::Escape("$($patient.FirstName) $($patient.LastName)"))
            $lines[2] | Should -Match ([regex]::Escape($patient.Email))
            $lines[2] | Should -Match ([regex]::Escape("$($patient.City), $($patient.State)"))
        }
    }
}
