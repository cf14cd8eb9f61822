using System.Text;
using System.Text.Json;
using EdgeKv.Core;
using EdgeKv.Core.Values;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Records;
using EdgeKv.Web.Components.Shared;
using EdgeKv.Web.Hosting;
using EdgeKv.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace EdgeKv.Web.Components.Pages.Kv.Records;

/// <summary>
/// 新建记录 / edit: a string key, a value typed as text or JSON (up to <see cref="CircuitLimits.MaxTypedValueBytes"/>,
/// guarded in the browser) or uploaded as a file (see the File part), and an optional expiry in seconds (writing
/// without one clears an earlier expiry, as a Deno set does; zero or less is refused, <see cref="RecordExpiry"/>).
/// The key length and the JSON are checked here so the person sees the problem at once; the domain checks them
/// again and enforces the account's capacity. Closes with the versionstamp the engine gave the write, and only then.
/// </summary>
public sealed partial class RecordEditorDialog : IAsyncDisposable
{
    private string _key = "";
    private string _value = "";
    private RecordFormat _format = RecordFormat.Text;
    private long? _expireInSeconds;
    private string? _error;
    private bool _busy;
    private bool _typedTooLarge;
    private DotNetObjectReference<RecordEditorDialog>? _self;
    private IJSObjectReference? _guard;

    /// <summary>The namespace to write to.</summary>
    [Parameter, EditorRequired]
    public int NamespaceId { get; set; }

    /// <summary>The record being edited; null for a new one.</summary>
    [Parameter]
    public KvRecord? Existing { get; set; }

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private RecordService Records { get; set; } = default!;

    [Inject]
    private ConsoleCaller CallerSource { get; set; } = default!;

    [Inject]
    private ErrorText Errors { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    private static string TypedLimitText => DisplayFormat.Bytes(CircuitLimits.MaxTypedValueBytes);

    private string TooLargeText => L["Records.Value.TooLarge", TypedLimitText];

    private string FileButtonText => _file is null ? L["Records.File.Choose"] : $"{_file.Name} · {DisplayFormat.Bytes(_file.Size)}";

    /// <summary>Opens the dialog; true when the engine acknowledged a write.</summary>
    public static async Task<bool> OpenAsync(IDialogService dialogs, string title, int namespaceId, KvRecord? existing) =>
        await dialogs.OpenAsync<RecordEditorDialog>(
            title,
            new DialogParameters { [nameof(NamespaceId)] = namespaceId, [nameof(Existing)] = existing },
            MaxWidth.Medium) is Versionstamp;

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

    /// <summary>
    /// Called by the browser's guard when the typed text crosses <see cref="CircuitLimits.MaxTypedValueBytes"/> either
    /// way. While it is over, the text has not reached the server, so saving is refused.
    /// </summary>
    [JSInvokable]
    public void TypedSizeChanged(bool tooLarge)
    {
        _typedTooLarge = tooLarge;
        _error = tooLarge ? TooLargeText : null;
        StateHasChanged();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_guard is not null)
        {
            try
            {
                await _guard.InvokeVoidAsync("dispose");
                await _guard.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone, and its listeners with it.
            }
        }

        _self?.Dispose();
    }

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        if (Existing is not null)
        {
            _key = Existing.StringKey ?? "";
            _value = Existing.Value.AsText();
            _format = Existing.Value.Encoding == KvValueEncoding.Json ? RecordFormat.Json : RecordFormat.Text;
            _expireInSeconds = null;
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            await using var module = await Js.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Kv/Records/RecordEditorDialog.razor.js");
            _guard = await module.InvokeAsync<IJSObjectReference>("guardTypedValue", "record-value", CircuitLimits.MaxTypedValueBytes, _self);
        }
    }

    private async Task SaveAsync()
    {
        if (Refusal() is { } refusal)
        {
            _error = refusal;
            return;
        }

        _busy = true;
        try
        {
            var expireIn = RecordExpiry.FromSeconds(_expireInSeconds);
            var caller = await CallerSource.GetAsync();
            var written = _file is not null
                ? await Records.PutBytesAsync(caller, NamespaceId, _key, await ReadFileAsync(_file), _format, expireIn)
                : await Records.PutExpiringAsync(caller, NamespaceId, _key, _value, _format, expireIn);

            // Closed only with the engine's acknowledgement in hand: a write that threw never gets here.
            Dialog.Close(DialogResult.Ok(written));
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

    // What stops a save before anything is sent: text the browser held back, or a key or JSON of the wrong shape.
    // A file's content is checked by the domain once read.
    private string? Refusal()
    {
        if (_file is null && _typedTooLarge)
        {
            return TooLargeText;
        }

        return (_file is null ? Validate(_key, _value, _format) : ValidateKey(_key)) is { } invalid ? Errors.For(invalid) : null;
    }
}
