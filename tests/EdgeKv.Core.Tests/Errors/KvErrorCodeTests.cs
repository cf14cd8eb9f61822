using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Tests.Errors;

public sealed class KvErrorCodeTests
{
    [Fact]
    public void MessageOf_EveryFixedCode_IsOneDistinctMessage()
    {
        var codes = Enum.GetValues<KvErrorCode>().Where(code => code != KvErrorCode.QuotaExceeded).ToList();

        var messages = codes.Select(KvErrors.MessageOf).ToList();

        Assert.All(messages, message => Assert.False(string.IsNullOrWhiteSpace(message)));
        Assert.Equal(messages.Count, messages.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void MessageOf_EveryConstantOfKvErrors_HasACode()
    {
        var constants = typeof(KvErrors).GetFields().Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!);
        var fixedMessages = Enum.GetValues<KvErrorCode>().Where(code => code != KvErrorCode.QuotaExceeded).Select(KvErrors.MessageOf).ToHashSet(StringComparer.Ordinal);

        Assert.All(constants, message => Assert.Contains(message, fixedMessages));
    }

    [Fact]
    public void Code_OfAThrownError_NamesItsMessage()
    {
        var error = Assert.Throws<KvException>(() => KeyCodec.Decode([0x02, 0x61]));

        Assert.Equal(KvErrorCode.InvalidEncodedKey, error.Code);
        Assert.Equal(KvErrors.InvalidEncodedKey, error.Message);
    }

    [Fact]
    public void Code_OfAQuotaRefusal_IsQuotaExceededWithTheLimitInTheMessage()
    {
        var error = new KvQuotaExceededException(limitBytes: 10, usedBytes: 8, requestedBytes: 5);

        Assert.Equal(KvErrorCode.QuotaExceeded, error.Code);
        Assert.Equal(KvErrors.QuotaExceeded(10), error.Message);
    }
}
