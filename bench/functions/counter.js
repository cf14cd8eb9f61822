// The EdgeOne guide's KV 示例 (the 计数器 template's function), verbatim.
export async function onRequest({ request, params, env }) {
    // 获取变量名为 my_kv 的命名空间 key
    let count = await my_kv.get('count');
    count = Number(count) + 1;
    // 重新写入 visitCount 键值
    await my_kv.put('count', String(count));
    return new Response("ok", {});
}
