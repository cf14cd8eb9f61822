using System.Reflection;
using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Tests.Errors;

public sealed class DomainErrorsTests
{
    private static IReadOnlyList<DomainError> All =>
        [.. typeof(DomainErrors).GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => (DomainError)p.GetValue(null)!)];

    [Fact]
    public void Codes_EveryError_UniqueAndDotted()
    {
        // Arrange
        var codes = All.Select(e => e.Code).ToList();

        // Act
        var duplicates = codes.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        // Assert
        Assert.True(codes.Count > 30);
        Assert.Empty(duplicates);
        Assert.All(codes, c => Assert.Matches("^[a-z]+\\.[a-z_]+$", c));
    }

    [Fact]
    public void Message_WithArguments_FillsThePlaceholders()
    {
        // Arrange
        var error = DomainErrors.NamespaceLimitReached.With(10);

        // Act
        var exception = error.ToException();

        // Assert
        Assert.Equal("Namespace limit reached (10 per account)", exception.Message);
        Assert.Equal("namespace.limit_reached", exception.Code);
        Assert.Equal([10], exception.Error.Arguments);
    }
}
