namespace EdgeKv.Functions.Bindings;

/// <summary>
/// A binding call the runtime's shim should not have made (an unbound name, an unknown operation): answered to the
/// function as the call's error, like an engine refusal, but not one of the engine's coded errors.
/// </summary>
internal sealed class BindingCallException(string message) : Exception(message);
