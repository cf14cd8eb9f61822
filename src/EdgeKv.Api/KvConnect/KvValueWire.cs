using EdgeKv.Api.KvConnect.Protocol;
using EdgeKv.Api.KvConnect.V8;
using EdgeKv.Core.Values;
using Google.Protobuf;
using WireEntry = EdgeKv.Api.KvConnect.Protocol.KvEntry;
using WireValue = EdgeKv.Api.KvConnect.Protocol.KvValue;

namespace EdgeKv.Api.KvConnect;

/// <summary>
/// Translates values and entries between the engine and the KV Connect wire. KV Connect knows three encodings
/// (V8, LE64, bytes) and the engine five: V8, KvU64 and bytes map one to one and pass untouched, so whatever a Deno
/// client wrote comes back byte for byte. Text and JSON (written through the EdgeOne API or the console) have no
/// KV Connect form; they go out V8-serialized, text as a JS string and JSON as the value <c>JSON.parse</c> would
/// give (a JSON record that does not parse goes out as its text), so a Deno program reads them as it would its own.
/// </summary>
internal static class KvValueWire
{
    /// <summary>The engine entry as a wire entry; null for a missing key.</summary>
    public static WireEntry? ToWire(Core.Store.KvEntry entry)
    {
        if (entry.Value is null || entry.Versionstamp is not { } versionstamp)
        {
            return null;
        }

        var (encoding, data) = ToWire(entry.Value);
        return new WireEntry
        {
            Key = UnsafeByteOperations.UnsafeWrap(entry.Key.Encode()),
            Value = data,
            Encoding = encoding,
            Versionstamp = UnsafeByteOperations.UnsafeWrap(versionstamp.ToBytes()),
        };
    }

    /// <summary>The wire encoding and bytes of an engine value.</summary>
    public static (ValueEncoding Encoding, ByteString Data) ToWire(Core.Values.KvValue value) => value.Encoding switch
    {
        KvValueEncoding.V8 => (ValueEncoding.VeV8, UnsafeByteOperations.UnsafeWrap(value.Data)),
        KvValueEncoding.U64 => (ValueEncoding.VeLe64, UnsafeByteOperations.UnsafeWrap(value.Data)),
        KvValueEncoding.Bytes => (ValueEncoding.VeBytes, UnsafeByteOperations.UnsafeWrap(value.Data)),
        KvValueEncoding.Text => (ValueEncoding.VeV8, ByteString.CopyFrom(V8ValueWriter.SerializeString(value.AsText()))),
        KvValueEncoding.Json => (ValueEncoding.VeV8, ByteString.CopyFrom(
            V8ValueWriter.TrySerializeJson(value.AsText(), out var json) ? json : V8ValueWriter.SerializeString(value.AsText()))),
        _ => throw new InvalidOperationException($"Unknown value encoding {value.Encoding}."),
    };

    /// <summary>The engine value of a wire value. Throws <see cref="KvConnectRequestException"/> for a bad encoding.</summary>
    public static Core.Values.KvValue FromWire(WireValue value)
    {
        var data = value.Data.Memory;
        return value.Encoding switch
        {
            ValueEncoding.VeV8 => Core.Values.KvValue.V8(data),
            ValueEncoding.VeBytes => Core.Values.KvValue.Bytes(data),
            ValueEncoding.VeLe64 when data.Length == 8 => Core.Values.KvValue.FromStorage(KvValueEncoding.U64, data),
            ValueEncoding.VeLe64 => throw new KvConnectRequestException(KvConnectErrors.InvalidLe64Value),
            _ => throw new KvConnectRequestException(KvConnectErrors.InvalidValueEncoding),
        };
    }
}
