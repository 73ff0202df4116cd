<#
.SYNOPSIS
    Runs HealthMock's benchmarks and prints and saves a table of ratios with the machine's description.

.DESCRIPTION
    Builds the benchmark tools under bench/, runs the Core benchmarks (BenchmarkDotNet in process, short runs with
    memory diagnostics: patient and provider generation against Bogus Faker<T>, the JSON writer against a
    Utf8JsonWriter floor writing the same bytes), then the end-to-end runs of bench/EndToEnd.ps1, each command in a
    pwsh or dotnet process of its own. Every ratio compares measurements of the same run on the same machine.

    The report goes to bench/results/<date>-<machine>.md and to the host; the raw measurements stay in out/bench.
    `./build.ps1 Bench` stages the module and calls this script.

.PARAMETER Module
    The staged HealthMock.psd1 that the end-to-end runs import.

.PARAMETER Quick
    Runs the end-to-end cases at small sizes and once each, to try the harness in a minute; the report says so.

.EXAMPLE
    ./build.ps1 Bench

    Builds and stages the module, then runs this script on it.

.EXAMPLE
    dotnet pwsh ./bench/Invoke-Bench.ps1 -Module ./out/HealthMock/HealthMock.psd1 -Quick

    Tries the harness on an already staged module.
#>
#Requires -Version 7.3
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string]$Module,

    [switch]$Quick
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$root = Split-Path -Parent $PSScriptRoot
$out = Join-Path $root 'out/bench'
$results = Join-Path $PSScriptRoot 'results'
$Module = (Resolve-Path -LiteralPath $Module).Path

