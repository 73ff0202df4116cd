@{
    RootModule           = 'HealthMock.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0d6f0e-3c2a-4e8b-9a51-7f3c2d9e4a10'
    Author               = 'HealthMock developers'
    CompanyName          = 'HealthMock'
    Copyright            = '(c) HealthMock developers. MIT License.'
    Description          = 'Generates linked, rule-abiding, reproducible mock healthcare data: patients, providers, insurance policies and appointments.'
    CompatiblePSEditions = @('Core', 'Desktop')
    PowerShellVersion    = '5.1'
    FormatsToProcess     = @('HealthMock.Format.ps1xml')
    CmdletsToExport      = @(
        'Export-Json'
        'New-MockPatient'
        'Export-MockPatient'
        'New-MockAppointment'
        'New-MockDataset'
        'New-MockInsurancePolicy'
        'New-MockProvider'
        'Export-MockDataset'
        'Import-MockDataset'
        'Test-MockDataset'
        'ConvertTo-MockFlatObject'
        'Export-MockSeed'
        'Get-MockSeedPath'
        'Set-MockSeedPath'
        'Find-MockPatient'
        'Get-MockPatient'
        'Get-MockProvider'
        'Get-MockAppointment'
        'Get-MockInsurancePolicy'
        'Get-MockAvailableSlot'
        'Add-MockAppointment'
        'Move-MockAppointment'
        'Stop-MockAppointment'
        'Get-MockVisitCost'
        'Start-MockHealthApi'
        'Stop-MockHealthApi'
        'Get-MockHealthApi'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('mock', 'test-data', 'synthetic-data', 'fake-data', 'healthcare', 'patients',
                'appointments', 'insurance', 'json', 'csv', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux',
                'MacOS')
            LicenseUri   = 'https://opensource.org/license/mit'
            ReleaseNotes = @'
0.1.0: first release.
- Generators: New-MockPatient, New-MockProvider, New-MockInsurancePolicy, New-MockAppointment and
  New-MockDataset make linked, rule-abiding records, identical from the same seed and reference date.
- Files: Export-Json, Export-MockDataset and Import-MockDataset (the benchmark's dataset folder layout with a
  manifest); ConvertTo-MockFlatObject for Export-Csv and spreadsheets; Export-MockPatient writes millions of
  patients straight to a file, without the pipeline.
- Checks: Test-MockDataset reports every broken consistency rule.
- Mock API: front-desk operations over a dataset folder (find patients, list free slots, book, reschedule and
  cancel appointments, estimate visit costs) as cmdlets and as a local HTTP service (Start-MockHealthApi).
- Seeds: Export-MockSeed, Set-MockSeedPath, Get-MockSeedPath and -SeedPath use your own vocabularies.
- Help for every cmdlet, about_HealthMock, tab completion, table and list views, progress on long runs.
'@
        }
    }
}
