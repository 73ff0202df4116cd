<#
.SYNOPSIS
    Builds, stages, tests and demonstrates the HealthMock module.

.DESCRIPTION
    One entry point for developers and CI; it runs from any folder and works relative to the repository root.
    It needs the .NET 10 SDK and the PowerShell of the tool manifest: run `dotnet tool restore` once first.

    Build  Builds HealthMock.sln and stages an importable module folder at out/HealthMock: everything in
           module/HealthMock (manifest, format data, en-US help), HealthMock.dll and its netstandard2.0
           dependency closure, which Windows PowerShell 5.1 needs. Then writes en-US/HealthMock.dll-Help.xml
           from the cmdlets' XML documentation comments with build/HelpBuilder.ps1, and checks that every file
           the manifest names, the help files and every assembly in the dependency closure are staged.

    Test   Runs Build, then the xunit suite tests/HealthMock.Core.Tests, then the Pester suite
           tests/HealthMock.Tests/*.Tests.ps1 in a fresh PowerShell with HEALTHMOCK_MODULE set to the full
           path of out/HealthMock/HealthMock.psd1. Pester 5 is restored from NuGet into the NuGet cache when
           it is not there yet. Both suites always run; their results go to out/test-results. The last line
           is "N passed, N failed" over both suites (", N skipped" is appended when tests were skipped), and
           the exit code is 1 when a test failed or a suite did not run or ran no tests, which counts as one
           failure.

    Demo   Runs Build, then in a fresh PowerShell imports the staged module, writes 100 patients generated
           with seed 1 to out/demo/users.json and prints the path and the number of records.

    Package
           Runs Build, then writes out/package/HealthMock.<version>.nupkg, the package the PowerShell Gallery
           takes, with Publish-PSResource to a temporary local repository that is unregistered afterwards.
           Install-PSResource or Install-Module install it from any folder registered as a repository.

    Bench  Runs Build, then bench/Invoke-Bench.ps1 on the staged module: the Core benchmarks (BenchmarkDotNet)
           and the end-to-end runs in pwsh, against Bogus, a Utf8JsonWriter floor and a hand-written script.
           Prints a table of ratios and saves it, with the machine's description, to bench/results. It takes
           a few minutes and writes files of several gigabytes, to /dev/shm where there is one.

    Build also checks that the version in Directory.Build.props, the one place it is set, equals the module
    manifest's ModuleVersion and the version of the built HealthMock.dll.

.PARAMETER Task
    The task to run: Build (the default), Test, Demo, Package or Bench.

.PARAMETER Configuration
    The .NET build configuration: Release (the default) or Debug.

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test

    Builds the module, runs both test suites and prints the totals, as CI does.

.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Build -Configuration Debug

    Stages a debug build in out/HealthMock; import it with Import-Module ./out/HealthMock/HealthMock.psd1.
#>
#Requires -Version 7.3
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Bench')]
    [string]$Task = 'Build',

    [string]$Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'HealthMock'
$manifestOut = Join-Path $moduleOut 'HealthMock.psd1'
$testResults = Join-Path $out 'test-results'

# PowerShellStandard.Library is only a reference assembly: the real one is PowerShell's own.
$hostAssembly = 'System.Management.Automation.dll'

function Invoke-Native {
    # Runs a native command and throws when it exits with a non-zero code.
    param([string]$FilePath, [string[]]$ArgumentList)

    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Invoke-FreshPwsh {
    # Runs a script block in a new pwsh of the tool manifest, so nothing of this session leaks in.
    # The caller checks $LASTEXITCODE; output goes to the host so callers can return values.
    param([scriptblock]$ScriptBlock, [string[]]$ArgumentList)

    $literals = $ArgumentList | ForEach-Object { "'" + $_.Replace("'", "''") + "'" }
    dotnet pwsh -NoProfile -NonInteractive -Command "& {$ScriptBlock} $literals" | Out-Host
}

function Reset-Folder {
    param([string]$Path)

    if (Test-Path -LiteralPath $Path) {
        Remove-Item -LiteralPath $Path -Recurse -Force
    }
    New-Item -ItemType Directory -Path $Path | Out-Null
}

function Assert-ModuleStaged {
    # Throws naming each file the manifest or the published dependency closure needs that is not staged.
    param([string]$PublishFolder)

    if (-not (Test-Path -LiteralPath $manifestOut)) {
        throw 'out/HealthMock is missing HealthMock.psd1.'
    }
    $manifest = Import-PowerShellDataFile -LiteralPath $manifestOut
    $needed = @(foreach ($key in 'RootModule', 'NestedModules', 'RequiredAssemblies', 'FormatsToProcess',
        'TypesToProcess') {
        if ($manifest.ContainsKey($key)) { $manifest[$key] }
    })

    $depsPath = Join-Path $PublishFolder 'HealthMock.deps.json'
    $deps = Get-Content -LiteralPath $depsPath -Raw | ConvertFrom-Json -AsHashtable
    $needed += foreach ($library in $deps.targets.Values.Values) {
        if ($library.ContainsKey('runtime')) { $library.runtime.Keys | Split-Path -Leaf }
    }
    $needed += 'en-US/HealthMock.dll-Help.xml', 'en-US/about_HealthMock.help.txt', 'LICENSE'

    $missing = $needed | Where-Object { $_ -ne $hostAssembly } | Sort-Object -Unique |
        Where-Object { -not (Test-Path -LiteralPath (Join-Path $moduleOut $_)) }
    if ($missing) {
        throw "out/HealthMock is missing $($missing -join ', ')."
    }
}

function Assert-VersionAgrees {
    # Directory.Build.props sets the version of the assemblies; the manifest must carry the same one.
    $props = Join-Path $root 'Directory.Build.props'
    $version = (Select-Xml -LiteralPath $props -XPath '//Version').Node.InnerText.Trim()
    $manifestPath = Join-Path $root 'module/HealthMock/HealthMock.psd1'
    $moduleVersion = (Import-PowerShellDataFile -LiteralPath $manifestPath).ModuleVersion
    if ($moduleVersion -ne $version) {
        throw "module/HealthMock/HealthMock.psd1 has ModuleVersion '$moduleVersion' but Directory.Build.props " +
            "sets Version '$version'; expected the same version in both."
    }
    $version
}

function Invoke-BuildTask {
    $version = Assert-VersionAgrees
    # Cleared first, so a failed build leaves no module behind that could be mistaken for a good one.
    Reset-Folder $moduleOut
    Invoke-Native dotnet 'build', (Join-Path $root 'HealthMock.sln'), '--configuration', $Configuration, '--nologo'

    $publish = Join-Path $out 'publish'
    Reset-Folder $publish
    Invoke-Native dotnet 'publish', (Join-Path $root 'src/HealthMock/HealthMock.csproj'), '--configuration',
        $Configuration, '--no-build', '--output', $publish, '--nologo'

    Copy-Item -Path (Join-Path $root 'module/HealthMock/*') -Destination $moduleOut -Recurse
    Copy-Item -LiteralPath (Join-Path $root 'LICENSE') -Destination $moduleOut
    Get-ChildItem -LiteralPath $publish -Filter '*.dll' | Where-Object Name -ne $hostAssembly |
        Copy-Item -Destination $moduleOut
    # A fresh pwsh imports the staged module to read its cmdlets, so this session never loads HealthMock.dll.
    Invoke-Native dotnet 'pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'build/HelpBuilder.ps1'),
        '-ModulePath', $manifestOut, '-DocumentationFolder', $publish,
        '-OutputPath', (Join-Path $moduleOut 'en-US/HealthMock.dll-Help.xml')
    Assert-ModuleStaged $publish
    $assembly = Join-Path $moduleOut 'HealthMock.dll'
    $assemblyVersion = [System.Reflection.AssemblyName]::GetAssemblyName($assembly).Version
    if ($assemblyVersion.ToString(3) -ne $version) {
        throw "HealthMock.dll has version $assemblyVersion but Directory.Build.props sets $version."
    }
    Write-Host "Staged the module in $moduleOut"
}

function New-SuiteResult {
    # A suite that did not run, or ran no tests, counts as one failure so the totals agree with the exit code.
    param([string]$Name, [int]$Passed, [int]$Failed, [int]$Skipped, [string]$Problem)

    if ($Problem) { $Failed++ }
    [pscustomobject]@{ Name = $Name; Passed = $Passed; Failed = $Failed; Skipped = $Skipped; Problem = $Problem }
}

function Invoke-XunitSuite {
    $trxName = 'HealthMock.Core.Tests.trx'
    dotnet test (Join-Path $root 'tests/HealthMock.Core.Tests') --configuration $Configuration --no-build `
        --logger "trx;LogFileName=$trxName" --results-directory $testResults | Out-Host
    $exitCode = $LASTEXITCODE

    $trx = Join-Path $testResults $trxName
    if (-not (Test-Path -LiteralPath $trx)) {
        return New-SuiteResult 'xunit' -Problem "did not run: no $trxName (exit code $exitCode)"
    }
    $counts = @{}
    foreach ($attribute in ([xml](Get-Content -LiteralPath $trx -Raw)).TestRun.ResultSummary.Counters.Attributes) {
        $counts[$attribute.Name] = [int]$attribute.Value
    }
    $failed = $counts.failed + $counts.error + $counts.timeout + $counts.aborted
    # Skipped tests are the ones not executed: the notExecuted counter stays 0 for them.
    $skipped = $counts.total - $counts.executed
    $problem = if ($counts.total -eq 0) { 'ran no tests' }
        elseif ($exitCode -ne 0 -and $failed -eq 0) { "exited with code $exitCode" }
    New-SuiteResult 'xunit' $counts.passed $failed $skipped $problem
}

function Get-PesterManifest {
    # Restores Pester into the NuGet cache only when that version is not there yet.
    $project = Join-Path $root 'tests/HealthMock.Tests/Pester.proj'
    $version = (Select-Xml -LiteralPath $project -XPath '//PackageDownload[@Include="Pester"]').Node.Version
    $cacheLine = Invoke-Native dotnet 'nuget', 'locals', 'global-packages', '--list' |
        Where-Object { $_ -match '^global-packages:\s*(.+)$' }
    if (-not $cacheLine) {
        throw "'dotnet nuget locals global-packages --list' printed no global-packages folder."
    }
    $manifest = Join-Path $Matches[1].Trim() "pester/$($version.Trim('[]'))/tools/Pester.psd1"

    if (-not (Test-Path -LiteralPath $manifest)) {
        Invoke-Native dotnet 'restore', $project, '--nologo' | Out-Host
        if (-not (Test-Path -LiteralPath $manifest)) {
            throw "Restoring $project did not produce $manifest."
        }
    }
    $manifest
}

function Invoke-PesterSuite {
    $summary = Join-Path $testResults 'pester-summary.json'
    $runner = {
        param([string]$PesterManifest, [string]$TestPath, [string]$SummaryPath)

        $ErrorActionPreference = 'Stop'
        Import-Module -Name $PesterManifest
        $config = New-PesterConfiguration
        $config.Run.Path = $TestPath
        $config.Run.PassThru = $true
        $config.Output.Verbosity = 'Detailed'
        $run = Invoke-Pester -Configuration $config
        $run | Select-Object TotalCount, PassedCount, FailedCount, SkippedCount, NotRunCount, FailedBlocksCount,
            FailedContainersCount | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
    }

    $previous = $env:HEALTHMOCK_MODULE
    try {
        $pester = Get-PesterManifest
        $env:HEALTHMOCK_MODULE = $manifestOut
        Invoke-FreshPwsh $runner $pester, (Join-Path $root 'tests/HealthMock.Tests'), $summary
    }
    catch {
        return New-SuiteResult 'Pester' -Problem "did not run: $($_.Exception.Message)"
    }
    finally {
        $env:HEALTHMOCK_MODULE = $previous
    }
    $exitCode = $LASTEXITCODE

    if (-not (Test-Path -LiteralPath $summary)) {
        return New-SuiteResult 'Pester' -Problem "did not run: no result file (exit code $exitCode)"
    }
    $run = Get-Content -LiteralPath $summary -Raw | ConvertFrom-Json
    # A failed BeforeAll fails the tests under it; a test file that cannot run at all fails no test.
    $failed = $run.FailedCount + $run.FailedContainersCount
    $problem = if ($run.TotalCount -eq 0) { 'ran no tests' }
        elseif ($exitCode -ne 0) { "exited with code $exitCode" }
    New-SuiteResult 'Pester' $run.PassedCount $failed ($run.SkippedCount + $run.NotRunCount) $problem
}

function Invoke-TestTask {
    Invoke-BuildTask
    Reset-Folder $testResults
    $suites = @(Invoke-XunitSuite; Invoke-PesterSuite)

    foreach ($suite in $suites) {
        $line = "$($suite.Name): $($suite.Passed) passed, $($suite.Failed) failed, $($suite.Skipped) skipped"
        if ($suite.Problem) { $line += " ($($suite.Problem))" }
        Write-Host $line
    }
    $passed = ($suites | Measure-Object Passed -Sum).Sum
    $failed = ($suites | Measure-Object Failed -Sum).Sum
    $skipped = ($suites | Measure-Object Skipped -Sum).Sum
    Write-Host ("$passed passed, $failed failed" + $(if ($skipped) { ", $skipped skipped" }))
    if ($failed -gt 0) {
        exit 1
    }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    New-Item -ItemType Directory -Path (Join-Path $out 'demo') -Force | Out-Null
    $demo = {
        param([string]$Manifest, [string]$Path)

        $ErrorActionPreference = 'Stop'
        Import-Module -Name $Manifest
        New-MockPatient -Count 100 -Seed 1 | Export-Json -Path $Path -Force
        # An array or an object keyed by id: either way Count is the number of records.
        $records = (Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json -AsHashtable -NoEnumerate).Count
        "Wrote $records records to $((Resolve-Path -LiteralPath $Path).Path)"
    }
    Invoke-FreshPwsh $demo $manifestOut, 'out/demo/users.json'
    if ($LASTEXITCODE -ne 0) {
        throw "The demo failed with exit code $LASTEXITCODE."
    }
}

function Invoke-PackageTask {
    Invoke-BuildTask
    $package = Join-Path $out 'package'
    Reset-Folder $package
    # A fresh PowerShell publishes, so nothing of PSResourceGet stays in this session; the repository it
    # registers is unregistered even when publishing fails.
    $publish = {
        param([string]$ModuleFolder, [string]$Destination)

        $ErrorActionPreference = 'Stop'
        $name = 'HealthMockBuild' + [guid]::NewGuid().ToString('N')
        Register-PSResourceRepository -Name $name -Uri $Destination -Trusted
        try {
            Publish-PSResource -Path $ModuleFolder -Repository $name
        }
        finally {
            Unregister-PSResourceRepository -Name $name
        }
    }
    Invoke-FreshPwsh $publish $moduleOut, $package
    if ($LASTEXITCODE -ne 0) {
        throw "Publishing the module to $package failed with exit code $LASTEXITCODE."
    }
    $nupkg = @(Get-ChildItem -LiteralPath $package -Filter 'HealthMock.*.nupkg')
    if ($nupkg.Count -ne 1) {
        throw "Expected one HealthMock package in $package, found $($nupkg.Count)."
    }
    Write-Host "Wrote $($nupkg[0].FullName)"
}

function Invoke-BenchTask {
    Invoke-BuildTask
    & (Join-Path $root 'bench/Invoke-Bench.ps1') -Module $manifestOut
}

# The tool manifest that `dotnet pwsh` needs is found from the current folder, so work from the root.
Push-Location -LiteralPath $root
try {
    switch ($Task) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
        'Package' { Invoke-PackageTask }
        'Bench' { Invoke-BenchTask }
    }
}
finally {
    Pop-Location
}
