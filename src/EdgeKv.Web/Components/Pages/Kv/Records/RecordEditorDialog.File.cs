using EdgeKv.Core;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Records;
using Microsoft.AspNetCore.Components.Forms;

namespace EdgeKv.Web.Components.Pages.Kv.Records;

/// <summary>
/// The editor's file upload: values larger than a person types, up to the engine's <see cref="KvLimits.MaxValueBytes"/>.
/// MudFileUpload (a styled button over InputFile) streams the file in chunks, so it is not bound by the circuit's
/// message limit that typed values are.
/// A chosen file is stored as binary by default; as text or JSON when the person picks that type and the bytes are
/// valid UTF-8 or JSON (the domain checks, and refuses anything else rather than guessing).
/// </summary>
public sealed partial class RecordEditorDialog
{
    private IBrowserFile? _file;
    private int _fileInputVersion;

    private void ChooseFile(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        // Refused on choosing, before a byte is read, with the engine's own words for the limit.
        if (file.Size > KvLimits.MaxValueBytes)
        {
            _file = null;
            _error = Errors.For(DomainErrors.ValueTooLarge);
            return;
        }

        _file = file;
        _error = null;
        _typedTooLarge = false;
        _format = RecordFormat.Bytes;
        if (Existing is null && _key.Length == 0 && ValidateKey(file.Name) is null)
        {
            // The file's name is the natural key, and the download gives the name back.
            _key = file.Name;
        }
    }

    private void ClearFile()
    {
        _file = null;
        _fileInputVersion++;
        if (_format == RecordFormat.Bytes)
        {
            _format = RecordFormat.Text;
        }
    }

    // One buffer of the file's size, handed to the engine as is (the domain wraps it without copying).
    private static async Task<byte[]> ReadFileAsync(IBrowserFile file)
    {
        var content = new byte[file.Size];
        await using var stream = file.OpenReadStream(maxAllowedSize: KvLimits.MaxValueBytes);
        await stream.ReadExactlyAsync(content);
        return content;
    }
}
