namespace EdgeKv.Core.Values.V8;

// The JavaScript values a V8-serialized KV value can hold, as plain data for display. null is JS null;
// numbers are double, bigints BigInteger, strings string, booleans bool, dates DateTimeOffset.

/// <summary>JavaScript's <c>undefined</c> (and an array hole).</summary>
internal sealed class V8Undefined
{
    public static readonly V8Undefined Value = new();

    private V8Undefined()
    {
    }
}

/// <summary>A plain object: its properties in insertion order.</summary>
internal sealed record V8Object(List<KeyValuePair<string, object?>> Properties);

/// <summary>An array: its elements (holes are <see cref="V8Undefined"/>) and any extra named properties.</summary>
internal sealed record V8Array(List<object?> Elements);

/// <summary>A <c>Map</c>: entries in insertion order.</summary>
internal sealed record V8Map(List<KeyValuePair<object?, object?>> Entries);

/// <summary>A <c>Set</c>: members in insertion order.</summary>
internal sealed record V8Set(List<object?> Members);

/// <summary>A <c>RegExp</c>.</summary>
internal sealed record V8RegExp(string Pattern, string Flags);

/// <summary>An <c>ArrayBuffer</c>, or a typed array / DataView over one (<see cref="ViewKind"/> null for the buffer itself).</summary>
internal sealed record V8Bytes(byte[] Bytes, string? ViewKind);

/// <summary>A boxed primitive (<c>new String("x")</c> and the like).</summary>
internal sealed record V8Boxed(object? Primitive);
