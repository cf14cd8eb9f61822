using EdgeKv.Domain.Namespaces;

namespace EdgeKv.Domain.Projects;

/// <summary>The 计数器 template's parts: the guide's function, the variable it uses, where it goes.</summary>
public static class CounterTemplate
{
    /// <summary>The binding's variable name the guide's code reads (<c>my_kv.get('count')</c>).</summary>
    public const string VariableName = "my_kv";

    /// <summary>The file it is deployed as: <c>functions/index.js</c> answers the project's <c>/</c>.</summary>
    public const string FilePath = "index.js";

    /// <summary>
    /// The EdgeOne guide's 使用 KV → KV 示例 code, verbatim (its line breaks, lost in the guide's one-line copy,
    /// restored: on one line its <c>//</c> comments would swallow the rest of the function).
    /// </summary>
    public const string Function = """
        export async function onRequest({ request, params, env }) {
            // 获取变量名为 my_kv 的命名空间 key
            let count = await my_kv.get('count');
            count = Number(count) + 1;
            // 重新写入 visitCount 键值
            await my_kv.put('count', String(count));
            return new Response("ok", {});
        }

        """;

    /// <summary>The new namespace's name: the project's, with <c>-kv</c> (shortened to fit), or the first free <c>-kv-2</c>, <c>-kv-3</c>….</summary>
    public static string NamespaceName(string projectName, IReadOnlyCollection<string> taken)
    {
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? "-kv" : $"-kv-{n}";
            var name = projectName[..Math.Min(projectName.Length, KvNamespace.MaxNameLength - suffix.Length)] + suffix;
            if (!taken.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return name;
            }
        }
    }
}
