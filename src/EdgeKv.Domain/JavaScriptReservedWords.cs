namespace EdgeKv.Domain;

/// <summary>
/// Names a binding's variable may not take: ECMAScript reserved words (including strict-mode and future ones),
/// plus the globals a binding must not shadow. A function module is strict, so the strict-mode words count.
/// </summary>
internal static class JavaScriptReservedWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
        "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof",
        "var", "void", "while", "with", "yield", "let", "static", "implements", "interface", "package",
        "private", "protected", "public", "arguments", "eval", "undefined", "NaN", "Infinity",
    };

    public static bool Contains(string name) => Words.Contains(name);
}
