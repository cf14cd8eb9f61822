namespace EdgeKv.Web.Services;

/// <summary>
/// Ready-to-run programs for a namespace, built on <see cref="ConnectionUrls"/> (the one place that knows the URLs):
/// a Deno script over KV Connect and curl calls to the HTTP API. The token is left as <see cref="TokenPlaceholder"/>:
/// the console never shows a secret again after it was made.
/// </summary>
public static class ConnectionSnippets
{
    /// <summary>Stands for the access token in every snippet.</summary>
    public const string TokenPlaceholder = "<ACCESS_TOKEN>";

    /// <summary>A Deno script that writes and reads one key (Deno reads the token from <c>DENO_KV_ACCESS_TOKEN</c>).</summary>
    public static string Deno(ConnectionUrls urls, string storeId) =>
        $$"""
        // DENO_KV_ACCESS_TOKEN="{{TokenPlaceholder}}" deno run --unstable-kv --allow-net --allow-env main.ts
        const kv = await Deno.openKv("{{urls.KvConnect(storeId)}}");
        await kv.set(["greeting"], "hello");
        console.log((await kv.get(["greeting"])).value);
        """;

    /// <summary>curl calls that write and read one key through the HTTP API.</summary>
    public static string Curl(ConnectionUrls urls, string storeId) =>
        $$"""
        TOKEN="{{TokenPlaceholder}}"
        curl -X PUT "{{urls.HttpApi(storeId)}}/values/greeting" -H "Authorization: Bearer $TOKEN" \
             -H "Content-Type: text/plain" --data "hello"
        curl "{{urls.HttpApi(storeId)}}/values/greeting" -H "Authorization: Bearer $TOKEN"
        """;
}
