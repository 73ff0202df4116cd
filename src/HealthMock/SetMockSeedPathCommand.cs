using System.Management.Automation;
using HealthMock.Seeds;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Sets the seeds folder that HealthMock commands use in this session when they are given no
/// -SeedPath.</para>
/// <para type="description">
/// Set-MockSeedPath points generation, checking and tab completion at your own seeds folder: a folder holding any
/// of the seeds files (allergies.json, clinics.json, conditions.json, locations.json, names.json, payers.json,
/// specialties.json and streets.json) in the format of the files Export-MockSeed writes. Files the folder holds
/// replace the embedded ones of the same name; the others still come from the seeds embedded in the module. The
/// setting lasts until the session ends or Set-MockSeedPath -Default restores the embedded seeds, and a -SeedPath
/// given to a command overrides it for that command.
/// </para>
/// <para type="description">
/// The folder's seeds files are read and checked at once, so a malformed file is reported here with an
/// InvalidSeeds error that names the file and the field at fault, and the setting is left unchanged. Seeds that
/// were read are kept in memory per folder and read again only when a seeds file in the folder changes.
/// </para>
/// <example title="Use your own specialties">
///   <code>Export-MockSeed -Path ./myseeds -Name specialties.json
/// Set-MockSeedPath ./myseeds
/// New-MockProvider -Count 5 -Seed 1
/// Set-MockSeedPath -Default</code>
///   <para>Writes the module's specialties.json into the myseeds folder to edit it, makes that folder the seeds
///   folder of the session so providers draw their specialties from it, and goes back to the embedded seeds.</para>
/// </example>
/// <example title="Check a seeds folder and see what it provides">
///   <code>Export-MockSeed -Path ./clinic-seeds -Name payers.json, locations.json
/// Get-Item ./clinic-seeds | Set-MockSeedPath -PassThru
/// Set-MockSeedPath -Default</code>
///   <para>Reads and checks the folder given by Get-Item, then shows which seeds files it provides and which come
///   from the embedded seeds.</para>
/// </example>
/// </summary>
/// <seealso cref="GetMockSeedPathCommand"/>
/// <seealso cref="ExportMockSeedCommand"/>
/// <seealso cref="NewMockPatientCommand"/>
/// <seealso cref="NewMockProviderCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.Set, "MockSeedPath", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(SeedPathInfo))]
public sealed class SetMockSeedPathCommand : PSCmdlet
{
    private const string PathSet = "Path";

    private const string DefaultSet = "Default";

    /// <summary>
    /// <para type="description">The seeds folder, relative to the current location. It must exist; its seeds files
    /// are read and checked now.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        ParameterSetName = PathSet)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>
    /// <para type="description">Goes back to the seeds embedded in the module.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = DefaultSet)]
    public SwitchParameter Default { get; set; }

    /// <summary>
    /// <para type="description">Returns the seeds now in effect: the folder, and which seeds files come from it
    /// and which from the embedded seeds.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string? folder = null;
        if (ParameterSetName == PathSet)
        {
            folder = ActiveSeeds.ResolveFolder(this, Path);
            var catalog = ActiveSeeds.Load(this, folder);
            if (catalog.FolderFiles.Count == 0)
            {
                WriteWarning($"The folder '{folder}' holds none of the seeds files ("
                    + string.Join(", ", SeedCatalog.FileNames) + "); the embedded seeds are used.");
            }

            ActiveSeeds.WarnOfUnknownFiles(this, catalog);
        }

        var target = folder ?? "the seeds embedded in the module";
        if (!ShouldProcess(target, "Use as the seeds of this session"))
        {
            return;
        }

        ActiveSeeds.SessionFolder = folder;
        var info = SeedPathInfo.For(folder);
        WriteVerbose(folder is null
            ? "Seeds of this session: the seeds embedded in the module."
            : $"Seeds of this session: the folder '{folder}' ({string.Join(", ", info.FolderFiles)}).");
        if (PassThru)
        {
            WriteObject(info);
        }
    }
}
