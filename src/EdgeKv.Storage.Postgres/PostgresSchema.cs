namespace EdgeKv.Storage.Postgres;

/// <summary>
/// The backend's tables, an ordered list of migrations. Opening a database applies, in one transaction and under an
/// advisory lock (several nodes may start at once), every migration after the version in <c>kv_schema_version</c>.
/// Never edit a shipped migration: append a new one.
/// </summary>
internal static class PostgresSchema
{
    public static readonly string[] Migrations =
    [
        // 1: namespaces with their commit version, exact stats and deletion horizon (one row each, written by every
        // commit, so commits to one namespace are serialized across nodes); budget groups with their use; entries
        // keyed by (namespace, key) with keys as bytea, whose order is memcmp's, i.e. Deno's; remembered deletions;
        // and the change log that carries commits to the watchers of other nodes (one row per commit group, keyed by its
        // last version).
        """
        CREATE TABLE kv_namespaces (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          name text NOT NULL UNIQUE,
          budget_group text,
          version bigint NOT NULL DEFAULT 0,
          key_count bigint NOT NULL DEFAULT 0,
          stored_bytes bigint NOT NULL DEFAULT 0,
          deletions_kept_after bigint NOT NULL DEFAULT 0,
          deletion_bytes bigint NOT NULL DEFAULT 0,
          created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE kv_budgets (
          budget_group text NOT NULL PRIMARY KEY,
          limit_bytes bigint,
          used_bytes bigint NOT NULL DEFAULT 0
        );
        CREATE TABLE kv_entries (
          ns bigint NOT NULL,
          k bytea NOT NULL,
          v bytea NOT NULL,
          encoding smallint NOT NULL,
          version bigint NOT NULL,
          expires_at bigint,
          PRIMARY KEY (ns, k)
        );
        CREATE INDEX kv_entries_expires_at ON kv_entries (ns, expires_at) WHERE expires_at IS NOT NULL;
        CREATE TABLE kv_deletions (
          ns bigint NOT NULL,
          k bytea NOT NULL,
          version bigint NOT NULL,
          PRIMARY KEY (ns, k)
        );
        CREATE INDEX kv_deletions_version ON kv_deletions (ns, version);
        CREATE TABLE kv_changes (
          ns bigint NOT NULL,
          version bigint NOT NULL,
          changes bytea NOT NULL,
          committed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (ns, version)
        );
        """,
    ];
}
