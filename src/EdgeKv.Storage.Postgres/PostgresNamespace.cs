namespace EdgeKv.Storage.Postgres;

/// <summary>A namespace as its store knows it: the internal id its rows are keyed by, its name and budget group.</summary>
internal sealed record PostgresNamespace(long Id, string Name, string? BudgetGroup);
