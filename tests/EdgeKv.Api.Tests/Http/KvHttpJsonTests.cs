using System.Text;
using EdgeKv.Api.Http;

namespace EdgeKv.Api.Tests.Http;

public sealed class KvHttpJsonTests
{
    [Theory]
    [InlineData("{\"a\":1}", true)]
    [InlineData("[1,2]", true)]
    [InlineData("\"text\"", true)]
    [InlineData("42", true)]
    [InlineData(" null ", true)]
    [InlineData("plain words", false)]
    [InlineData("{\"a\":1} trailing", false)]
    [InlineData("{\"a\":", false)]
    [InlineData("", false)]
    public void IsValid_Text_TellsCompleteJsonValues(string text, bool expected)
    {
        Assert.Equal(expected, KvHttpJson.IsValid(Encoding.UTF8.GetBytes(text)));
    }
}
