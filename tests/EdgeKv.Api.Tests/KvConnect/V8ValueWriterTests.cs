using EdgeKv.Api.KvConnect.V8;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>
/// The V8 writer against V8 itself: each expected value is what Node's <c>v8.serialize(JSON.parse(json))</c> printed
/// (format version 15, which Deno and Node both read).
/// </summary>
public sealed class V8ValueWriterTests
{
    [Theory]
    [InlineData("héllo", "ff0f220568e96c6c6f")]
    [InlineData("你好", "ff0f6304604f7d59")]
    [InlineData("a你", "ff0f63046100604f")]
    [InlineData("", "ff0f2200")]
    [InlineData("x\0y", "ff0f2203780079")]
    [InlineData("𝄞", "ff0f630434d81edd")]
    public void SerializeString_Text_MatchesV8(string text, string expectedHex)
    {
        var bytes = V8ValueWriter.SerializeString(text);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(bytes));
    }

    [Theory]
    [InlineData("""{"a":1}""", "ff0f6f22016149027b01")]
    [InlineData("""[1,"x",true,null]""", "ff0f410449022201785430240004")]
    [InlineData("1.5", "ff0f4e000000000000f83f")]
    [InlineData("-1", "ff0f4901")]
    [InlineData("2147483648", "ff0f4e000000000000e041")]
    [InlineData("-0", "ff0f4e0000000000000080")]
    [InlineData("1e21", "ff0f4e50efe2d6e41a4b44")]
    [InlineData("""{"1":2,"b":[]}""", "ff0f6f4902490422016241002400007b02")]
    [InlineData("""{"k":"你"}""", "ff0f6f22016b6302604f7b01")]
    [InlineData("""{"ab":"你"}""", "ff0f6f22026162006302604f7b01")]
    [InlineData("""{"a":1,"a":2}""", "ff0f6f22016149047b01")]
    [InlineData("""{"b":1,"2":0,"a":3,"1":0}""", "ff0f6f4902490049044900220162490222016149067b04")]
    [InlineData("[[],{}]", "ff0f410241002400006f7b00240002")]
    [InlineData("""{"n":-5e-324,"big":123456789012}""", "ff0f6f22016e4e010000000000008022036269674e0000141a99be3c427b02")]
    [InlineData("""{"4294967295":1,"4294967294":2}""", "ff0f6f4e0000c0ffffffef414904220a3432393439363732393549027b02")]
    public void TrySerializeJson_JsonText_MatchesV8(string json, string expectedHex)
    {
        var ok = V8ValueWriter.TrySerializeJson(json, out var bytes);

        Assert.True(ok);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(bytes));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,]")]
    [InlineData("\"\\ud800\"")]
    public void TrySerializeJson_NotJson_ReturnsFalse(string text)
    {
        var ok = V8ValueWriter.TrySerializeJson(text, out _);

        Assert.False(ok);
    }
}
