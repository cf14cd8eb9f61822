using System.Numerics;
using EdgeKv.Core.Values;
using EdgeKv.Core.Values.V8;

namespace EdgeKv.Core.Store;

/// <summary>
/// Which of Deno's messages refuses a sum, min or max whose operand is not a KvU64 (denokv's SQLite backend, the
/// words of <see cref="KvErrors"/>). Deno refuses such an operand before it reads the stored value, as
/// <see cref="KvValidation"/> does, so nothing is read or changed.
/// </summary>
internal static class KvOperandErrors
{
    /// <summary>The error refusing <paramref name="operand"/> (not a KvU64) for a mutation of this kind.</summary>
    public static KvErrorCode NotU64(KvMutationKind kind, KvValue? operand) => kind switch
    {
        KvMutationKind.Min => KvErrorCode.MinOperandNotU64,
        KvMutationKind.Max => KvErrorCode.MaxOperandNotU64,
        _ => SumOperand(operand),
    };

    // Deno also sums V8 numbers and bigints; EdgeKv's sums are KvU64 counters only, so the stored side of a sum is a
    // KvU64 and Deno's words for that pair name the operand's type. An operand that is no V8 number or bigint Deno
    // refuses whatever is stored.
    private static KvErrorCode SumOperand(KvValue? operand) =>
        operand is { Encoding: KvValueEncoding.V8 } && V8Reader.TryRead(operand.Data.Span, out var value)
            ? value switch
            {
                double => KvErrorCode.SumKvU64WithNumber,
                BigInteger => KvErrorCode.SumKvU64WithBigInt,
                _ => KvErrorCode.SumOperandNotV8Number,
            }
            : KvErrorCode.SumOperandNotV8Number;
}
