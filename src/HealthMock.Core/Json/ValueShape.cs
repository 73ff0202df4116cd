namespace HealthMock.Json;

/// <summary>
/// Says how values of one .NET type are written as JSON.
/// </summary>
internal enum ValueShape
{
    /// <summary>A value written as JSON null, such as <see cref="System.DBNull"/>.</summary>
    Null,

    /// <summary>A string, character, enum, date, time, GUID, URI or version, written as a JSON string.</summary>
    Text,

    /// <summary>A Boolean.</summary>
    Boolean,

    /// <summary>An integer that fits in a signed 64-bit number.</summary>
    Integer,

    /// <summary>An unsigned 64-bit integer.</summary>
    UnsignedInteger,

    /// <summary>A single-precision floating-point number.</summary>
    Single,

    /// <summary>A double-precision floating-point number.</summary>
    Double,

    /// <summary>A decimal number.</summary>
    Decimal,

    /// <summary>A number type this library does not compile against, such as BigInteger, Int128 or Half.</summary>
    WideNumber,

    /// <summary>A <see cref="System.Text.Json.JsonElement"/>, written as it is.</summary>
    JsonElement,

    /// <summary>A <see cref="System.Text.Json.Nodes.JsonNode"/>, written as it is.</summary>
    JsonNode,

    /// <summary>A non-generic dictionary, written as an object.</summary>
    Dictionary,

    /// <summary>A generic dictionary that is not also a non-generic one, written as an object.</summary>
    GenericDictionary,

    /// <summary>Any other collection, written as an array.</summary>
    Collection,

    /// <summary>Any other object, written as an object of its properties.</summary>
    Object,

    /// <summary>A type that holds no data, such as a delegate or a stream, which is an error to write.</summary>
    NotData,
}
