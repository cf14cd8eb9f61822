using EdgeKv.Domain.FunctionLogs;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Components.Pages.Projects.Functions;

/// <summary>
/// The text of a log line in the console's language: a line the host wrote by its code (<c>Logs.Host.{code}</c> with
/// its arguments), the function's own output as it wrote it. A code newer than this console reads in English.
/// </summary>
public static class ProjectLogText
{
    /// <summary>The resource key of a host line's sentence.</summary>
    public static string KeyOf(string code) => "Logs.Host." + code;

    /// <summary>What <paramref name="entry"/> says, for people.</summary>
    public static string Of(IStringLocalizer l, ProjectLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Code is null)
        {
            return entry.Message;
        }

        var text = l[KeyOf(entry.Code), [.. entry.Arguments]];
        return text.ResourceNotFound ? entry.Message : text.Value;
    }
}
