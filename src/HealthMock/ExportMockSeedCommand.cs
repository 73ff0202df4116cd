using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using HealthMock.Seeds;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Writes the seeds files embedded in the module to a folder, to start a seeds folder of your
/// own.</para>
/// <para type="description">
/// Export-MockSeed copies the curated vocabularies HealthMock generates from (first and last names added to the
/// English names that come with Bogus; cities with their state, ZIP prefix, area code and UTC offset; conditions
/// with their ICD-10 codes, ages and medications; allergies; streets; specialties with their appointment types and
/// visit reasons; clinic names and languages; invented payers and their plans) into a folder as the JSON files the module embeds. Edit them, keep only the files you change, and
/// pass the folder to -SeedPath or Set-MockSeedPath: files in the folder replace the embedded ones of the same
/// name. The folder is created when it does not exist. A file already in the folder is replaced only with -Force;
/// each file is written aside and then moved into place, so none is left half-written.
/// </para>
/// <example title="Start a seeds folder of your own">
///   <code>Export-MockSeed -Path ./myseeds
/// Get-ChildItem ./myseeds</code>
///   <para>Writes all eight seeds files into the myseeds folder, creating it.</para>
/// </example>
/// <example title="Change the payers and use them for one run">
///   <code>Export-MockSeed -Path ./payers-only -Name payers.json
/// (Get-Content ./payers-only/payers.json -Raw) -replace 'Juniper Crest Health', 'Test Payer One' |
///     Set-Content ./payers-only/payers.json
/// New-MockPatient -Count 5 -Seed 1 | New-MockInsurancePolicy -Seed 1 -SeedPath ./payers-only</code>
///   <para>Copies only payers.json, renames one payer in it and insures five patients with the changed payers;
///   every other seeds file still comes from the module.</para>
/// </example>
/// </summary>
/// <seealso cref="SetMockSeedPathCommand"/>
/// <seealso cref="GetMockSeedPathCommand"/>
/// <para type="link">about_HealthMock</para>
/// <returns>With -PassThru, a file object for each seeds file written; otherwise nothing.</returns>
[Cmdlet(VerbsData.Export, "MockSeed", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportMockSeedCommand : PSCmdlet
{
    /// <summary>
    /// <para type="description">The folder to write the seeds files into, relative to the current location; it is
    /// created when it does not exist.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>
    /// <para type="description">The seeds files to write, by name; all of them by default.</para>
    /// </summary>
    /// <value>Every seeds file</value>
    [Parameter(Position = 1)]
    [ValidateSet("allergies.json", "clinics.json", "conditions.json", "locations.json", "names.json", "payers.json",
        "specialties.json", "streets.json", IgnoreCase = true)]
    public string[]? Name { get; set; }

    /// <summary>
    /// <para type="description">Replaces seeds files already in the folder.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// <para type="description">Returns a file object for each file written.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var folder = ActiveSeeds.ResolveFolder(this, Path);
        var names = Name is null ? SeedCatalog.FileNames : Canonical(Name);
        foreach (var name in names)
        {
            var target = System.IO.Path.Combine(folder, name);
            if (File.Exists(target) && !Force)
            {
                var error = new IOException($"The file '{target}' already exists; use -Force to replace it.");
                WriteError(new ErrorRecord(error, "SeedsFileExists", ErrorCategory.ResourceExists, target));
                continue;
            }

            if (!ShouldProcess(target, "Write the embedded seeds file " + name))
            {
                continue;
            }

            try
            {
                Write(name, folder, target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var id = e is UnauthorizedAccessException ? "AccessDenied" : "WriteFailed";
                var error = new IOException($"Cannot write the seeds file '{target}': {e.Message}", e);
                WriteError(new ErrorRecord(error, id, ErrorCategory.WriteError, target));
                continue;
            }

            WriteVerbose($"Wrote '{target}'.");
            if (PassThru)
            {
                // Through the provider, so the file carries the members Get-Item gives it (mode, owner, size).
                WriteObject(InvokeProvider.Item.Get(new[] { target }, true, true), true);
            }
        }
    }

    /// <summary>Returns the seeds file names as the module spells them, whatever case they were typed in.</summary>
    private static string[] Canonical(string[] names) => names
        .Select(typed => SeedCatalog.FileNames.FirstOrDefault(
            name => string.Equals(name, typed, StringComparison.OrdinalIgnoreCase)) ?? typed)
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Writes the embedded file beside the target under a temporary name, then moves it into place.</summary>
    private static void Write(string name, string folder, string target)
    {
        Directory.CreateDirectory(folder);
        var temporary = target + ".tmp-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        try
        {
            using (var source = SeedCatalog.OpenEmbedded(name))
            using (var file = File.Create(temporary))
            {
                source.CopyTo(file);
            }

            if (File.Exists(target))
            {
                File.Replace(temporary, target, null);
            }
            else
            {
                File.Move(temporary, target);
            }
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
