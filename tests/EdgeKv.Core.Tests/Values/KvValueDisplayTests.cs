using EdgeKv.Core.Values;

namespace EdgeKv.Core.Tests.Values;

public sealed class KvValueDisplayTests
{
    // Bytes produced by V8's ValueSerializer (node -e "v8.serialize(value)"), the format Deno KV stores values in.
    public static TheoryData<string, string, string> V8Vectors => new()
    {
        { "one-byte string", "ff0f220568656c6c6f", "\"hello\"" },
        { "two-byte string", "ff0f63042d4e8765", "\"中文\"" },
        { "surrogate pair", "ff0f630661003dd800de", "\"a😀\"" },
        { "int32", "ff0f4954", "42" },
        { "negative int32", "ff0f490d", "-7" },
        { "double", "ff0f4e000000000000f83f", "1.5" },
        { "uint32-sized double", "ff0f4e0000e0ffffffef41", "4294967295" },
        { "NaN", "ff0f4e000000000000f87f", "NaN" },
        { "negative zero", "ff0f4e0000000000000080", "-0" },
        { "bigint", "ff0f5a10d20a1feb8ca954ab", "12345678901234567890n" },
        { "negative bigint", "ff0f5a110500000000000000", "-5n" },
        { "zero bigint", "ff0f5a00", "0n" },
        { "true", "ff0f54", "true" },
        { "null", "ff0f30", "null" },
        { "undefined", "ff0f5f", "undefined" },
        { "object", "ff0f6f22046e616d652204616c65782203616765493e7b02", "{ name: \"alex\", age: 31 }" },
        { "array", "ff0f41034902220374776f30240003", "[ 1, \"two\", null ]" },
        { "nested with a date", "ff0f6f220161410249026f2201625a1002000000000000007b012400022201644400000000000000007b02", "{ a: [ 1, { b: 2n } ], d: 1970-01-01T00:00:00.000Z }" },
        { "map", "ff0f3b22016b49023a02", "Map(1) { \"k\" => 1 }" },
        { "set", "ff0f27490249042c02", "Set(2) { 1, 2 }" },
        { "sparse array", "ff0f6106490a4902400106", "[ undefined, undefined, undefined, undefined, undefined, 1 ]" },
        { "numeric property key", "ff0f6f49022201787b01", "{ \"1\": \"x\" }" },
        { "regexp", "ff0f52220461622b6303", "/ab+c/gi" },
    };

    [Theory]
    [MemberData(nameof(V8Vectors))]
    public void Format_V8Value_ShowsItAsDenoPrintsIt(string name, string hex, string expected)
    {
        var value = KvValue.V8(Convert.FromHexString(hex));

        Assert.True(expected == KvValueDisplay.Format(value), $"{name}: got {KvValueDisplay.Format(value)}");
    }

    [Theory]
    [InlineData("0102")]
    [InlineData("ff0f")]
    [InlineData("ff0f2205686568")]
    [InlineData("ff0f5c00")]
    public void Format_BytesThatAreNotAV8Value_FallsBackToHex(string hex)
    {
        var value = KvValue.V8(Convert.FromHexString(hex));

        Assert.Equal(KvValueDisplay.Hex(Convert.FromHexString(hex)), KvValueDisplay.Format(value));
    }

    [Fact]
    public void Format_Json_IsPrettyPrinted()
    {
        var formatted = KvValueDisplay.Format(KvValue.Json("""{"a":[1,2],"b":"中"}"""));

        Assert.Equal("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": \"中\"\n}", formatted.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Preview_Json_IsOneCompactLine()
    {
        Assert.Equal("""{"a":[1,2]}""", KvValueDisplay.Preview(KvValue.Json("{ \"a\" : [1,\n 2] }")));
    }

    [Fact]
    public void Preview_JsonWithChinese_KeepsTheCharacters()
    {
        Assert.Equal("""{"城市":"深圳"}""", KvValueDisplay.Preview(KvValue.Json("""{ "城市": "深圳" }""")));
    }

    [Fact]
    public void Preview_LongText_IsCutWithAnEllipsis()
    {
        var preview = KvValueDisplay.Preview(KvValue.Text(new string('x', 500)), maxLength: 10);

        Assert.Equal("xxxxxxxxx…", preview);
    }

    [Fact]
    public void Format_U64_ShowsLikeDeno()
    {
        Assert.Equal("[Deno.KvU64: 18446744073709551615n]", KvValueDisplay.Format(KvValue.U64(ulong.MaxValue)));
    }

    [Fact]
    public void Format_Bytes_ShowsHex()
    {
        Assert.Equal("00 ff 10", KvValueDisplay.Format(KvValue.Bytes(new byte[] { 0, 255, 16 })));
    }
}
