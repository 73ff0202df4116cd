using System;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HealthMock.Json;

/// <summary>
/// The JSON names of one enum type's defined values, encoded once, for <see cref="JsonObjectPlan"/>s.
/// </summary>
internal sealed class JsonEnumNames
{
    private readonly Type type;

    private readonly JsonTypeContract contract;

    private readonly Dictionary<long, JsonEncodedText> names = new();

    private JsonEnumNames(Type type, JavaScriptEncoder encoder)
    {
        this.type = type;
        contract = JsonTypeContract.For(type);
        foreach (var value in Enum.GetValues(type))
        {
            var number = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            if (!names.ContainsKey(number))
            {
                names.Add(number, JsonEncodedText.Encode(JsonScalarText.Format(value, contract), encoder));
            }
        }
    }

    /// <summary>
    /// Creates the names of an enum type.
    /// </summary>
    /// <param name="type">The enum type.</param>
    /// <param name="encoder">The encoder of the writer that will write them.</param>
    /// <returns>The names.</returns>
    public static JsonEnumNames For(Type type, JavaScriptEncoder encoder) => new(type, encoder);

    /// <summary>
    /// Gets the encoded name of a defined value.
    /// </summary>
    /// <param name="value">The value, converted to a 64-bit integer.</param>
    /// <param name="name">The encoded name.</param>
    /// <returns><see langword="false"/> for a value that is not defined, such as a combination of flags.</returns>
    public bool TryGet(long value, out JsonEncodedText name) => names.TryGetValue(value, out name);

    /// <summary>
    /// Formats any value as the general path does.
    /// </summary>
    /// <param name="value">The value, converted to a 64-bit integer.</param>
    /// <returns>The JSON string content.</returns>
    public string Format(long value) => JsonScalarText.Format(Enum.ToObject(type, value), contract);
}
