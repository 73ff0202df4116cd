BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force

    $referenceDate = [datetime]'2026-12-03'

    function New-TestFolder {
        # A fresh folder under TestDrive: for each test that checks which files a folder holds.
        New-Item -ItemType Directory -Path (Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))) |
            Select-Object -ExpandProperty FullName
    }

    function Get-Hash {
        # Files are compared by hash: Should -Be on megabytes of bytes compares them one at a time.
        param([string]$Path)

        (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash
    }
}

Describe 'Export-MockPatient' {
    Context 'the file' {
        It 'holds the bytes New-MockPatient piped into Export-Json writes' -TestCases @(
            @{ Switches = @{} }
            @{ Switches = @{ AsLines = $true } }
            @{ Switches = @{ Compress = $true } }
        ) {
            param($Switches)
            $folder = New-TestFolder
            $direct = Join-Path $folder 'direct.json'
            $piped = Join-Path $folder 'piped.json'

            Export-MockPatient -Path $direct -Count 50 -Seed 5 -ReferenceDate $referenceDate @Switches
            New-MockPatient -Count 50 -Seed 5 -ReferenceDate $referenceDate | Export-Json -Path $piped @Switches

            Get-Hash $direct | Should -Be (Get-Hash $piped)
        }

        It 'holds the same bytes for a run long enough to be generated on a worker thread' {
            $folder = New-TestFolder
            $direct = Join-Path $folder 'direct.json'
            $piped = Join-Path $folder 'piped.json'

            Export-MockPatient $direct 3000 -Seed 9 -ReferenceDate $referenceDate -MinAge 30 -State OR
            New-MockPatient 3000 -Seed 9 -ReferenceDate $referenceDate -MinAge 30 -State OR | Export-Json $piped

            Get-Hash $direct | Should -Be (Get-Hash $piped)
        }

        It 'writes an empty array for a count of 0' {
            $path = Join-Path (New-TestFolder) 'none.json'

            Export-MockPatient -Path $path -Count 0 -Seed 1

            Get-Content -LiteralPath $path -Raw | Should -Be "[]`n"
        }

        It 'writes records from -StartIndex, as a shard of the longer run' {
            $path = Join-Path (New-TestFolder) 'shard.json'

            Export-MockPatient -Path $path -StartIndex 5 -Count 5 -Seed 3 -ReferenceDate $referenceDate -AsLines

            $ids = Get-Content -LiteralPath $path | ForEach-Object { ($_ | ConvertFrom-Json).id }
            $ids | Should -Be (New-MockPatient -Count 10 -Seed 3 -ReferenceDate $referenceDate)[5..9].Id
        }
    }

    Context 'output' {
        It 'writes nothing to the pipeline' {
            $output = Export-MockPatient -Path (Join-Path (New-TestFolder) 'p.json') -Count 2 -Seed 1

            $output | Should -BeNullOrEmpty
        }

        It 'returns the file with -PassThru' {
            $path = Join-Path (New-TestFolder) 'p.json'

            $file = Export-MockPatient -Path $path -Count 2 -Seed 1 -PassThru

            $file | Should -BeOfType System.IO.FileInfo
            $file.FullName | Should -Be $path
            $file.PSProvider.Name | Should -Be 'FileSystem' -Because 'Get-Item gives files its members'
            $file.Length | Should -BeGreaterThan 0
        }

        It 'names the seed and the file in the verbose stream' {
            $path = Join-Path (New-TestFolder) 'p.json'

            $verbose = Export-MockPatient -Path $path -Count 2 -Seed 12 -Verbose 4>&1

            ($verbose -join "`n") | Should -Match 'Seed 12'
            ($verbose -join "`n") | Should -Match ([regex]::Escape($path))
        }
    }

    Context 'errors' {
        It 'refuses to replace an existing file with FileExists' {
            $path = Join-Path (New-TestFolder) 'p.json'
            Set-Content -LiteralPath $path -Value 'old'

            $err = { Export-MockPatient -Path $path -Count 2 -Seed 1 } | Should -Throw -PassThru

            $err.FullyQualifiedErrorId | Should -BeLike 'FileExists,*'
            Get-Content -LiteralPath $path | Should -Be 'old'
        }

        It 'replaces an existing file with -Force' {
            $path = Join-Path (New-TestFolder) 'p.json'
            Set-Content -LiteralPath $path -Value 'old'

            Export-MockPatient -Path $path -Count 1 -Seed 1 -Force -AsLines

            @(Get-Content -LiteralPath $path).Count | Should -Be 1
        }

        It 'stops with InvalidAgeRange and leaves no file behind' {
            $folder = New-TestFolder

            $err = { Export-MockPatient -Path (Join-Path $folder 'p.json') -MinAge 50 -MaxAge 20 -Seed 1 } |
                Should -Throw -PassThru

            $err.FullyQualifiedErrorId | Should -BeLike 'InvalidAgeRange,*'
            @(Get-ChildItem -LiteralPath $folder -Force) | Should -BeNullOrEmpty
        }

        It 'refuses a missing folder with DirectoryNotFound' {
            $path = Join-Path (New-TestFolder) 'missing/p.json'

            $err = { Export-MockPatient -Path $path -Seed 1 } | Should -Throw -PassThru

            $err.FullyQualifiedErrorId | Should -BeLike 'DirectoryNotFound,*'
        }

        It 'writes nothing with -WhatIf' {
            $folder = New-TestFolder

            Export-MockPatient -Path (Join-Path $folder 'p.json') -Count 5 -Seed 1 -WhatIf

            @(Get-ChildItem -LiteralPath $folder -Force) | Should -BeNullOrEmpty
        }
    }
}
