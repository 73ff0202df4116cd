using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;
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

    // The intrinsic member set of the members added to an object by Add-Member and by type data.
    private const string ExtendedMemberSet = "psextended";

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

    private static readonly Func<object, bool>? HasInstanceMembers = FindHasInstanceMembers();

    private PSObjectJsonInspector()
    {
    }

    /// <summary>
    /// Gets a value indicating whether <see cref="HasAddedMembers"/>, and the writer's own look for added members,
    /// only look: then a wrapper without added members can be written on another thread, as the writer reads
    /// nothing else of the wrapper than the object it wraps.
    /// </summary>
    public static bool CanCheckAddedMembers => HasInstanceMembers is not null;

    /// <summary>
    /// Says whether members were added to the wrapper or to the object it wraps, with Add-Member for example; true
    /// when this PowerShell cannot tell without reading the member table (see <see cref="CanCheckAddedMembers"/>).
    /// </summary>
    public static bool HasAddedMembers(PSObject wrapper) => HasInstanceMembers is not { } check || check(wrapper);

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
    /// <remarks>
    /// Every object that crosses the pipeline arrives wrapped, so this runs once per record. Most carry no added
    /// members, which PowerShell's own check tells without touching its member table; the others are read from the
    /// wrapper's psextended member set, which holds only the members added to the object, rather than from its
    /// Properties, which would also list every property of the wrapped object.
    /// </remarks>
    public IEnumerable<KeyValuePair<string, object?>> GetExtraProperties(object value)
    {
        if (value is not PSObject wrapper || (HasInstanceMembers is { } check && !check(wrapper)))
        {
            return None;
        }

        var added = wrapper.Members[ExtendedMemberSet] is PSMemberSet extended
            ? extended.Properties
            : wrapper.Properties;
        return Read(added, IsInstanceNote, AddedByProviders);
    }

    /// <summary>
    /// Finds PowerShell's internal PSObject.HasInstanceMembers(object, out members). PowerShell remembers the members
    /// that Add-Member gives an object in a table keyed by the object, and its public ways to read them (Members,
    /// Properties) first add the object to that table: done for every record, that costs about as much as writing
    /// the record and grows memory with the record count until a full garbage collection. The internal check only
    /// looks. Where this PowerShell has no such method, every wrapper is read through the public members.
    /// </summary>
    private static Func<object, bool>? FindHasInstanceMembers()
    {
        try
        {
            var method = typeof(PSObject).GetMethods(BindingFlags.Static | BindingFlags.NonPublic).FirstOrDefault(m =>
                m.Name == "HasInstanceMembers" && m.ReturnType == typeof(bool) && m.GetParameters() is { Length: 2 } p
                && p[0].ParameterType == typeof(object) && p[1].IsOut);
            if (method is null)
            {
                return null;
            }

            var value = Expression.Parameter(typeof(object), "value");
            var members = Expression.Variable(method.GetParameters()[1].ParameterType.GetElementType()!, "members");
            var body = Expression.Block(new[] { members }, Expression.Call(method, value, members));
            return Expression.Lambda<Func<object, bool>>(body, value).Compile();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException
            or MemberAccessException)
        {
            return null;
        }
    }

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
