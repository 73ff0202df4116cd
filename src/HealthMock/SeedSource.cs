using System;
using System.Security.Cryptography;

namespace HealthMock.Commands;

/// <summary>Draws a seed for a run that was given none, outside generation, from the system's random source.</summary>
internal static class SeedSource
{
    /// <summary>Returns a non-negative seed from the operating system's random source.</summary>
    public static int Draw()
    {
        var bytes = new byte[4];
        using (var source = RandomNumberGenerator.Create())
        {
            source.GetBytes(bytes);
        }

        return BitConverter.ToInt32(bytes, 0) & int.MaxValue;
    }
}
