using EdgeKv.Domain.Records;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Kv.Records;

/// <summary>A record's value in full: as text, as formatted JSON, and as a hex dump, with its encoding and versionstamp.</summary>
public sealed partial class RecordViewerDialog
{
    private RecordValueView _view = default!;

    /// <summary>The record to show.</summary>
    [Parameter, EditorRequired]
    public KvRecord Record { get; set; } = default!;

    /// <summary>Opens the viewer for <paramref name="record"/>.</summary>
    public static Task OpenAsync(DialogService dialogs, string title, KvRecord record) =>
        dialogs.OpenAsync<RecordViewerDialog>(title, new Dictionary<string, object?> { [nameof(Record)] = record }, new DialogOptions { Width = "720px" });

    /// <inheritdoc />
    protected override void OnParametersSet() => _view = new RecordValueView(Record.Value);
}
