using System.Collections.Generic;

namespace HealthMock.Json;

/// <summary>
/// Lets a host such as PowerShell describe its own wrapper objects to <see cref="JsonValueWriter"/>
/// without this library referencing the host.
/// </summary>
/// <remarks>
/// For every value the writer first calls <see cref="Unwrap"/>. Scalars, dictionaries and collections that come
/// back are written as such. Any other object is written from <see cref="TryGetProperties"/> when that returns
/// <see langword="true"/>; otherwise from its public properties, followed by
/// <see cref="GetExtraProperties"/> of the original value when that was a wrapper.
/// Exceptions thrown while the properties are enumerated are reported as a
/// <see cref="JsonExportException"/>, so their messages should name the property.
/// </remarks>
public interface IJsonObjectInspector
{
    /// <summary>
    /// Returns the value that <paramref name="value"/> stands for: the wrapped object of a wrapper, or the wrapper
    /// itself when it carries the data; any other value unchanged.
    /// </summary>
    /// <param name="value">A value about to be written; never <see langword="null"/>.</param>
    /// <returns>The value to write; identity of the returned object is used to detect reference cycles.</returns>
    object? Unwrap(object value);

    /// <summary>
    /// Tries to list all the properties of an unwrapped object whose properties reflection cannot see.
    /// </summary>
    /// <param name="value">An object returned by <see cref="Unwrap"/>.</param>
    /// <param name="properties">The property names and values, in the order they should be written.</param>
    /// <returns><see langword="true"/> when <paramref name="properties"/> describes the whole object.</returns>
    bool TryGetProperties(object value, out IEnumerable<KeyValuePair<string, object?>> properties);

    /// <summary>
    /// Lists properties that a wrapper adds to the object it wraps, written after the object's own properties.
    /// </summary>
    /// <param name="value">The original value, whose <see cref="Unwrap"/> result was a different object.</param>
    /// <returns>The added property names and values; empty when there are none.</returns>
    IEnumerable<KeyValuePair<string, object?>> GetExtraProperties(object value);
}
