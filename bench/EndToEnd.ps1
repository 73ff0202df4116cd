<#
.SYNOPSIS
    Measures HealthMock end to end in pwsh against a raw Bogus console program, the Utf8JsonWriter floor and a
    hand-written PowerShell script, with the peak memory of each process.

.DESCRIPTION
    Every case runs in a process of its own, which times its own work with a stopwatch (process start and module
    import are left out) and reports its peak working set just before it exits, so each figure belongs to one run of
    one command. Cases run in rounds, interleaved (odd rounds in one order, even rounds in the other), and the
    median of each case is kept, with its best run, so that other load on the machine falls on all of them alike.

    The cases:
      idle           pwsh that imports the module and makes one patient: the memory every pwsh case starts from
      pipeline       New-MockPatient -Count N | Export-Json -Path f, for each size in -Sizes
      progress       the largest pipeline size, and -ProgressSize, again with $ProgressPreference Continue instead of
                     SilentlyContinue
      direct         Export-MockPatient -Count N -Path f, the same file written without crossing the pipeline
      constant       pre-made patients piped into Export-Json: the pipeline and the writer without generation
      bogus          a C# console program: Bogus Faker<T> of about 15 fields and Utf8JsonWriter (bench/BogusBaseline)
      bogus-reseeded the same with a fresh seed per record, as record i = f(seed, i) requires
      floor          a C# console program writing pre-made patients in Export-Json's bytes with Utf8JsonWriter
      script         a hand-written PowerShell script ([pscustomobject], Get-Random, ConvertTo-Json, Set-Content)
      first          New-MockPatient -Count 100000000 | Select-Object -First 3
      dataset        New-MockDataset -PatientCount N | Export-MockDataset -Path folder (three appointments each)
      dataset-floor  a C# console program writing the same four files from constant records with Utf8JsonWriter

    Records are written to -WorkFolder, by default a RAM disk (/dev/shm) where there is one, so that the disk does
    not set the pace; each file is deleted after its run. A case whose file would take more than a quarter of the
    folder's free space (the 10M runs, about 13 GB) writes to the temporary folder instead: those runs measure
    memory, and their speed is the disk's.

.PARAMETER Module
    The staged HealthMock.psd1 to import.

.PARAMETER BogusBaseline
    The built BogusBaseline.dll.

.PARAMETER Bench
    The built HealthMock.Bench.dll, whose floor command writes the JSON floor.

.PARAMETER OutFile
    The JSON file that receives every run and the median of each case.

.PARAMETER Sizes
    The record counts of the pipeline case; the largest is also used for the other cases.

.PARAMETER StreamingSizes
    Larger counts run once each, pipeline and direct, to show that memory stays flat.

.PARAMETER ProgressSize
    A run long enough for New-MockPatient to show its progress bar (about three seconds or more), run with progress
    shown and hidden to measure what the bar costs; 0 skips it.

.PARAMETER ScriptSize
    The record count of the hand-written script, which is slow and holds every record in memory.

.PARAMETER DatasetSize
    The patient count of the dataset case, with three appointments each; 0 skips it.

.PARAMETER Rounds
    How many times each timed case runs; the median is kept.

.PARAMETER WorkFolder
    Where the records are written.
#>
#Requires -Version 7.3
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string]$Module,

    [Parameter(Mandatory)]
    [string]$BogusBaseline,

    [Parameter(Mandatory)]
    [string]$Bench,

    [Parameter(Mandatory)]
    [string]$OutFile,

    [long[]]$Sizes = @(100000, 1000000),

    [long[]]$StreamingSizes = @(10000000),

    [long]$ProgressSize = 3000000,

    [int]$ScriptSize = 5000,

    [int]$DatasetSize = 1000000,

    [int]$Rounds = 3,

    [string]$WorkFolder = $(if (Test-Path -LiteralPath '/dev/shm') { '/dev/shm' } else { [IO.Path]::GetTempPath() })
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$work = Join-Path $WorkFolder "healthmock-bench-$PID"
$diskWork = Join-Path ([IO.Path]::GetTempPath()) "healthmock-bench-$PID"
New-Item -ItemType Directory -Path $work, $diskWork -Force | Out-Null
$roomy = try { [IO.DriveInfo]::new($WorkFolder).AvailableFreeSpace / 4 } catch { [long]::MaxValue }

