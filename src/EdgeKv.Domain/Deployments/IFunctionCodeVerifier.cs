namespace EdgeKv.Domain.Deployments;

/// <summary>
/// Loads a deployment's code before it is kept, so a deployment that would not run is refused and the active one keeps
/// serving. The domain cannot run the code itself: the functions runtime implements this (EdgeKv.Functions loads the
/// files in a throwaway sandboxed process). A host without the runtime registers none, and then nothing is loaded.
/// </summary>
public interface IFunctionCodeVerifier
{
    /// <summary>
    /// Why <paramref name="files"/> (path under <c>functions/</c> → source) of project <paramref name="projectId"/> do not
    /// load, as the deploy's refusal — <see cref="Errors.DomainErrors.FunctionCodeDoesNotLoad"/> with the runtime's
    /// message (file and line where it gives them), or <see cref="Errors.DomainErrors.FunctionLoadOverMemory"/> — or
    /// null when every file loads and every route file exports a handler.
    /// </summary>
    Task<Errors.DomainError?> FindLoadErrorAsync(int projectId, IReadOnlyDictionary<string, string> files, CancellationToken cancellationToken);
}
