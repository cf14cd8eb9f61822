namespace EdgeKv.Functions.Runtime;

/// <summary>A written deployment folder: where it is, and which function files other function files import (modules, not routes).</summary>
internal sealed record RuntimeFolder(string Directory, IReadOnlySet<string> ImportedFiles);
