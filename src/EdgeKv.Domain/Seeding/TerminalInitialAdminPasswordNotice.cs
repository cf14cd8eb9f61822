namespace EdgeKv.Domain.Seeding;

/// <summary>
/// Writes the generated admin password to the process's standard output (the terminal of <c>dotnet run</c>), directly
/// and not through logging, so no log provider or file ever receives it.
/// </summary>
public sealed class TerminalInitialAdminPasswordNotice : IInitialAdminPasswordNotice
{
    private readonly TextWriter _terminal;

    /// <summary>Writes to <see cref="Console.Out"/>.</summary>
    public TerminalInitialAdminPasswordNotice()
        : this(Console.Out)
    {
    }

    /// <summary>Writes to <paramref name="terminal"/>.</summary>
    public TerminalInitialAdminPasswordNotice(TextWriter terminal) => _terminal = terminal;

    /// <inheritdoc />
    public void Show(string email, string password)
    {
        var text = $"""

            ==========================================================================
             EdgeKv created its administrator on this new data folder.
               e-mail:   {email}
               password: {password}
             Sign in with these and change the password at first sign-in (required).
             This password is shown only this once; it is not written to any log.
            ==========================================================================

            """;
        _terminal.Write(text);
        _terminal.Flush();
    }
}