# Patients take about 1,300 bytes each in the default layout.
function Get-CaseFolder([long]$Count) {
    if ($Count * 1400 -gt $roomy) { $diskWork } else { $work }
}
$largest = ($Sizes | Measure-Object -Maximum).Maximum
$hasDirect = $null -ne (& {
    Import-Module $Module -Force
    Get-Command Export-MockPatient -Module HealthMock -ErrorAction Ignore
})
$hasDataset = $null -ne (Get-Command Export-MockDataset -Module HealthMock -ErrorAction Ignore)

# Each pwsh case prints one JSON line: records, seconds, bytes written and peak working set.
$pwshTemplate = @'
$ErrorActionPreference = 'Stop'
$ProgressPreference = '{PROGRESS}'
# HealthMock's progress reports, as debug output, the time its progress records took (read by Invoke-Case).
$DebugPreference = 'Continue'
Import-Module '{MODULE}'
$path = '{PATH}'
$count = {COUNT}
{SETUP}
[GC]::Collect()
$clock = [Diagnostics.Stopwatch]::StartNew()
{BODY}
$clock.Stop()
$bytes = 0L
foreach ($item in @(Get-ChildItem -LiteralPath $path -Recurse -File -ErrorAction Ignore)) { $bytes += $item.Length }
$peak = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
[ordered]@{ records = $count; seconds = $clock.Elapsed.TotalSeconds; bytes = $bytes; peak_working_set = $peak } |
    ConvertTo-Json -Compress
'@

$handWritten = @'
Get-Random -SetSeed 1 | Out-Null
$first = 'Ana', 'Ben', 'Chloé', 'Dmitri', 'Emma', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jun'
$last = 'Abbott', 'Baker', "O'Neil", 'Diaz', 'Evans', 'Fischer', 'García', 'Hughes', 'Ito', 'Jones'
$streets = 'Oak Street', 'Maple Avenue', 'Birch Road', 'Cedar Lane', 'Elm Court'
$cities = @(
    @{ City = 'Austin'; State = 'TX'; Zip = '787'; Area = '512' }
    @{ City = 'Denver'; State = 'CO'; Zip = '802'; Area = '303' }
    @{ City = 'Portland'; State = 'OR'; Zip = '972'; Area = '503' }
)
$reference = [datetime]'2026-01-01'
$patients = for ($i = 0; $i -lt $count; $i++) {
    $firstName = Get-Random -InputObject $first
    $lastName = Get-Random -InputObject $last
    $city = Get-Random -InputObject $cities
    $birth = $reference.AddDays(-(Get-Random -Minimum 0 -Maximum 32000))
    $number = Get-Random -Minimum 1000 -Maximum 9999
    [pscustomobject]@{
        id = ('{0}_{1}_{2}' -f $firstName, $lastName, $number).ToLowerInvariant()
        first_name = $firstName
        last_name = $lastName
        sex = Get-Random -InputObject 'female', 'male'
        dob = $birth.ToString('yyyy-MM-dd')
        age = [int][math]::Floor(($reference - $birth).TotalDays / 365.25)
        email = ('{0}.{1}{2}@example.com' -f $firstName, $lastName, $number).ToLowerInvariant()
        phone = '{0}-555-01{1:D2}' -f $city.Area, (Get-Random -Maximum 100)
        address_line1 = '{0} {1}' -f (Get-Random -Minimum 1 -Maximum 9900), (Get-Random -InputObject $streets)
        address_line2 = if ((Get-Random -Maximum 4) -eq 0) { 'Apt {0}' -f (Get-Random -Minimum 1 -Maximum 48) }
        city = $city.City
        state = $city.State
        zip = '{0}{1:D2}' -f $city.Zip, (Get-Random -Maximum 100)
        preferred_contact_method = Get-Random -InputObject 'email', 'phone', 'SMS'
        account_creation_date = $reference.AddDays(-(Get-Random -Maximum 3650)).ToString('yyyy-MM-dd')
    }
}
$patients | ConvertTo-Json | Set-Content -LiteralPath $path
'@

function New-Case {
    param(
        [string]$Name,
        [string]$Kind,
        [long]$Count,
        [int]$Runs = $Rounds,
        [string]$Body = '',
        [string]$Setup = '',
        [string]$Progress = 'SilentlyContinue',
        [string[]]$Arguments = @()
    )

    [pscustomobject]@{
        Name = $Name; Kind = $Kind; Count = $Count; Runs = $Runs; Body = $Body; Setup = $Setup
        Progress = $Progress; Arguments = $Arguments; Results = [Collections.Generic.List[object]]::new()
    }
}

