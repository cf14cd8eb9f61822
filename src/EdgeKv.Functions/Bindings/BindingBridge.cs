using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeKv.Core;
using EdgeKv.Core.EdgeOne;
using EdgeKv.Core.Registry;
using EdgeKv.Domain.Bindings;
using EdgeKv.Domain.Storage;
using EdgeKv.Functions.Outbound;

namespace EdgeKv.Functions.Bindings;

/// <summary>
/// Serves the binding globals' calls of one project's process: <c>put/get/delete/list</c> on the namespace bound under
/// the call's variable name, through <see cref="EdgeOneKv"/> (the one string-key model: key rules, metadata
/// companions, listing). A name the project has not bound reaches nothing: the process only knows its own names, and
/// the host refuses any other. Engine errors come back as the call's error, with the engine's message, and so does
/// an unavailable storage (<see cref="StorageUnavailability"/>). The runtime's
/// <c>fetch</c> comes over the same calls (op <c>fetch</c>, no binding) and is made by <see cref="OutboundFetch"/>.
/// </summary>
internal sealed class BindingBridge
{
    private readonly IKvStoreRegistry _registry;
    private readonly Dictionary<string, string> _stores;
    private readonly OutboundFetch _outbound;

    public BindingBridge(IKvStoreRegistry registry, IReadOnlyList<BoundStore> bindings, OutboundFetch outbound)
    {
        _registry = registry;
        _outbound = outbound;
        _stores = bindings.ToDictionary(b => b.VariableName, b => b.StoreId, StringComparer.Ordinal);
    }

    /// <summary>The result frame of <paramref name="call"/>.</summary>
    public async Task<JsonObject> HandleAsync(JsonObject call, CancellationToken cancellationToken)
    {
        var id = call["id"]!.GetValue<long>();
        try
        {
            var value = await InvokeAsync(call, cancellationToken);
            return new JsonObject { ["t"] = "result", ["id"] = id, ["ok"] = true, ["value"] = value };
        }
        catch (Exception error) when (StorageUnavailability.IsUnavailable(error))
        {
            // The same words as every other surface (the HTTP API's 503): the function can catch it and try again.
            return Failed(id, KvErrors.StorageUnavailable);
        }
        catch (Exception error) when (error is KvException or BindingCallException or FetchRefusedException or HttpRequestException)
        {
            return Failed(id, error.Message);
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException)
        {
            // A frame the shim would not send (a number where a string belongs): the project's own doing.
            return Failed(id, "invalid arguments of a binding call");
        }
    }

    private static JsonObject Failed(long id, string message) =>
        new() { ["t"] = "result", ["id"] = id, ["ok"] = false, ["error"] = message };

    private async Task<JsonNode?> InvokeAsync(JsonObject call, CancellationToken cancellationToken)
    {
        if (call["op"]?.GetValue<string>() == "fetch")
        {
            return await _outbound.SendAsync(call, cancellationToken);
        }

        var binding = call["binding"]?.GetValue<string>() ?? "";
        if (!_stores.TryGetValue(binding, out var storeId))
        {
            throw new BindingCallException($"{binding} is not bound to this project");
        }

        var kv = new EdgeOneKv(await _registry.OpenAsync(storeId, cancellationToken));
        var key = call["key"]?.GetValue<string>() ?? "";
        switch (call["op"]?.GetValue<string>())
        {
            case "put":
                if (call["bytes"]?.GetValue<string>() is { } base64)
                {
                    await kv.PutAsync(key, Convert.FromBase64String(base64), cancellationToken);
                }
                else
                {
                    await kv.PutAsync(key, call["text"]?.GetValue<string>() ?? "", cancellationToken);
                }

                return null;
            case "get":
                return await GetAsync(kv, key, call["type"]?.GetValue<string>(), cancellationToken);
            case "delete":
                await kv.DeleteAsync(key, cancellationToken);
                return null;
            case "list":
                return await ListAsync(kv, call, cancellationToken);
            default:
                throw new BindingCallException("unknown binding operation");
        }
    }

    private static async Task<JsonNode?> GetAsync(EdgeOneKv kv, string key, string? typeName, CancellationToken cancellationToken)
    {
        var type = EdgeOneKv.ParseType(typeName);
        // JSON is parsed by the engine (its message when it is not JSON) and again by the function: text crosses.
        var value = await kv.GetAsync(key, type == EdgeOneValueType.Stream ? EdgeOneValueType.ArrayBuffer : type, cancellationToken);
        return value switch
        {
            null => null,
            string text => new JsonObject { ["text"] = text },
            JsonElement json => new JsonObject { ["text"] = json.GetRawText() },
            byte[] bytes => new JsonObject { ["bytes"] = Convert.ToBase64String(bytes) },
            _ => throw new KvException(KvErrorCode.EdgeOneGetType),
        };
    }

    private static async Task<JsonNode> ListAsync(EdgeOneKv kv, JsonObject call, CancellationToken cancellationToken)
    {
        var limit = call["limit"] is JsonValue limitValue && limitValue.TryGetValue<double>(out var number)
            ? (number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : 0)
            : (int?)null;
        var options = new EdgeOneListOptions(call["prefix"]?.GetValue<string>(), limit, call["cursor"]?.GetValue<string>());
        var result = await kv.ListAsync(options, cancellationToken);
        var keys = new JsonArray([.. result.Keys.Select(k => (JsonNode)new JsonObject { ["key"] = k.Key })]);
        return new JsonObject { ["complete"] = result.Complete, ["cursor"] = result.Cursor, ["keys"] = keys };
    }
}
