BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    function New-TestFolder {
        # A fresh folder under TestDrive: for each test that checks which files a folder holds.
        New-Item -ItemType Directory -Path (Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))) |
            Select-Object -ExpandProperty FullName
    }

    function Get-ThreadName {
        # The names of this process's threads, as Linux keeps them.
        @(Get-ChildItem -LiteralPath /proc/self/task -Directory |
                ForEach-Object { Get-Content -LiteralPath "$($_.FullName)/comm" -ErrorAction Ignore })
    }

    function Get-FileName {
        # Every file in the folder, hidden temporary files included.
        param([string]$Folder)

        @(Get-ChildItem -LiteralPath $Folder -Force -File | Select-Object -ExpandProperty Name | Sort-Object)
    }

    function Start-LongExport {
        # Starts "<Source> | Export-Json -Path <Folder>/stopped.json" in a new PowerShell with the module imported,
        # and returns that PowerShell once the file being written appears in the folder (or after 60 seconds).
        param([string]$Source, [string]$Folder)

        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$env:HEALTHMOCK_MODULE'").AddStatement().AddScript(
            "$Source | Export-Json -Path '$(Join-Path $Folder 'stopped.json')'")
        $null = $shell.BeginInvoke()
        $deadline = [datetime]::UtcNow.AddSeconds(60)
        while (-not (Get-FileName $Folder) -and [datetime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 20
        }
        $shell
    }
}

