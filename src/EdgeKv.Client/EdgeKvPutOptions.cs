namespace EdgeKv.Client;

/// <summary>Options of a write.</summary>
public sealed record EdgeKvPutOptions
{
    /// <summary>Expire the key after this long (whole seconds, rounded up; at least one second).</summary>
    public TimeSpan? ExpirationTtl { get; init; }

    /// <summary>Metadata stored with the value: any object, serialized as JSON (at most 1024 bytes).</summary>
    public object? Metadata { get; init; }

    /// <summary>Write only if the key's current versionstamp is this one (otherwise <see cref="EdgeKvException"/> with code <c>conflict</c>).</summary>
    public string? IfVersionstamp { get; init; }

    /// <summary>Write only if the key does not exist (otherwise <see cref="EdgeKvException"/> with code <c>conflict</c>).</summary>
    public bool OnlyIfAbsent { get; init; }
}
