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

    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        $unapproved = $module.ExportedCmdlets.Values | Where-Object Verb -NotIn $approved
        $unapproved | Should -BeNullOrEmpty -Because 'unapproved verbs make Import-Module warn'
    }
}
