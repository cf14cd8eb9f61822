using System.Globalization;
using EdgeKv.Core.Replication;
using EdgeKv.Domain.Storage;
using Microsoft.Extensions.Localization;

namespace EdgeKv.Web.Components.Pages.Admin.Nodes;

/// <summary>How the node page words a node's state: replica health, durations, engines and "seen … ago".</summary>
public static class NodeText
{
    /// <summary>The replica's health in words (never the enum's name).</summary>
    public static string Replica(IStringLocalizer l, KvReplicaHealth health) => l[health switch
    {
        KvReplicaHealth.Serving => "Admin.Nodes.Replica.Serving",
        KvReplicaHealth.Behind => "Admin.Nodes.Replica.Behind",
        KvReplicaHealth.Unreachable => "Admin.Nodes.Replica.Unreachable",
        _ => "Admin.Nodes.Replica.NotConfigured",
    }];

    /// <summary>The engine's product name, the same in every language.</summary>
    public static string Engine(StorageProvider engine) => engine == StorageProvider.Postgres ? "PostgreSQL" : "SQLite";

    /// <summary>
    /// A console address as its host and port (<c>127.0.0.1:5080</c>): every node's console speaks plain http, and the
    /// short form keeps to one line; the page's tooltip has the whole address. "—" for a node without one.
    /// </summary>
    public static string Address(string? consoleUrl) =>
        Uri.TryCreate(consoleUrl, UriKind.Absolute, out var url) ? url.Authority : consoleUrl ?? "—";

    /// <summary>A lag or bound as people read it: <c>0 s</c>, <c>850 ms</c>, <c>12.3 s</c>, <c>60 s</c>, <c>2.5 min</c>.</summary>
    public static string Duration(TimeSpan value) => value switch
    {
        { Ticks: 0 } => "0 s",
        { TotalSeconds: < 1 } => $"{Number(Math.Round(value.TotalMilliseconds), "N0")} ms",
        { TotalSeconds: < 10 } => $"{Number(value.TotalSeconds, "0.#")} s",
        { TotalMinutes: < 2 } => $"{Number(Math.Round(value.TotalSeconds), "N0")} s",
        _ => $"{Number(value.TotalMinutes, "0.#")} min",
    };

    /// <summary>How long ago <paramref name="then"/> was at <paramref name="now"/>: "just now" under 5 s, then seconds, minutes, hours.</summary>
    public static string Ago(IStringLocalizer l, DateTime then, DateTime now)
    {
        var ago = now - then;
        return ago switch
        {
            { TotalSeconds: < 5 } => l["Admin.Nodes.Ago.Now"],
            { TotalMinutes: < 1 } => l["Admin.Nodes.Ago.Seconds", (int)ago.TotalSeconds],
            { TotalHours: < 1 } => l["Admin.Nodes.Ago.Minutes", (int)ago.TotalMinutes],
            _ => l["Admin.Nodes.Ago.Hours", (int)ago.TotalHours],
        };
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.CurrentCulture);
}
