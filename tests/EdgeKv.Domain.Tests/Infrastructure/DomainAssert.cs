using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Tests.Infrastructure;

internal static class DomainAssert
{
    /// <summary>Asserts that <paramref name="action"/> is refused with <paramref name="expected"/>'s code; returns the exception.</summary>
    public static async Task<DomainException> RefusedAsync(DomainError expected, Func<Task> action)
    {
        var exception = await Assert.ThrowsAsync<DomainException>(action);
        Assert.Equal(expected.Code, exception.Code);
        return exception;
    }
}
