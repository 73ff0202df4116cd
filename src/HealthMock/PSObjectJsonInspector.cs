using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HealthMock.Json;

namespace HealthMock.Commands;

/// <summary>
/// Describes PowerShell objects to the JSON writer: a custom object by its own properties, any other wrapped
/// object by the object it wraps plus the note properties added to it with Add-Member.
/// </summary>
internal sealed class PSObjectJsonInspector : IJsonObjectInspector
{
    /// <summary>
    /// The shared instance; it holds no state.
    /// </summary>
    public static readonly PSObjectJsonInspector Instance = new();

    private const PSMemberTypes OwnPropertyTypes = PSMemberTypes.NoteProperty | PSMemberTypes.ScriptProperty
        | PSMemberTypes.AliasProperty | PSMemberTypes.CodeProperty;

    // Notes that remoting attaches to every result, custom objects included.
    private static readonly HashSet<string> AddedByRemoting = new(StringComparer.OrdinalIgnoreCase)
    {
        "PSComputerName", "PSShowComputerName", "RunspaceId", "PSSourceJobInstanceId",
    };

    // Notes that providers attach to items and to lines read from files, on top of remoting's.
    private static readonly HashSet<string> AddedByProviders = new(AddedByRemoting, StringComparer.OrdinalIgnoreCase)
    {
        "PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider", "PSIsContainer", "ReadCount",
    };

    private static readonly KeyValuePair<string, object?>[] None = Array.Empty<KeyValuePair<string, object?>>();

    private PSObjectJsonInspector()
    {
    }

    /// <inheritdoc/>
    public object? Unwrap(object value)
    {
        if (value is not PSObject wrapper)
        {
            return value;
        }

        var baseObject = wrapper.BaseObject;
        return baseObject is PSCustomObject ? wrapper : baseObject;
    }

    /// <inheritdoc/>
    public bool TryGetProperties(object value, out IEnumerable<KeyValuePair<string, object?>> properties)
    {
        if (value is PSObject wrapper)
        {
            properties = Read(wrapper.Properties, p => (p.MemberType & OwnPropertyTypes) != 0, AddedByRemoting);
            return true;
        }

        properties = None;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerable<KeyValuePair<string, object?>> GetExtraProperties(object value) =>
        value is PSObject wrapper ? Read(wrapper.Properties, IsInstanceNote, AddedByProviders) : None;

    private static bool IsInstanceNote(PSPropertyInfo property) =>
        property.IsInstance && property.MemberType == PSMemberTypes.NoteProperty;

    private static IEnumerable<KeyValuePair<string, object?>> Read(
        IEnumerable<PSPropertyInfo> properties,
        Func<PSPropertyInfo, bool> wanted,
        HashSet<string> excluded) =>
        properties
            .Where(p => wanted(p) && !excluded.Contains(p.Name))
            .Select(p => new KeyValuePair<string, object?>(p.Name, p.Value));
}
