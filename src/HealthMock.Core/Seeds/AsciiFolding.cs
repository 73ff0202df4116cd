using System.Text;

namespace HealthMock.Seeds;

/// <summary>
/// Turns a personal name into the plain lower-case ASCII letters used in ids and email addresses:
/// "José" becomes "jose", "O'Brien" becomes "obrien", "Núñez-Müller" becomes "nunezmuller".
/// </summary>
/// <remarks>
/// A fixed table rather than Unicode normalization, so the result is the same on every platform whatever
/// globalization mode the runtime is in.
/// </remarks>
public static class AsciiFolding
{
    private const string Accented =
        "àáâãäåāăąçćčďđèéêëēėęěìíîïīįıðñńňòóôõöøōőŕřśšşșťțùúûüūůűųýÿźżžÀÁÂÃÄÅĀĂĄÇĆČĎĐÈÉÊËĒĖĘĚÌÍÎÏĪĮİÐÑŃŇÒÓÔÕÖØŌŐŔŘŚŠŞȘŤȚÙÚÛÜŪŮŰŲÝŸŹŻŽ";

    private const string Plain =
        "aaaaaaaaacccddeeeeeeeeiiiiiiidnnnoooooooorrssssttuuuuuuuuyyzzzaaaaaaaaacccddeeeeeeeeiiiiiiidnnnoooooooorrssssttuuuuuuuuyyzzz";

    /// <summary>
    /// Returns the folded form of <paramref name="name"/>, or null when it has a letter the table cannot fold.
    /// Spaces, apostrophes, hyphens and periods are dropped.
    /// </summary>
    public static string? Fold(string name)
    {
        var builder = new StringBuilder(name.Length + 2);
        foreach (var c in name)
        {
            if (c >= 'a' && c <= 'z')
            {
                builder.Append(c);
            }
            else if (c >= 'A' && c <= 'Z')
            {
                builder.Append((char)(c + ('a' - 'A')));
            }
            else if (c == ' ' || c == '\'' || c == '’' || c == '-' || c == '.')
            {
                continue;
            }
            else if (c == 'æ' || c == 'Æ')
            {
                builder.Append("ae");
            }
            else if (c == 'œ' || c == 'Œ')
            {
                builder.Append("oe");
            }
            else if (c == 'ß')
            {
                builder.Append("ss");
            }
            else if (c == 'ł' || c == 'Ł')
            {
                builder.Append('l');
            }
            else
            {
                var at = Accented.IndexOf(c);
                if (at < 0)
                {
                    return null;
                }

                builder.Append(Plain[at]);
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
