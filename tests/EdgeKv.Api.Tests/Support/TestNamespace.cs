using EdgeKv.Core.Store;

namespace EdgeKv.Api.Tests.Support;

/// <summary>One namespace of the test host: its engine store, its tokens and its KV Connect database URL.</summary>
internal sealed record TestNamespace(string Id, IKvStore Store, string WriteToken, string ReadToken, string Url);