function Format-Count([long]$Count) {
    if ($Count % 1000000 -eq 0) { "$($Count / 1000000)M" }
    elseif ($Count % 1000 -eq 0) { "$($Count / 1000)k" }
    else { "$Count" }
}

$generate = 'New-MockPatient -Count $count -Seed 1 -ReferenceDate 2026-01-01'
$cases = [Collections.Generic.List[object]]::new()
$cases.Add((New-Case 'idle' 'pwsh' 1 -Runs 1 -Body "$generate | Out-Null"))
foreach ($size in $Sizes | Where-Object { $_ -ne $largest }) {
    $cases.Add((New-Case "pipeline $(Format-Count $size)" 'pwsh' $size -Body "$generate | Export-Json -Path `$path"))
}

# Cases that are compared run next to each other in every round (in the other order in even rounds), so that each
# round gives a ratio little touched by changes in other load: progress shown and hidden, the pipeline and the
# Bogus program, the Bogus program and Export-MockPatient. The first two run two rounds more than the others.
$cases.Add((New-Case "pipeline $(Format-Count $largest), progress shown" 'pwsh' $largest -Runs ($Rounds + 2) `
    -Progress 'Continue' -Body "$generate | Export-Json -Path `$path"))
$cases.Add((New-Case "pipeline $(Format-Count $largest)" 'pwsh' $largest -Runs ($Rounds + 2) `
    -Body "$generate | Export-Json -Path `$path"))
$cases.Add((New-Case "bogus $(Format-Count $largest)" 'dotnet' $largest -Arguments $BogusBaseline, '{COUNT}', '{PATH}'))
if ($ProgressSize -gt 0) {
    # Short runs show no bar at all; this one lasts long enough to show one.
    $cases.Add((New-Case "pipeline $(Format-Count $ProgressSize), progress shown" 'pwsh' $ProgressSize `
        -Runs ($Rounds + 2) -Progress 'Continue' -Body "$generate | Export-Json -Path `$path"))
    $cases.Add((New-Case "pipeline $(Format-Count $ProgressSize)" 'pwsh' $ProgressSize -Runs ($Rounds + 2) `
        -Body "$generate | Export-Json -Path `$path"))
}

if ($hasDirect) {
    $cases.Add((New-Case "direct $(Format-Count $largest)" 'pwsh' $largest `
        -Body 'Export-MockPatient -Count $count -Seed 1 -ReferenceDate 2026-01-01 -Path $path'))
}

$cases.Add((New-Case "floor $(Format-Count $largest)" 'dotnet' $largest `
    -Arguments $Bench, 'floor', '{COUNT}', '{PATH}'))
$cases.Add((New-Case "constant $(Format-Count $largest)" 'pwsh' $largest -Body '$records | Export-Json -Path $path' `
    -Setup @'
$pool = @(New-MockPatient -Count 1000 -Seed 1 -ReferenceDate 2026-01-01)
$records = [object[]]::new($count)
for ($i = 0; $i -lt $count; $i += $pool.Count) {
    [Array]::Copy($pool, 0, $records, $i, [Math]::Min($pool.Count, $count - $i))
}
'@))
$cases.Add((New-Case "bogus-reseeded $(Format-Count $Sizes[0])" 'dotnet' $Sizes[0] `
    -Arguments $BogusBaseline, '{COUNT}', '{PATH}', '--reseed'))
$cases.Add((New-Case "script $(Format-Count $ScriptSize)" 'pwsh' $ScriptSize -Runs 1 -Body $handWritten))
$cases.Add((New-Case 'first 3 of 100M' 'pwsh' 3 `
    -Body 'New-MockPatient -Count 100000000 -Seed 1 | Select-Object -First 3 | Out-Null'))
foreach ($size in $StreamingSizes) {
    $cases.Add((New-Case "pipeline $(Format-Count $size)" 'pwsh' $size -Runs 1 `
        -Body "$generate | Export-Json -Path `$path"))
    if ($hasDirect) {
        $cases.Add((New-Case "direct $(Format-Count $size)" 'pwsh' $size -Runs 1 `
            -Body 'Export-MockPatient -Count $count -Seed 1 -ReferenceDate 2026-01-01 -Path $path'))
    }
}

if ($hasDataset -and $DatasetSize -gt 0) {
    $providers = [Math]::Max(10, [int]($DatasetSize / 100))
    $cases.Add((New-Case "dataset $(Format-Count $DatasetSize)" 'pwsh' $DatasetSize -Body @"
New-MockDataset -PatientCount `$count -ProviderCount $providers -AppointmentsPerPatient 3 -Seed 1 ``
    -ReferenceDate 2026-01-01 | Export-MockDataset -Path `$path -Force
"@))
    $cases.Add((New-Case "dataset-floor $(Format-Count $DatasetSize)" 'dotnet' $DatasetSize `
        -Arguments $Bench, 'dataset-floor', '{COUNT}', '{PATH}'))
}

function Invoke-Case {
    param($Case, [int]$Round)

    $path = Join-Path (Get-CaseFolder $Case.Count) ("case-" + ($Case.Name -replace '[^A-Za-z0-9]+', '-') + ".json")
    if ($Case.Kind -eq 'dotnet') {
        $arguments = $Case.Arguments | ForEach-Object {
            $_.Replace('{COUNT}', "$($Case.Count)").Replace('{PATH}', $path)
        }
        $output = & dotnet @arguments
    }
    else {
        $script = $pwshTemplate.Replace('{PROGRESS}', $Case.Progress).Replace('{MODULE}', $Module.Replace("'", "''")).
            Replace('{PATH}', $path.Replace("'", "''")).Replace('{COUNT}', "$($Case.Count)").
            Replace('{SETUP}', $Case.Setup).Replace('{BODY}', $Case.Body)
        $scriptPath = Join-Path $work 'case.ps1'
        Set-Content -LiteralPath $scriptPath -Value $script
        $output = & dotnet pwsh -NoProfile -NonInteractive -File $scriptPath
    }

    $exitCode = $LASTEXITCODE
    Remove-Item -LiteralPath $path -Recurse -Force -ErrorAction Ignore
    if ($exitCode -ne 0) {
        throw "The case '$($Case.Name)' failed with exit code $exitCode`: $($output -join "`n")"
    }

    $result = $output | Where-Object { $_ -like '{*' } | Select-Object -Last 1 | ConvertFrom-Json
    # Seconds spent writing progress records, as the progress of every command in the run reported them.
    $progressSeconds = 0.0
    foreach ($line in $output) {
        if ("$line" -match 'Progress: \d+ progress records took ([0-9.]+) ms of the') {
            $progressSeconds += [double]::Parse($Matches[1], [cultureinfo]::InvariantCulture) / 1000
        }
    }
    $result | Add-Member -NotePropertyName progress_seconds -NotePropertyValue $progressSeconds
    $Case.Results.Add($result)
    Write-Host ("  {0,-34} round {1}: {2,8:F2} s, {3,10:N0} records/s, peak {4,6:N0} MB" -f $Case.Name, $Round,
        $result.seconds, ($result.records / $result.seconds), ($result.peak_working_set / 1MB))
}

function Get-Median([double[]]$Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

try {
    $mostRounds = ($cases | Measure-Object Runs -Maximum).Maximum
    for ($round = 1; $round -le $mostRounds; $round++) {
        Write-Host "End-to-end round $round of $mostRounds"
        # Even rounds go backwards, so no case always runs right after the same neighbour.
        $order = @($cases | Where-Object Runs -ge $round)
        if ($round % 2 -eq 0) {
            [array]::Reverse($order)
        }

        foreach ($case in $order) {
            Invoke-Case $case $round
        }
    }
}
finally {
    Remove-Item -LiteralPath $work, $diskWork -Recurse -Force -ErrorAction Ignore
}

$summary = foreach ($case in $cases) {
    $seconds = Get-Median @($case.Results | ForEach-Object seconds)
    [ordered]@{
        name = $case.Name
        kind = $case.Kind
        records = $case.Count
        runs = $case.Results.Count
        seconds = @($case.Results | ForEach-Object seconds)
        progress_seconds = @($case.Results | ForEach-Object progress_seconds)
        median_seconds = $seconds
        records_per_second = $case.Count / $seconds
        best_records_per_second = $case.Count / ($case.Results | Measure-Object seconds -Minimum).Minimum
        bytes = ($case.Results | Select-Object -Last 1).bytes
        peak_working_set = Get-Median @($case.Results | ForEach-Object peak_working_set)
        on_disk = (Get-CaseFolder $case.Count) -eq $diskWork
    }
}

[ordered]@{ work_folder = $WorkFolder; disk_folder = (Split-Path -Parent $diskWork); cases = @($summary) } |
    ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $OutFile
Write-Host "Wrote $OutFile"
