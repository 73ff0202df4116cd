BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    Import-Module $env:HEALTHMOCK_MODULE -Force
}

AfterAll {
    Set-MockSeedPath -Default
}

Describe 'Get-MockSeedPath' {
    Context 'the embedded seeds' {
        It 'says that the embedded seeds are used when no folder is set' {
            Set-MockSeedPath -Default
            $info = Get-MockSeedPath

            $info | Should -BeOfType ([HealthMock.Seeds.SeedPathInfo])
            $info.Path | Should -BeNullOrEmpty
            $info.IsEmbedded | Should -BeTrue
            $info.EmbeddedFiles.Count | Should -Be 8
        }

        It 'has a list view that names the embedded seeds' {
            Get-MockSeedPath | Out-String | Should -Match 'embedded in the module'
        }
    }

    Context 'a seeds folder' {
        It 'reports the seeds files present in the folder now' {
            $folder = Join-Path (Resolve-Path TestDrive:).ProviderPath 'two-files'
            Export-MockSeed -Path $folder -Name payers.json, specialties.json
            Set-MockSeedPath $folder
            try {
                $info = Get-MockSeedPath
            }
            finally {
                Set-MockSeedPath -Default
            }

            $info.Path | Should -Be $folder
            $info.FolderFiles | Should -Be @('payers.json', 'specialties.json')
            $info.EmbeddedFiles | Should -Not -Contain 'payers.json'
        }
    }
}
