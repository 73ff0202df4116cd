using System;
using System.Collections.Generic;
using System.Text;

namespace HealthMock.Api;

/// <summary>The JSON spelling and the HTTP status of each <see cref="FrontDeskErrorCode"/>.</summary>
public static class FrontDeskErrors
{
    private static readonly Dictionary<FrontDeskErrorCode, string> Texts = BuildTexts();

    /// <summary>Returns the stable snake_case spelling of a code, such as slot_unavailable.</summary>
    public static string Text(FrontDeskErrorCode code) =>
        Texts.TryGetValue(code, out var text) ? text : Snake(code.ToString());

    /// <summary>
    /// Returns the HTTP status the service answers with: 400 for bad input, 404 when something does not exist, 409
    /// when a rule refuses the request, and 405, 413, 415, 500 or 503 for the others.
    /// </summary>
    public static int HttpStatus(FrontDeskErrorCode code) => code switch
    {
        FrontDeskErrorCode.InvalidArgument or FrontDeskErrorCode.InvalidReason
            or FrontDeskErrorCode.MalformedJson => 400,
        FrontDeskErrorCode.NotFound or FrontDeskErrorCode.RouteNotFound or FrontDeskErrorCode.UnknownTool => 404,
        FrontDeskErrorCode.MethodNotAllowed => 405,
        FrontDeskErrorCode.PayloadTooLarge => 413,
        FrontDeskErrorCode.UnsupportedMediaType => 415,
        FrontDeskErrorCode.StorageFailed or FrontDeskErrorCode.InternalError => 500,
        FrontDeskErrorCode.DatasetBusy or FrontDeskErrorCode.ShuttingDown => 503,
        _ => 409,
    };

    private static Dictionary<FrontDeskErrorCode, string> BuildTexts()
    {
        var texts = new Dictionary<FrontDeskErrorCode, string>();
        foreach (FrontDeskErrorCode code in Enum.GetValues(typeof(FrontDeskErrorCode)))
        {
            texts[code] = Snake(code.ToString());
        }

        return texts;
    }

    private static string Snake(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
