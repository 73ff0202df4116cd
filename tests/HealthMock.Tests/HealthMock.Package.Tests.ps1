BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop

    $moduleFolder = Split-Path -Parent $env:HEALTHMOCK_MODULE
    $version = (Import-PowerShellDataFile -LiteralPath $env:HEALTHMOCK_MODULE).ModuleVersion
    $repositoryFolder = Join-Path (Resolve-Path TestDrive:).ProviderPath 'repository'
    $installFolder = Join-Path (Resolve-Path TestDrive:).ProviderPath 'installed'
    New-Item -ItemType Directory -Path $repositoryFolder, $installFolder | Out-Null

    # A repository of its own, so the test touches no repository the user has registered.
    $repository = 'HealthMockTest' + [guid]::NewGuid().ToString('N')
    Register-PSResourceRepository -Name $repository -Uri $repositoryFolder -Trusted
    Publish-PSResource -Path $moduleFolder -Repository $repository

    function Invoke-FreshPowerShell {
        # Runs a command in a new PowerShell process, so the installed copy of HealthMock.dll is the only one
        # loaded there. Returns its output lines; throws when it fails.
        param([string]$Command)

        $process = Get-Process -Id $PID
        $arguments = @('-NoProfile', '-NonInteractive', '-Command', $Command)
        if ([System.IO.Path]::GetFileNameWithoutExtension($process.Path) -eq 'dotnet') {
            $arguments = @(Join-Path $PSHOME 'pwsh.dll') + $arguments
        }
        $output = & $process.Path @arguments 2>&1
        if ($LASTEXITCODE -ne 0) {
            throw "PowerShell exited with code ${LASTEXITCODE}: $output"
        }
        $output
    }
}

AfterAll {
    if (Get-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue) {
        Unregister-PSResourceRepository -Name $repository
    }
}

Describe 'HealthMock package' {
    Context 'publishing' {
        It 'makes one .nupkg of the module version in the repository' {
            $packages = @(Get-ChildItem -LiteralPath $repositoryFolder -Filter '*.nupkg')

            $packages.Name | Should -Be @("HealthMock.$version.nupkg")
        }

        It 'is found in the repository with the manifest''s description, author and tags' {
            $found = Find-PSResource -Name HealthMock -Repository $repository

            $found.Version.ToString() | Should -Be $version
            $found.Description | Should -Not -BeNullOrEmpty
            $found.Author | Should -Not -BeNullOrEmpty
            $found.Tags | Should -Contain 'healthcare'
        }
    }

    Context 'installing' {
        BeforeAll {
            Save-PSResource -Name HealthMock -Repository $repository -Path $installFolder -TrustRepository
            $installed = Join-Path $installFolder "HealthMock/$version/HealthMock.psd1"
        }

        It 'installs the module with its help, format data and license' {
            $installed | Should -Exist
            Join-Path $installFolder "HealthMock/$version/en-US/HealthMock.dll-Help.xml" | Should -Exist
            Join-Path $installFolder "HealthMock/$version/HealthMock.Format.ps1xml" | Should -Exist
            Join-Path $installFolder "HealthMock/$version/LICENSE" | Should -Exist
        }

        It 'imports the installed module and generates a patient' {
            $command = "`$ErrorActionPreference = 'Stop'; Import-Module '$installed'; " +
                "(New-MockPatient -Count 1 -Seed 1 | ConvertTo-Json -Depth 4 | ConvertFrom-Json).Id; " +
                "(Get-Module HealthMock).ModuleBase"

            $output = Invoke-FreshPowerShell $command

            $output[0] | Should -Match '^[a-z0-9_]+_\d{4}$'
            $output[1] | Should -Be (Split-Path -Parent $installed)
        }
    }
}
