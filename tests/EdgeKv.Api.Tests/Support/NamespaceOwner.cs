using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Namespaces;
using EdgeKv.Domain.Tokens;

namespace EdgeKv.Api.Tests.Support;

/// <summary>A user with an approved KV account, one namespace of theirs and a read-write token over it.</summary>
public sealed record NamespaceOwner(Caller User, int AccountId, NamespaceView Namespace, CreatedAccessToken Token);
