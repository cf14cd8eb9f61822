using EdgeKv.Web.Components.Pages.Bindings;

namespace EdgeKv.Web.Tests.Dialogs;

public sealed class BindDialogTests
{
    [Theory]
    [InlineData("my_kv", null)]
    [InlineData("$kv2", null)]
    [InlineData("class", "binding.reserved_variable_name")]
    [InlineData("2kv", "binding.invalid_variable_name")]
    [InlineData("my-kv", "binding.invalid_variable_name")]
    [InlineData("", "binding.invalid_variable_name")]
    public void ValidateVariableName_Name_GivesTheDomainsError(string name, string? expectedCode)
    {
        var error = BindDialog.ValidateVariableName(name);

        Assert.Equal(expectedCode, error?.Code);
    }
}
