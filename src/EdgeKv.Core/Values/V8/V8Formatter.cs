using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using EdgeKv.Core.Keys;

namespace EdgeKv.Core.Values.V8;

/// <summary>Prints a read V8 value the way Deno's <c>console.log</c> shows it, on one line.</summary>
internal static partial class V8Formatter
{
    public static string Format(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, depth: 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        if (depth > 64)
        {
            text.Append("[…]"); // cyclic or absurdly deep: references can make a value contain itself
            return;
        }

        switch (value)
        {
            case null: text.Append("null"); break;
            case V8Undefined: text.Append("undefined"); break;
            case bool flag: text.Append(flag ? "true" : "false"); break;
            case double number: text.Append(KvKeyFormatter.FormatNumber(number)); break;
            case BigInteger big: text.Append(big.ToString(CultureInfo.InvariantCulture)).Append('n'); break;
            case string str: text.Append(Quote(str)); break;
            case DateTimeOffset date: text.Append(date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)); break;
            case V8RegExp regExp: text.Append('/').Append(regExp.Pattern).Append('/').Append(regExp.Flags); break;
            case V8Boxed boxed: text.Append('['); Write(text, boxed.Primitive, depth + 1); text.Append(']'); break;
            case V8Bytes bytes: text.Append($"{bytes.ViewKind ?? "ArrayBuffer"}({bytes.Bytes.Length}) [{string.Join(", ", bytes.Bytes.Take(64))}{(bytes.Bytes.Length > 64 ? ", …" : "")}]"); break;
            case V8Array array: WriteList(text, "[", "]", array.Elements, depth); break;
            case V8Set set: WriteList(text, $"Set({set.Members.Count}) {{", "}", set.Members, depth); break;
            case V8Object obj: WriteObject(text, obj, depth); break;
            case V8Map map: WriteMap(text, map, depth); break;
            default: text.Append(value); break;
        }
    }

    private static void WriteList(StringBuilder text, string open, string close, List<object?> items, int depth)
    {
        text.Append(open);
        for (var i = 0; i < items.Count; i++)
        {
            text.Append(i == 0 ? " " : ", ");
            Write(text, items[i], depth + 1);
        }

        text.Append(items.Count == 0 ? close : " " + close);
    }

    private static void WriteObject(StringBuilder text, V8Object obj, int depth)
    {
        text.Append('{');
        for (var i = 0; i < obj.Properties.Count; i++)
        {
            var (name, value) = obj.Properties[i];
            text.Append(i == 0 ? " " : ", ").Append(Identifier().IsMatch(name) ? name : Quote(name)).Append(": ");
            Write(text, value, depth + 1);
        }

        text.Append(obj.Properties.Count == 0 ? "}" : " }");
    }

    private static void WriteMap(StringBuilder text, V8Map map, int depth)
    {
        text.Append($"Map({map.Entries.Count}) {{");
        for (var i = 0; i < map.Entries.Count; i++)
        {
            text.Append(i == 0 ? " " : ", ");
            Write(text, map.Entries[i].Key, depth + 1);
            text.Append(" => ");
            Write(text, map.Entries[i].Value, depth + 1);
        }

        text.Append(map.Entries.Count == 0 ? "}" : " }");
    }

    // Escapes only what a JavaScript string literal must: quotes, backslashes and control characters, so that
    // every other character (CJK, emoji) shows as itself.
    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
