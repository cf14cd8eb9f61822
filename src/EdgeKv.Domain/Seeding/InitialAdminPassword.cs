using System.Security.Cryptography;

namespace EdgeKv.Domain.Seeding;

/// <summary>A random admin password for a fresh install, strong enough for any Identity password rule set here.</summary>
public static class InitialAdminPassword
{
    // No look-alikes (0/O, 1/l/I), so the password can be typed from the terminal without doubt.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Alphabet = Upper + Lower + Digits;

    /// <summary>
    /// Four groups of five characters joined by <c>-</c> (about 116 bits): upper and lower case letters and digits,
    /// each present at least once, and the dashes as the non-alphanumeric characters Identity asks for.
    /// </summary>
    public static string Generate()
    {
        while (true)
        {
            var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5));
            var password = string.Join('-', groups);
            if (password.Any(char.IsUpper) && password.Any(char.IsLower) && password.Any(char.IsDigit))
            {
                return password;
            }
        }
    }
}
