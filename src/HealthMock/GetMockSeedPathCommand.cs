using System.Management.Automation;
using HealthMock.Seeds;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Gets the seeds folder that HealthMock commands use in this session when they are given no
/// -SeedPath.</para>
/// <para type="description">
/// Get-MockSeedPath returns the seeds in effect: the folder set with Set-MockSeedPath, with the seeds files it
/// provides and those that still come from the seeds embedded in the module, or, when no folder is set, the
/// embedded seeds alone (Path is empty and IsEmbedded is true). It reports the files present now without reading
/// them; Set-MockSeedPath and the generators check them.
/// </para>
/// <example title="See which seeds are in effect">
///   <code>Get-MockSeedPath</code>
///   <para>Shows the seeds folder of the session, or that the embedded seeds are used.</para>
/// </example>
/// <example title="Use a seeds folder for one block of work">
///   <code>$previous = (Get-MockSeedPath).Path
/// Export-MockSeed -Path ./west -Name locations.json
/// Set-MockSeedPath ./west
/// New-MockPatient -Count 3 -Seed 1
/// if ($previous) { Set-MockSeedPath $previous } else { Set-MockSeedPath -Default }</code>
///   <para>Remembers the seeds of the session, works with a folder of its own and then restores the seeds it
///   found.</para>
/// </example>
/// </summary>
/// <seealso cref="SetMockSeedPathCommand"/>
/// <seealso cref="ExportMockSeedCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.Get, "MockSeedPath")]
[OutputType(typeof(SeedPathInfo))]
public sealed class GetMockSeedPathCommand : PSCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        WriteObject(SeedPathInfo.For(ActiveSeeds.SessionFolder));
    }
}
