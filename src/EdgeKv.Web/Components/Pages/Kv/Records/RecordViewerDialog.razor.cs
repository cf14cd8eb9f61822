using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Downloads;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Kv.Records;

/// <summary>
/// A record's value in full: as text, as formatted JSON, and as a hex dump, with its kind (localized), size and
/// versionstamp, and a button that downloads the raw bytes (the only way to get a large binary value out of the console).
/// </summary>
public sealed partial class RecordViewerDialog
{
    private RecordValueView _view = default!;

    /// <summary>The namespace the record is in.</summary>
    [Parameter, EditorRequired]
    public int NamespaceId { get; set; }

    /// <summary>The record to show.</summary>
    [Parameter, EditorRequired]
    public KvRecord Record { get; set; } = default!;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    // Downloads address records by string key; tuple keys written by Deno clients have none.
    private string? DownloadUrl => Record.StringKey is { } key ? ValueDownloadEndpoints.UrlFor(NamespaceId, key) : null;

    /// <summary>Opens the viewer for <paramref name="record"/> of namespace <paramref name="namespaceId"/>.</summary>
    public static Task OpenAsync(IDialogService dialogs, string title, int namespaceId, KvRecord record) =>
        dialogs.OpenAsync<RecordViewerDialog>(
            title,
            new DialogParameters { [nameof(NamespaceId)] = namespaceId, [nameof(Record)] = record },
            MaxWidth.Medium);

    /// <inheritdoc />
    protected override void OnParametersSet() => _view = new RecordValueView(Record.Value);
}
