using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace EdgeKv.Functions.Hosting;

/// <summary>
/// The host name a project's functions answer at on the functions listener: <c>p{projectId}.localhost</c>. The id,
/// not the name: project names are unique only per owner and change on rename, so a name-based host would move or
/// become ambiguous when someone else creates a project of that name, and would tell strangers which names exist.
/// <c>*.localhost</c> resolves to the loopback address in browsers and curl without any DNS set-up, and each project
/// is an origin of its own (one project's page cannot script another's).
/// </summary>
public static class FunctionsHostNames
{
    /// <summary>The domain every project's host ends with.</summary>
    public const string Domain = "localhost";

    /// <summary>The host label of a project, e.g. <c>p42</c>.</summary>
    public static string LabelOf(int projectId) => "p" + projectId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The host of a project, e.g. <c>p42.localhost</c>.</summary>
    public static string HostOf(int projectId) => LabelOf(projectId) + "." + Domain;

    /// <summary>The project <paramref name="host"/> names (<c>p42.localhost</c>, any port, any case), or null.</summary>
    public static int? ProjectOf(HostString host)
    {
        var name = host.Host;
        var suffix = "." + Domain;
        if (!name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var label = name.AsSpan(0, name.Length - suffix.Length);
        // Digits only, no sign or leading zero: one project has exactly one host name.
        return label.Length is >= 2 and <= 11 && label[0] is 'p' or 'P' && label[1] != '0'
            && int.TryParse(label[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;
    }
}
