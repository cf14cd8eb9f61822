using EdgeKv.Core.Values;
using EdgeKv.Web.Components.Pages.Kv.Records;
using EdgeKv.Web.Hosting;

namespace EdgeKv.Web.Tests.ViewModels;

public sealed class RecordValueViewTests
{
    [Fact]
    public void PrettyJson_ChineseJson_IsIndentedAndUnescaped()
    {
        var view = new RecordValueView(KvValue.Json("{\"name\":\"计数器\",\"count\":1}"));

        Assert.Equal("{\n  \"name\": \"计数器\",\n  \"count\": 1\n}", view.PrettyJson);
    }

    [Fact]
    public void PrettyJson_PlainText_IsNull()
    {
        Assert.Null(new RecordValueView(KvValue.Text("hello")).PrettyJson);
    }

    [Fact]
    public void Preview_LongMultilineText_IsOneLineCutAtTheLimit()
    {
        var view = new RecordValueView(KvValue.Text("line one\nline two\t" + new string('x', 200)));

        Assert.StartsWith("line one line two xxx", view.Preview);
        Assert.Equal(RecordValueView.PreviewLength + 1, view.Preview.Length);
        Assert.EndsWith("…", view.Preview);
    }

    [Fact]
    public void TextAndPreview_V8ValueFromDeno_ReadAsDenoPrintsIt()
    {
        // { name: "alex", age: 31 } as V8's serializer writes it (what Deno KV stores for that object).
        var view = new RecordValueView(KvValue.V8(Convert.FromHexString("ff0f6f22046e616d652204616c65782203616765493e7b02")));

        Assert.Equal("{ name: \"alex\", age: 31 }", view.Text);
        Assert.Equal("{ name: \"alex\", age: 31 }", view.Preview);
        Assert.False(view.IsEditableText);
    }

    [Fact]
    public void Text_V8ValueOverTheDecodeLimit_IsNullSoItShowsAsHex()
    {
        var view = new RecordValueView(KvValue.V8(new byte[RecordValueView.MaxDecodedV8Bytes + 1]));

        Assert.Null(view.Text);
    }

    [Fact]
    public void Text_U64_IsTheNumber()
    {
        var view = new RecordValueView(KvValue.U64(42));

        Assert.Equal("42", view.Text);
        Assert.False(view.IsEditableText);
    }

    [Fact]
    public void HexDump_Bytes_ShowsOffsetHexAndAscii()
    {
        var view = new RecordValueView(KvValue.Bytes("Hi!\0"u8.ToArray()));

        Assert.Null(view.Text);
        Assert.Equal("00000000  48 69 21 00" + new string(' ', 12 * 3) + "  Hi!.\n", view.HexDump);
    }

    [Fact]
    public void HexDump_ValueOverTheCap_SaysHowManyBytesAreLeftOut()
    {
        var view = new RecordValueView(KvValue.Bytes(new byte[RecordValueView.MaxHexBytes + 10]));

        Assert.EndsWith("… 10 more bytes\n", view.HexDump);
    }

    [Theory]
    [InlineData(CircuitLimits.MaxTypedValueBytes, true)]
    [InlineData(CircuitLimits.MaxTypedValueBytes + 1, false)]
    public void FitsTheEditor_TextAroundTheTypedLimit_OnlyUpToTheLimit(int bytes, bool expected)
    {
        Assert.Equal(expected, new RecordValueView(KvValue.Text(new string('a', bytes))).FitsTheEditor);
    }

    [Fact]
    public void FitsTheEditor_SmallBinary_IsFalse()
    {
        Assert.False(new RecordValueView(KvValue.Bytes(new byte[] { 1 })).FitsTheEditor);
    }
}
