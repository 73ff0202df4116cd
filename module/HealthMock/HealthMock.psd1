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
        'New-MockAppointment'
        'New-MockDataset'
        'New-MockInsurancePolicy'
        'New-MockProvider'
        'Export-MockDataset'
        'Import-MockDataset'
        'Test-MockDataset'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('mock', 'test-data', 'healthcare', 'fhir', 'synthetic-data', 'json', 'PSEdition_Core', 'PSEdition_Desktop')
            ReleaseNotes = 'First release: New-MockPatient and Export-Json.'
        }
    }
}
