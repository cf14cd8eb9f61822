namespace EdgeKv.Core.Store;

/// <summary>The mutations of an atomic operation.</summary>
public enum KvMutationKind
{
    /// <summary>Write the value (optionally expiring).</summary>
    Set,

    /// <summary>Remove the key; a no-op when it does not exist.</summary>
    Delete,

    /// <summary>Add a KvU64 operand, wrapping modulo 2^64; creates the key with the operand when absent.</summary>
    Sum,

    /// <summary>Keep the smaller of the stored KvU64 and the operand; creates the key when absent.</summary>
    Min,

    /// <summary>Keep the larger of the stored KvU64 and the operand; creates the key when absent.</summary>
    Max,

    /// <summary>
    /// Write the value under the key with the commit's versionstamp appended as one more part: a string of its 20 lowercase
    /// hex characters, exactly as Deno KV appends it (KV Connect, <c>kv.atomic().set([...key, versionstamp])</c>).
    /// </summary>
    SetSuffixVersionstampedKey,
}
