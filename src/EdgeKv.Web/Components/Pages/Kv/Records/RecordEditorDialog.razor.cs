using System.Text;
using System.Text.Json;
using EdgeKv.Core;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace EdgeKv.Web.Components.Pages.Kv.Records;

/// <summary>
/// 新建记录 / edit: a string key, a value typed as text or JSON or uploaded as a file (see the File part), and an
/// optional expiry in seconds (writing without one clears an earlier expiry, as a Deno set does). The key length and
/// the JSON are checked here so the person sees the problem at once; the domain checks them again and enforces the
/// account's capacity. Closes with true when the record was written.
/// </summary>
public sealed partial class RecordEditorDialog
{
    private string _key = "";
    private string _value = "";
    private RecordFormat _format = RecordFormat.Text;
    private int? _expireInSeconds;
    private string? _error;
    private bool _busy;

    /// <summary>The namespace to write to.</summary>
    [Parameter, EditorRequired]
    public int NamespaceId { get; set; }

    /// <summary>The record being edited; null for a new one.</summary>
    [Parameter]
    public KvRecord? Existing { get; set; }

    [Inject]
    private RecordService Records { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    /// <summary>Opens the dialog; true when a record was written.</summary>
    public static async Task<bool> OpenAsync(DialogService dialogs, string title, int namespaceId, KvRecord? existing) =>
        await dialogs.OpenAsync<RecordEditorDialog>(
            title,
            new Dictionary<string, object?> { [nameof(NamespaceId)] = namespaceId, [nameof(Existing)] = existing },
            new DialogOptions { Width = "640px" }) is true;

    /// <summary>The error for a key and value as typed, or null when they may be sent.</summary>
    public static DomainError? Validate(string key, string value, RecordFormat format)
    {
        if (ValidateKey(key) is { } invalidKey)
        {
            return invalidKey;
        }

        if (format == RecordFormat.Json)
        {
            try
            {
                using var _ = JsonDocument.Parse(value);
            }
            catch (JsonException)
            {
                return DomainErrors.InvalidJson;
            }
        }

        return null;
    }

    /// <summary>The error for a key as typed, or null when it may be sent.</summary>
    public static DomainError? ValidateKey(string key) =>
        Encoding.UTF8.GetByteCount(key) is 0 or > KvLimits.MaxEdgeOneKeyBytes ? DomainErrors.InvalidRecordKey : null;

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        if (Existing is not null)
        {
            _key = Existing.StringKey ?? "";
            _value = Existing.Value.AsText();
            _format = Existing.Value.Encoding == KvValueEncoding.Json ? RecordFormat.Json : RecordFormat.Text;
        }
    }

    private async Task SaveAsync()
    {
        // A file's content is checked by the domain once read; only typed values are checked here.
        if ((_file is null ? Validate(_key, _value, _format) : ValidateKey(_key)) is { } invalid)
        {
            _error = Errors.For(invalid);
            return;
        }

        _busy = true;
        try
        {
            var expireIn = _expireInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            var caller = await CallerSource.GetAsync();
            if (_file is not null)
            {
                await Records.PutBytesAsync(caller, NamespaceId, _key, await ReadFileAsync(_file), _format, expireIn);
            }
            else
            {
                await Records.PutExpiringAsync(caller, NamespaceId, _key, _value, _format, expireIn);
            }

            Dialogs.Close(true);
        }
        catch (Exception exception)
        {
            _error = Errors.For(exception);
        }
        finally
        {
            _busy = false;
        }
    }
}