Describe 'Export-Json' {
    Context 'round trips of each kind of input' {
        It 'writes a custom object with snake_case names' {
            $json = [pscustomobject]@{ FirstName = 'Sara'; LastName = 'Doe'; Age = 41; IsInsured = $true } |
                Export-Json

            $back = $json | ConvertFrom-Json -NoEnumerate
            $back.Count | Should -Be 1
            $back[0].first_name | Should -Be 'Sara'
            $back[0].last_name | Should -Be 'Doe'
            $back[0].age | Should -Be 41
            $back[0].is_insured | Should -BeTrue
            $back[0].PSObject.Properties.Name | Should -Be @('first_name', 'last_name', 'age', 'is_insured')
        }

        It 'writes the properties Select-Object chose, in its order' {
            $record = [pscustomobject]@{ Id = 'a'; Email = 'a@example.com'; Phone = '555-0100' } |
                Select-Object Phone, Id

            $back = $record | Export-Json | ConvertFrom-Json -NoEnumerate

            $back[0].PSObject.Properties.Name | Should -Be @('phone', 'id')
        }

        It 'writes no PowerShell adapter internals' {
            $json = [pscustomobject]@{ Name = 'x' } | Select-Object Name | Export-Json -Compress

            $json | Should -Be '[{"name":"x"}]'
        }

        It 'writes note, script and alias properties in order' {
            $record = [pscustomobject]@{ Minutes = 30 }
            $record | Add-Member -MemberType ScriptProperty -Name Hours -Value { $this.Minutes / 60 }
            $record | Add-Member -MemberType AliasProperty -Name DurationMinutes -Value Minutes

            $record | Export-Json -Compress | Should -Be '[{"minutes":30,"hours":0.5,"duration_minutes":30}]'
        }

        It 'writes a hashtable as an object with its keys in ordinal order' {
            @{ b = 2; a = 1; C = 3 } | Export-Json -Compress | Should -Be '[{"c":3,"a":1,"b":2}]'
        }

        It 'writes an ordered hashtable in its own order' {
            [ordered]@{ Zip = '01919'; City = 'Lake'; State = 'NE' } | Export-Json -Compress |
                Should -Be '[{"zip":"01919","city":"Lake","state":"NE"}]'
        }

        It 'writes plain values as JSON values' {
            $json = 'text', 42, 2.5, $true, $null | Export-Json -Compress

            $json | Should -Be '["text",42,2.5,true,null]'
        }

        It 'writes objects nested at any depth' {
            $record = [pscustomobject]@{
                Level1 = [pscustomobject]@{
                    Level2 = @{ Level3 = [ordered]@{ Level4 = @([pscustomobject]@{ Level5 = 'deep' }) } }
                }
            }

            $back = $record | Export-Json | ConvertFrom-Json -NoEnumerate

            $back[0].level1.level2.level3.level4[0].level5 | Should -Be 'deep'
        }

        It 'writes a .NET object with the note properties added to it' {
            $entry = [System.Collections.DictionaryEntry]::new('k', 'v') |
                Add-Member -NotePropertyName Note -NotePropertyValue 1 -PassThru

            $entry | Export-Json -Compress | Should -Be '[{"key":"k","value":"v","note":1}]'
        }

        It 'writes mock patients' {
            $patients = New-MockPatient -Count 3 -Seed 1 -ReferenceDate '2026-12-03'

            $back = $patients | Export-Json | ConvertFrom-Json -NoEnumerate

            $back.Count | Should -Be 3
            $back.id | Should -Be $patients.Id
            $back.first_name | Should -Be $patients.FirstName
        }

        It 'takes a collection given with -InputObject as one record per element' {
            Export-Json -InputObject @(1, 2) -Compress | Should -Be '[1,2]'
        }
    }

    Context 'dates and culture' {
        It 'writes a date without time as YYYY-MM-DD' {
            $json = [pscustomobject]@{ Dob = [datetime]'1979-06-01' } | Export-Json -Compress

            $json | Should -Be '[{"dob":"1979-06-01"}]'
        }

        It 'writes a date and time with its offset as ISO 8601' {
            $start = [datetimeoffset]::new(2026, 12, 3, 9, 30, 0, [timespan]::FromHours(-5))

            [pscustomobject]@{ Start = $start } | Export-Json -Compress |
                Should -Be '[{"start":"2026-12-03T09:30:00-05:00"}]'
        }

        It 'formats numbers with the invariant culture under <_>' -ForEach 'de-DE', 'tr-TR' {
            $previous = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = $_
                $json = [pscustomobject]@{ Amount = 1234.5; IsInsured = $true } | Export-Json -Compress
            }
            finally {
                [cultureinfo]::CurrentCulture = $previous
            }

            $json | Should -Be '[{"amount":1234.5,"is_insured":true}]'
        }
    }

    Context 'output without -Path' {
        It 'writes one string for the whole array' {
            $output = @(1..3 | ForEach-Object { [pscustomobject]@{ N = $_ } } | Export-Json)

            $output.Count | Should -Be 1
            $output[0] | Should -BeOfType ([string])
            $output[0] | Should -Be "[`n  {`n    `"n`": 1`n  },`n  {`n    `"n`": 2`n  },`n  {`n    `"n`": 3`n  }`n]"
        }

        It 'writes [] for no input' {
            @() | Export-Json | Should -Be '[]'
        }

        It 'declares string as its output type' {
            (Get-Command Export-Json).OutputType.Type | Should -Contain ([string])
        }
    }

    Context '-AsLines' {
        It 'writes one compact string per record' {
            $lines = 1..3 | ForEach-Object { [pscustomobject]@{ N = $_; Tags = @('a') } } | Export-Json -AsLines

            $lines | Should -Be @('{"n":1,"tags":["a"]}', '{"n":2,"tags":["a"]}', '{"n":3,"tags":["a"]}')
        }

        It 'streams each line before the next record arrives' {
            $seen = 1..3 | ForEach-Object { $script:produced = $_; [pscustomobject]@{ N = $_ } } |
                Export-Json -AsLines | ForEach-Object { "$_ after $script:produced" }

            $seen[0] | Should -Be '{"n":1} after 1'
        }

        It 'writes a JSON Lines file' {
            $path = Join-Path (New-TestFolder) 'users.jsonl'

            'a', 'b' | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Export-Json -AsLines -Path $path

            Get-Content -LiteralPath $path -Raw | Should -Be "{`"id`":`"a`"}`n{`"id`":`"b`"}`n"
        }

        It 'cannot be combined with -KeyProperty' {
            $err = { 1 | Export-Json -AsLines -KeyProperty Id } | Should -Throw -PassThru

            $err.FullyQualifiedErrorId | Should -BeLike 'AmbiguousParameterSet,*'
        }
    }

    Context '-Compress' {
        It 'writes no whitespace' {
            $json = [pscustomobject]@{ Id = 'a'; Tags = @('x', 'y') } | Export-Json -Compress

            $json | Should -Be '[{"id":"a","tags":["x","y"]}]'
        }
    }

    Context '-KeyProperty' {
        It 'writes an object keyed by the property' {
            $policies = 'p1', 'p2' | ForEach-Object { [pscustomobject]@{ PolicyNumber = $_; Payer = 'Acme' } }

            $back = $policies | Export-Json -KeyProperty PolicyNumber | ConvertFrom-Json -AsHashtable

            $back.Keys | Sort-Object | Should -Be @('p1', 'p2')
            $back['p2'].payer | Should -Be 'Acme'
        }

        It 'accepts the JSON name of the property' {
            [pscustomobject]@{ PolicyNumber = 'p1' } | Export-Json -KeyProperty policy_number -Compress |
                Should -Be '{"p1":{"policy_number":"p1"}}'
        }

        It 'writes {} for no input' {
            @() | Export-Json -KeyProperty Id | Should -Be '{}'
        }

        It 'refuses a duplicate key with DuplicateKey' {
            $records = 'a', 'b', 'a' | ForEach-Object { [pscustomobject]@{ Id = $_ } }

            $err = { $records | Export-Json -KeyProperty Id } | Should -Throw -PassThru

            $err.FullyQualifiedErrorId | Should -BeLike 'DuplicateKey,*'
            $err.CategoryInfo.Category | Should -Be 'InvalidData'
            $err.TargetObject | Should -Be 'a'
            $err.Exception.Message | Should -BeLike "Record 3 has the key 'a', which record 1 already used*"
        }

        It 'refuses a record without the key with MissingKey' {
            $err = { [pscustomobject]@{ Name = 'x' } | Export-Json -KeyProperty Id } | Should -Throw -PassThru

            $err.FullyQualifiedErrorId | Should -BeLike 'MissingKey,*'
            $err.Exception.Message | Should -BeLike "*Record 1*'Id'*"
        }
    }

    Context '-NamingPolicy' {
        It 'writes <Policy> names' -TestCases @(
            @{ Policy = 'SnakeCase'; Expected = '[{"date_of_birth":1,"npi":2,"address_line1":3}]' }
            @{ Policy = 'CamelCase'; Expected = '[{"dateOfBirth":1,"npi":2,"addressLine1":3}]' }
            @{ Policy = 'AsIs'; Expected = '[{"DateOfBirth":1,"NPI":2,"AddressLine1":3}]' }
        ) {
            $record = [pscustomobject]@{ DateOfBirth = 1; NPI = 2; AddressLine1 = 3 }

            $record | Export-Json -NamingPolicy $Policy -Compress | Should -Be $Expected
        }

        It 'uses snake_case by default' {
            [pscustomobject]@{ IsPrimaryCare = $true } | Export-Json -Compress | Should -Be '[{"is_primary_care":true}]'
        }
    }

    Context 'files' {
        It 'writes the file and reports it in the verbose stream' {
            $path = Join-Path (New-TestFolder) 'users.json'

            $verbose = [pscustomobject]@{ Id = 'a' } | Export-Json -Path $path -Verbose 4>&1

            Get-Content -LiteralPath $path -Raw | Should -Be "[`n  {`n    `"id`": `"a`"`n  }`n]`n"
            ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message |
                Should -Contain "Exported 1 record(s) to '$path'."
        }

        It 'resolves a relative path against the current location' {
            $folder = New-TestFolder
            Push-Location -LiteralPath $folder
            try {
                1 | Export-Json -Path 'relative.json'
            }
            finally {
                Pop-Location
            }

            Get-FileName $folder | Should -Be @('relative.json')
        }

        It 'refuses to replace an existing file with FileExists' {
            $path = Join-Path (New-TestFolder) 'users.json'
            Set-Content -LiteralPath $path -Value 'old'

            $err = { 1 | Export-Json -Path $path } | Should -Throw -PassThru

            $err.FullyQualifiedErrorId | Should -BeLike 'FileExists,*'
            $err.CategoryInfo.Category | Should -Be 'ResourceExists'
            $err.Exception.Message | Should -BeLike "*$path*-Force*"
            Get-Content -LiteralPath $path | Should -Be 'old'
        }

        It 'replaces an existing file with -Force' {
            $path = Join-Path (New-TestFolder) 'users.json'
            Set-Content -LiteralPath $path -Value 'old'

            1 | Export-Json -Path $path -Force -Compress

            Get-Content -LiteralPath $path -Raw | Should -Be "[1]`n"
        }

        It 'refuses a missing folder with DirectoryNotFound' {
            $folder = Join-Path (New-TestFolder) 'missing'

            $err = { 1 | Export-Json -Path (Join-Path $folder 'users.json') } | Should -Throw -PassThru

            $err.FullyQualifiedErrorId | Should -BeLike 'DirectoryNotFound,*'
            $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err.TargetObject | Should -Be $folder
            $err.Exception.Message | Should -BeLike "*$folder*"
        }

        It 'writes nothing with -WhatIf' {
            $folder = New-TestFolder

            1 | Export-Json -Path (Join-Path $folder 'users.json') -WhatIf

            Get-FileName $folder | Should -BeNullOrEmpty
        }

        It 'names the path when the folder cannot be written to' {
            if ($IsWindows -or (id -u) -eq 0) {
                Set-ItResult -Skipped -Because 'file modes do not stop Windows users or root from writing'
                return
            }
            $folder = New-TestFolder
            chmod 555 $folder
            try {
                $err = { 1 | Export-Json -Path (Join-Path $folder 'users.json') } | Should -Throw -PassThru
            }
            finally {
                chmod 755 $folder
            }

            $err.FullyQualifiedErrorId | Should -BeLike 'AccessDenied,*'
            $err.Exception.Message | Should -BeLike "*$folder*users.json*"
        }
    }

    Context 'failures leave nothing half-written' {
        It 'refuses a reference cycle with ReferenceCycle and keeps the old file' {
            $folder = New-TestFolder
            $path = Join-Path $folder 'users.json'
            Set-Content -LiteralPath $path -Value 'old'
            $record = [pscustomobject]@{ Name = 'loop' }
            $record | Add-Member -NotePropertyName Self -NotePropertyValue $record

            $err = { [pscustomobject]@{ Name = 'fine' }, $record | Export-Json -Path $path -Force } |
                Should -Throw -PassThru

            $err.FullyQualifiedErrorId | Should -BeLike 'ReferenceCycle,*'
            $err.Exception.Message | Should -BeLike '*$.self in record 2*'
            Get-Content -LiteralPath $path | Should -Be 'old'
            Get-FileName $folder | Should -Be @('users.json')
        }

        It 'refuses a value that is not data with UnsupportedValue and writes no file' {
            $folder = New-TestFolder

            $err = { [pscustomobject]@{ Handler = { 'code' } } | Export-Json -Path (Join-Path $folder 'a.json') } |
                Should -Throw -PassThru

            $err.FullyQualifiedErrorId | Should -BeLike 'UnsupportedValue,*'
            $err.CategoryInfo.Category | Should -Be 'InvalidData'
            $err.TargetObject | Should -BeOfType ([scriptblock])
            $err.Exception.Message | Should -BeLike '*System.Management.Automation.ScriptBlock*'
            Get-FileName $folder | Should -BeNullOrEmpty
        }

        It 'refuses a script property that throws with UnsupportedValue naming the property' {
            $record = [pscustomobject]@{ Id = 'a' }
            $record | Add-Member -MemberType ScriptProperty -Name Broken -Value { throw 'not ready' }

            $err = { $record | Export-Json } | Should -Throw -PassThru

            $err.FullyQualifiedErrorId | Should -BeLike 'UnsupportedValue,*'
            $err.Exception.Message | Should -BeLike '*Broken*not ready*'
        }

        It 'writes no file when the pipeline fails upstream' {
            $folder = New-TestFolder

            { & { [pscustomobject]@{ Id = 'a' }; throw 'upstream failed' } | Export-Json -Path "$folder/a.json" } |
                Should -Throw 'upstream failed'

            Get-FileName $folder | Should -BeNullOrEmpty
        }

        It 'writes no file when stopped' {
            $folder = New-TestFolder
            $shell = Start-LongExport '1..100000000 | ForEach-Object { [pscustomobject]@{ Index = $_ } }' $folder
            try {
                Get-FileName $folder | Should -BeLike '.stopped.json.*.tmp' -Because 'records stream to a temp file'

                $shell.Stop()

                $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            }
            finally {
                $shell.Dispose()
            }
            Get-FileName $folder | Should -BeNullOrEmpty
        }
    }

    Context 'patients piped straight from New-MockPatient' {
        BeforeAll {
            function Export-Patient {
                # Exports patients piped straight in, or through ForEach-Object, which keeps every record on the
                # pipeline thread; returns the debug lines, which say how many records went to the second thread.
                param([string]$Path, [switch]$Through, [hashtable]$Export = @{})

                $DebugPreference = 'Continue'
                $patients = { New-MockPatient -Count 3000 -Seed 4 -ReferenceDate 2026-01-01 }
                if ($Through) {
                    & $patients 5>$null | ForEach-Object { $_ } | Export-Json -Path $Path @Export 5>&1 |
                        ForEach-Object { "$_" }
                }
                else {
                    & $patients 5>$null | Export-Json -Path $Path @Export 5>&1 | ForEach-Object { "$_" }
                }
            }
        }

        It 'writes them on a second thread, byte for byte as on the pipeline thread, as <Name>' -TestCases @(
            @{ Name = 'an array'; Export = @{} }
            @{ Name = 'compact JSON'; Export = @{ Compress = $true } }
            @{ Name = 'JSON Lines'; Export = @{ AsLines = $true } }
            @{ Name = 'an object keyed by id'; Export = @{ KeyProperty = 'id'; NamingPolicy = 'CamelCase' } }
        ) {
            $folder = New-TestFolder
            $straight = Join-Path $folder 'straight.json'
            $through = Join-Path $folder 'through.json'

            $debugStraight = Export-Patient $straight -Export $Export
            $debugThrough = Export-Patient $through -Through -Export $Export

            $debugStraight | Should -Contain 'Wrote 3000 Patient record(s) on a second thread.'
            $debugThrough | Should -Not -BeLike '*second thread*'
            (Get-FileHash -LiteralPath $straight).Hash | Should -Be (Get-FileHash -LiteralPath $through).Hash
            Get-FileName $folder | Should -Be @('straight.json', 'through.json')
        }

        It 'keeps records on the pipeline thread when New-MockPatient writes to another command' {
            $path = Join-Path (New-TestFolder) 'users.json'
            $DebugPreference = 'Continue'

            $debug = New-MockPatient -Count 3000 -Seed 4 5>$null | Select-Object * | Export-Json -Path $path 5>&1 |
                ForEach-Object { "$_" }

            $debug | Should -Not -BeLike '*second thread*'
        }

        It 'reports <Id> from the second thread as from the pipeline thread, and keeps the old file' -TestCases @(
            @{ Id = 'DuplicateKey'; Key = 'State' }
            @{ Id = 'MissingKey'; Key = 'InsurancePolicyNumber' }
            @{ Id = 'InvalidKey'; Key = 'EmergencyContact' }
        ) {
            $folder = New-TestFolder
            $path = Join-Path $folder 'users.json'
            Set-Content -LiteralPath $path -Value 'old'
            $export = @{ KeyProperty = $Key; Force = $true }

            $straight = { Export-Patient $path -Export $export } | Should -Throw -PassThru
            $through = { Export-Patient $path -Through -Export $export } | Should -Throw -PassThru

            $straight.FullyQualifiedErrorId | Should -BeLike "$Id,*"
            $straight.FullyQualifiedErrorId | Should -Be $through.FullyQualifiedErrorId
            $straight.CategoryInfo.Category | Should -Be $through.CategoryInfo.Category
            $straight.Exception.Message | Should -Be $through.Exception.Message
            "$($straight.TargetObject)" | Should -Be "$($through.TargetObject)"
            Get-Content -LiteralPath $path | Should -Be 'old'
            Get-FileName $folder | Should -Be @('users.json')
        }

        It 'stops the second thread and writes no file when stopped' {
            $folder = New-TestFolder
            $shell = Start-LongExport 'New-MockPatient -Count 100000000 -Seed 1' $folder
            try {
                Get-FileName $folder | Should -BeLike '.stopped.json.*.tmp' -Because 'records stream to a temp file'
                if ($IsLinux) {
                    Get-ThreadName | Should -Contain 'HealthMock reco' -Because 'Linux shows 15 characters of a name'
                }

                $shell.Stop()

                $shell.InvocationStateInfo.State | Should -Be 'Stopped'
                if ($IsLinux) {
                    Get-ThreadName | Should -Not -Contain 'HealthMock reco'
                    Get-ThreadName | Should -Not -Contain 'HealthMock JSON'
                }
            }
            finally {
                $shell.Dispose()
            }
            Get-FileName $folder | Should -BeNullOrEmpty
        }
    }

    Context 'encoding' {
        It 'writes UTF-8 without a byte order mark and names with apostrophes and accents literally' {
            $path = Join-Path (New-TestFolder) 'users.json'

            [pscustomobject]@{ LastName = "O'Brien"; FirstName = 'Zoë' } | Export-Json -Path $path -Compress

            $bytes = [System.IO.File]::ReadAllBytes($path)
            $bytes[0] | Should -Be ([byte][char]'[')
            [System.Text.UTF8Encoding]::new($false, $true).GetString($bytes) |
                Should -Be "[{`"last_name`":`"O'Brien`",`"first_name`":`"Zoë`"}]`n"
        }
    }
}
