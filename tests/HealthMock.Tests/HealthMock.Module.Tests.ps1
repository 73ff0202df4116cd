BeforeAll {
    if (-not $env:HEALTHMOCK_MODULE) {
        throw 'Set HEALTHMOCK_MODULE to the full path of out/HealthMock/HealthMock.psd1; ./build.ps1 Test does.'
    }
    $manifest = Import-PowerShellDataFile -LiteralPath $env:HEALTHMOCK_MODULE
    $module = Import-Module $env:HEALTHMOCK_MODULE -Force -PassThru
}

Describe 'HealthMock module' {
    It 'has a valid manifest' {
        { Test-ModuleManifest -Path $env:HEALTHMOCK_MODULE -ErrorAction Stop } | Should -Not -Throw
    }

    It 'imports with the manifest version' {
        $module.Name | Should -Be 'HealthMock'
        $module.Version | Should -Be ([version]$manifest.ModuleVersion)
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $exported = @($module.ExportedCmdlets.Keys | Sort-Object)
        $exported | Should -Be @($manifest.CmdletsToExport | Sort-Object)
    }

    It 'lists every compiled cmdlet in the manifest' {
        $compiled = foreach ($type in $module.ImplementingAssembly.GetExportedTypes()) {
            $cmdlet = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)
            if ($cmdlet) { '{0}-{1}' -f $cmdlet[0].VerbName, $cmdlet[0].NounName }
        }
        @($compiled | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
    }

    It 'has the version set in Directory.Build.props, as the assembly does' {
        $props = Join-Path $PSScriptRoot '../../Directory.Build.props'
        $version = (Select-Xml -LiteralPath $props -XPath '//Version').Node.InnerText.Trim()

        $manifest.ModuleVersion | Should -Be $version
        $module.ImplementingAssembly.GetName().Version.ToString(3) | Should -Be $version
    }

    It 'exports no functions, variables or aliases, so nothing is loaded by wildcard' {
        $manifest.FunctionsToExport | Should -BeNullOrEmpty
        $manifest.VariablesToExport | Should -BeNullOrEmpty
        $manifest.AliasesToExport | Should -BeNullOrEmpty
        $manifest.CmdletsToExport | Should -Not -Contain '*'
    }

    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        $unapproved = $module.ExportedCmdlets.Values | Where-Object Verb -NotIn $approved
        $unapproved | Should -BeNullOrEmpty -Because 'unapproved verbs make Import-Module warn'
    }

    Context 'PowerShell Gallery' {
        BeforeAll {
            $data = $manifest.PrivateData.PSData
        }

        It 'names a GUID, an author and a description' {
            [guid]$manifest.GUID | Should -Not -Be ([guid]::Empty)
            $manifest.Author | Should -Not -BeNullOrEmpty
            $manifest.Description.Length | Should -BeGreaterThan 40
        }

        It 'runs on PowerShell 5.1 and later, Core and Desktop' {
            $manifest.PowerShellVersion | Should -Be '5.1'
            $manifest.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
        }

        It 'has tags without spaces, including the editions' {
            $data.Tags | Should -Not -BeNullOrEmpty
            $data.Tags | Where-Object { $_ -match '\s' } | Should -BeNullOrEmpty
            $data.Tags | Should -Contain 'PSEdition_Core'
            $data.Tags | Should -Contain 'PSEdition_Desktop'
        }

        It 'links to its license with an absolute address' {
            ([uri]$data.LicenseUri).IsAbsoluteUri | Should -BeTrue
            Join-Path (Split-Path $env:HEALTHMOCK_MODULE) 'LICENSE' | Should -Exist
        }

        It 'has release notes for its version' {
            $data.ReleaseNotes | Should -Match ([regex]::Escape($manifest.ModuleVersion))
        }
    }
}
