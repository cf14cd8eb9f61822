// The hello-world function of the functions benchmark: the same file runs on EdgeKv, bare Deno.serve and miniflare.
export async function onRequest({ request, params, env }) {
    return new Response("hello, world");
}
