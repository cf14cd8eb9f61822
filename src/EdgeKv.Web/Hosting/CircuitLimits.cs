namespace EdgeKv.Web.Hosting;

/// <summary>
/// What one message from the browser may carry over the console's circuit, and the typed-value limit that follows
/// from it. A message over the hub's limit does not fail politely: SignalR drops the circuit, Blazor reconnects, and
/// whatever the message carried is lost (a 3 MB typed value was once saved as 0 bytes this way). So text is checked
/// in the browser against <see cref="MaxTypedValueBytes"/> before it is sent.
/// </summary>
public static class CircuitLimits
{
    /// <summary>The hub's MaximumReceiveMessageSize (SignalR's 32 KiB default would drop hand-edited values).</summary>
    public const int MaxReceiveMessageBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The most UTF-8 bytes a value typed in the console may have (512 KiB). An eighth of a message: the text travels as
    /// a JSON string inside the event, and escaping turns one byte into as many as six (<c>\u0001</c>), so even a
    /// worst-case value with its envelope stays under <see cref="MaxReceiveMessageBytes"/>. Larger values go as files
    /// (uploads stream in chunks) and come out as downloads (plain HTTP), neither bound by the circuit.
    /// </summary>
    public const int MaxTypedValueBytes = MaxReceiveMessageBytes / 8;

    /// <summary>
    /// The most characters one function file may have in the console's code editor (512 Ki). The editor's text comes
    /// back over the circuit as a JSON string, so the same eighth holds for it; in UTF-8 such a file is at most 1.5 MiB,
    /// well within a deployment's 5 MiB (<see cref="Domain.Deployments.FunctionFilePaths.MaxTotalBytes"/>). A larger
    /// file is not opened in the editor, and an editor holding more is not read: the file is deployed as it is, or
    /// through the HTTP deploy API, which has no such limit.
    /// </summary>
    public const int MaxEditorFileCharacters = MaxReceiveMessageBytes / 8;
}