function Invoke-Native {
    param([string]$FilePath, [string[]]$ArgumentList)

    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-MachineDescription {
    $cpu = if ($IsLinux -and (Test-Path -LiteralPath '/proc/cpuinfo')) {
        (Select-String -LiteralPath '/proc/cpuinfo' -Pattern '^model name\s*:\s*(.+)$' |
            Select-Object -First 1).Matches.Groups[1].Value
    }
    elseif ($IsMacOS) {
        sysctl -n machdep.cpu.brand_string
    }
    elseif ($IsWindows) {
        (Get-CimInstance -ClassName Win32_Processor | Select-Object -First 1).Name
    }

    $sdk = (dotnet --version) | Select-Object -First 1
    [ordered]@{
        Name = [Environment]::MachineName
        Cpu = if ($cpu) { "$cpu".Trim() } else { 'unknown processor' }
        Cores = [Environment]::ProcessorCount
        MemoryGB = [Math]::Round([GC]::GetGCMemoryInfo().TotalAvailableMemoryBytes / 1GB, 1)
        OS = [Runtime.InteropServices.RuntimeInformation]::OSDescription
        DotNet = "$([Runtime.InteropServices.RuntimeInformation]::FrameworkDescription) (SDK $sdk)"
        PowerShell = "$($PSVersionTable.PSVersion)"
    }
}

function Format-Ratio([double]$Value) {
    if ($Value -ge 10) { '{0:N0}x' -f $Value } else { '{0:N2}x' -f $Value }
}

function Format-Met([bool]$Met) {
    if ($Met) { 'yes' } else { '**no**' }
}

# The tool manifest that `dotnet pwsh` needs is found from the current folder.
Push-Location -LiteralPath $root
try {
    New-Item -ItemType Directory -Path $out, $results -Force | Out-Null
    $benchProject = Join-Path $PSScriptRoot 'HealthMock.Bench/HealthMock.Bench.csproj'
    $baselineProject = Join-Path $PSScriptRoot 'BogusBaseline/BogusBaseline.csproj'
    Invoke-Native dotnet 'build', $benchProject, '--configuration', 'Release', '--nologo', '-v', 'q'
    Invoke-Native dotnet 'build', $baselineProject, '--configuration', 'Release', '--nologo', '-v', 'q'
    $bench = Join-Path $PSScriptRoot 'HealthMock.Bench/bin/Release/net10.0/HealthMock.Bench.dll'
    $baseline = Join-Path $PSScriptRoot 'BogusBaseline/bin/Release/net10.0/BogusBaseline.dll'

    Write-Host 'Core benchmarks (BenchmarkDotNet, in process, short runs)'
    Invoke-Native dotnet $bench, '--out', $out
    $core = Get-Content -LiteralPath (Join-Path $out 'core.json') -Raw | ConvertFrom-Json

    Write-Host 'End-to-end runs'
    $endToEndFile = Join-Path $out 'end-to-end.json'
    $sizes = if ($Quick) {
        @{
            Sizes = 20000, 100000; StreamingSizes = @(); ProgressSize = 300000; ScriptSize = 500; DatasetSize = 21000
            Rounds = 1
        }
    }
    else {
        @{
            Sizes = 100000, 1000000; StreamingSizes = @(10000000); ProgressSize = 3000000; ScriptSize = 5000
            DatasetSize = 1000000; Rounds = 3
        }
    }
    & (Join-Path $PSScriptRoot 'EndToEnd.ps1') -Module $Module -BogusBaseline $baseline -Bench $bench `
        -OutFile $endToEndFile @sizes
    $endToEnd = Get-Content -LiteralPath $endToEndFile -Raw | ConvertFrom-Json

    function Get-Core([string]$Group, [string]$Pattern) {
        $core | Where-Object { $_.group -eq $Group -and $_.name -like $Pattern } | Select-Object -First 1
    }

    function Get-Case([string]$Pattern) {
        $endToEnd.cases | Where-Object name -like $Pattern | Select-Object -First 1
    }

    function Get-BytesPerSecond($Case) {
        $Case.bytes / $Case.median_seconds
    }

    # The targets of issue 6, each as a ratio of two measurements of this run.
    $largest = $endToEnd.cases | Where-Object { $_.name -match '^pipeline [0-9.]+[kM]$' } |
        Where-Object { $null -ne (Get-Case "$($_.name), progress shown") } |
        Sort-Object records | Select-Object -First 1
    $largestName = $largest.name -replace '^pipeline ', ''
    $idle = Get-Case 'idle'
    $bogus = Get-Case 'bogus *'
    $script = Get-Case 'script *'
    $floor = Get-Case 'floor *'
    $first = Get-Case 'first 3*'
    $dataset = Get-Case 'dataset [0-9]*'
    $datasetFloor = Get-Case 'dataset-floor *'
    $direct = Get-Case "direct $largestName"
    $patientBogus = Get-Core 'PatientGeneration' "*Faker<T>'"
    $patientCore = Get-Core 'PatientGeneration' '*HealthMock*'
    $jsonFloor = Get-Core 'JsonWriting' '*floor*'
    $jsonWriter = Get-Core 'JsonWriting' "*Export-Json)*"

    $targets = [Collections.Generic.List[object]]::new()
    function Add-Target([string]$Name, [string]$Measured, [string]$Best, [string]$Goal, [bool]$Met) {
        $targets.Add([pscustomobject]@{ Name = $Name; Measured = $Measured; Best = $Best; Goal = $Goal; Met = $Met })
    }

    function Get-Best($Case) {
        $Case.best_records_per_second
    }

    function Get-Median([double[]]$Values) {
        $sorted = @($Values | Sort-Object)
        $middle = [int][Math]::Floor($sorted.Count / 2)
        if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
    }

    # The records/s of case A over case B: the median over the rounds both ran in of the ratio within the round.
    function Get-PairedRatio($A, $B) {
        $pairs = [Math]::Min(@($A.seconds).Count, @($B.seconds).Count)
        Get-Median @(for ($i = 0; $i -lt $pairs; $i++) {
            ($A.records / $A.seconds[$i]) / ($B.records / $B.seconds[$i])
        })
    }

    $none = '-'
    $generation = $patientBogus.median_ns / $patientCore.median_ns
    Add-Target 'Core patient generation vs Bogus `Faker<T>` (same process)' (Format-Ratio $generation) $none `
        '>= 5x' ($generation -ge 5)
    $writer = $jsonFloor.median_ns / $jsonWriter.median_ns
    Add-Target 'Export-Json writer vs `Utf8JsonWriter` floor, same objects and bytes' ('{0:P0}' -f $writer) $none `
        '>= 70%' ($writer -ge 0.7)
    $vsBogus = Get-PairedRatio $largest $bogus
    Add-Target "``New-MockPatient -Count $largestName \| Export-Json`` vs raw Bogus console, records/s" `
        (Format-Ratio $vsBogus) (Format-Ratio ((Get-Best $largest) / (Get-Best $bogus))) '>= 2.5x' ($vsBogus -ge 2.5)
    if ($direct) {
        $directVsBogus = Get-PairedRatio $direct $bogus
        Add-Target "``Export-MockPatient -Count $largestName`` (no pipeline) vs raw Bogus console" `
            (Format-Ratio $directVsBogus) (Format-Ratio ((Get-Best $direct) / (Get-Best $bogus))) '>= 2.5x' `
            ($directVsBogus -ge 2.5)
    }

    $vsScript = Get-PairedRatio $largest $script
    Add-Target "``New-MockPatient -Count $largestName \| Export-Json`` vs hand-written script" `
        (Format-Ratio $vsScript) (Format-Ratio ((Get-Best $largest) / (Get-Best $script))) '>= 100x' `
        ($vsScript -ge 100)
    if ($dataset) {
        # Paired round by round, in bytes per second: the floor writes the same files from constant records.
        $bytesRatio = ($dataset.bytes / $dataset.records) / ($datasetFloor.bytes / $datasetFloor.records)
        $datasetRatio = (Get-PairedRatio $dataset $datasetFloor) * $bytesRatio
        $datasetBest = (Get-Best $dataset) / (Get-Best $datasetFloor) * $bytesRatio
        $datasetSize = $dataset.name -replace '^dataset ', ''
        $datasetName = "``New-MockDataset -PatientCount $datasetSize \| Export-MockDataset``"
        Add-Target "$datasetName bytes/s vs the same files' floor" ('{0:P0}' -f $datasetRatio) `
            ('{0:P0}' -f $datasetBest) '>= 50%' ($datasetRatio -ge 0.5)
        Add-Target 'Dataset peak working set' ('{0:N0} MB' -f ($dataset.peak_working_set / 1MB)) $none '< 1 GB' `
            ($dataset.peak_working_set -lt 1GB)
    }

    foreach ($case in $endToEnd.cases | Where-Object name -match '^(pipeline|direct) [0-9.]+[kM]$' |
        Where-Object records -ge 1000000) {
        $growth = ($case.peak_working_set - $idle.peak_working_set) / 1MB
        Add-Target "Peak working set of ``$($case.name)`` over an idle pwsh" ('{0:+#,0;-#,0;0} MB' -f $growth) $none `
            '<= 50 MB' ($growth -le 50)
    }

    Add-Target '`New-MockPatient -Count 100000000 \| Select-Object -First 3`' ('{0:N2} s' -f $first.median_seconds) `
        ('{0:N2} s' -f ($first.records / (Get-Best $first))) '<= 1 s' ($first.median_seconds -le 1)
    foreach ($shown in $endToEnd.cases | Where-Object name -like 'pipeline *, progress shown') {
        $hidden = Get-Case ($shown.name -replace ', progress shown$', '')
        $pairs = [Math]::Min(@($shown.seconds).Count, @($hidden.seconds).Count)
        $progressCost = (Get-PairedRatio $hidden $shown) - 1
        $progressBest = (Get-Best $hidden) / (Get-Best $shown) - 1
        Add-Target "Progress shown vs hidden, ``$($hidden.name)`` ($pairs runs of each)" `
            ('{0:+0.0%;-0.0%;0%}' -f $progressCost) ('{0:+0.0%;-0.0%;0%}' -f $progressBest) '<= 5%' `
            ($progressCost -le 0.05)
        # The same cost read off each run with progress shown: the time its progress records took, as reported by
        # the module's debug output, over the run's time. Unlike the difference of two runs, other load on the
        # machine barely moves it.
        $shares = for ($run = 0; $run -lt @($shown.seconds).Count; $run++) {
            @($shown.progress_seconds)[$run] / @($shown.seconds)[$run]
        }
        $shareMedian = Get-Median $shares
        Add-Target "Time spent writing progress records, ``$($shown.name)``, share of the run" `
            ('{0:0.0%}' -f $shareMedian) (('{0:0.0%}' -f ($shares | Measure-Object -Maximum).Maximum) + ' at most') `
            '<= 5%' ($shareMedian -le 0.05)
    }

    $machine = Get-MachineDescription
    $date = Get-Date -Format 'yyyy-MM-dd'
    $onDisk = (@($endToEnd.cases | Where-Object on_disk | ForEach-Object { "``$($_.name)``" }) -join ', ')
    $lines = [Collections.Generic.List[string]]::new()
    $lines.Add("# HealthMock benchmark, $date")
    $lines.Add('')
    $lines.Add("Machine ``$($machine.Name)``: $($machine.Cpu), $($machine.Cores) cores, " +
        "$($machine.MemoryGB) GB of memory; $($machine.OS); $($machine.DotNet); PowerShell $($machine.PowerShell). " +
        'End-to-end records were written to ' + "$($endToEnd.work_folder)" +
        $(if ($onDisk) { ", except those of $onDisk, too large for it, written to $($endToEnd.disk_folder) on disk" }) +
        ".$(if ($Quick) { ' **Quick run: small sizes, one run each; not for quoting.**' })")
    $lines.Add('')
    $lines.Add('## Targets (issue 6)')
    $lines.Add('')
    $lines.Add('| target | measured (medians) | best runs | goal | met |')
    $lines.Add('|---|---:|---:|---:|---|')
    foreach ($target in $targets) {
        $lines.Add("| $($target.Name) | $($target.Measured) | $($target.Best) | $($target.Goal) | " +
            "$(Format-Met $target.Met) |")
    }

    $lines.Add('')
    $lines.Add('The two cases of a ratio run next to each other in each round; an end-to-end ratio is the median ' +
        'of the ratios of the rounds, and the best runs column divides the ' +
        'fastest run of each case, which other load on the machine can only slow down. The time spent writing ' +
        'progress records is what HealthMock measured inside each run with progress shown and wrote as debug ' +
        'output, over that run''s time (its best runs column gives the largest share of any run). A target is ' +
        'met on the medians.')

    $lines.Add('')
    $lines.Add('## Core (BenchmarkDotNet, in process, ShortRun: 3 warm-ups, 3 iterations of 1,000 records)')
    $lines.Add('')
    $lines.Add('| group | benchmark | time per record | records/s | allocated per record | speed vs baseline |')
    $lines.Add('|---|---|---:|---:|---:|---:|')
    foreach ($row in $core) {
        $lines.Add(('| {0} | {1} | {2:N0} ns | {3:N0} | {4:N0} B | {5} |' -f $row.group, $row.name.Trim("'"),
            $row.median_ns, (1e9 / $row.median_ns), $row.allocated_bytes, (Format-Ratio $row.speedup_vs_baseline)))
    }

    $lines.Add('')
    $lines.Add('## End to end (each run in its own process; median of the runs)')
    $lines.Add('')
    $lines.Add('| case | records | runs | records/s (median) | best run | MB/s written | peak working set | ' +
        'records/s vs Bogus console |')
    $lines.Add('|---|---:|---:|---:|---:|---:|---:|---:|')
    foreach ($case in $endToEnd.cases) {
        $lines.Add(('| {0} | {1:N0} | {2} | {3:N0} | {4:N0} | {5:N0} | {6:N0} MB | {7} |' -f $case.name, $case.records,
            $case.runs, $case.records_per_second, $case.best_records_per_second, ((Get-BytesPerSecond $case) / 1MB),
            ($case.peak_working_set / 1MB), (Format-Ratio ($case.records_per_second / $bogus.records_per_second))))
    }

    $lines.Add('')
    $lines.Add('Cases: `pipeline` is `New-MockPatient -Count N -Seed 1 | Export-Json -Path f` with progress ' +
        'hidden; `direct` is `Export-MockPatient` writing the same file without the pipeline; `constant` pipes ' +
        '1,000 pre-made patients, repeated, into Export-Json; `bogus` is a C# console program, Bogus `Faker<T>` of ' +
        '15 fields and `Utf8JsonWriter` (bench/BogusBaseline), `bogus-reseeded` the same with a seed per record; ' +
        '`floor` writes pre-made patients in Export-Json''s bytes with `Utf8JsonWriter`; `script` is a ' +
        'hand-written PowerShell script (`[pscustomobject]`, `Get-Random`, `ConvertTo-Json`); `idle` is a pwsh ' +
        'that imports the module and makes one patient; `dataset` is `New-MockDataset -PatientCount N ' +
        '-ProviderCount N/100 -AppointmentsPerPatient 3 | Export-MockDataset` (records counts patients), and ' +
        '`dataset-floor` writes the same four files from constant records with `Utf8JsonWriter` (a 5,000-patient ' +
        'dataset made once, its records written over and over). HealthMock patients carry about 26 fields with nested ' +
        'conditions, medications and an emergency contact, about three times the bytes of the Bogus records, ' +
        'so records/s understates the difference.')

    $report = $lines -join "`n"
    $machineName = ($machine.Name.ToLowerInvariant() -replace '[^a-z0-9]+', '-').Trim('-')
    $reportPath = Join-Path $results "$date-$machineName$(if ($Quick) { '-quick' }).md"
    Set-Content -LiteralPath $reportPath -Value $report
    Write-Host ''
    Write-Host $report
    Write-Host ''
    Write-Host "Saved $reportPath"
}
finally {
    Pop-Location
}
