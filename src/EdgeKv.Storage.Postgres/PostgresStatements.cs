namespace EdgeKv.Storage.Postgres;

/// <summary>
/// Every SQL statement of the PostgreSQL backend, named. Parameters are positional ($1…); <c>ns</c> is a namespace's
/// internal id. Keys are <c>bytea</c>, compared as memcmp (then length), which is Deno's key order.
/// </summary>
internal static class PostgresStatements
{
    /// <summary>The channel every commit notifies, with the payload "namespace id:version".</summary>
    public const string ChangeChannel = "edgekv_kv_changes";

    // Advisory lock keys (two-int form: class, object). The class tells our locks apart from anyone else's.
    public const int MigrationLockClass = 0x45_4B_56_01;
    public const int SweepLockClass = 0x45_4B_56_02;
    public const int CommitLockClass = 0x45_4B_56_03;

    // Schema versioning (migrations are in PostgresSchema).
    public const string LockMigrations = "SELECT pg_advisory_xact_lock($1, 0)";
    public const string CreateSchemaVersionTable =
        "CREATE TABLE IF NOT EXISTS kv_schema_version (id int PRIMARY KEY CHECK (id = 0), version int NOT NULL)";
    public const string GetSchemaVersion = "SELECT version FROM kv_schema_version WHERE id = 0";
    public const string SetSchemaVersion =
        "INSERT INTO kv_schema_version (id, version) VALUES (0, $1) ON CONFLICT (id) DO UPDATE SET version = excluded.version";

    // Every write transaction is durable before it is acknowledged, whatever the server's default.
    public const string SynchronousCommit = "SET LOCAL synchronous_commit TO on";

    // Namespaces (the catalog).
    public const string FindNamespace = "SELECT id, budget_group FROM kv_namespaces WHERE name = $1";
    public const string NamespaceExists = "SELECT EXISTS (SELECT 1 FROM kv_namespaces WHERE name = $1)";
    public const string ListNamespaces = "SELECT name FROM kv_namespaces ORDER BY name COLLATE \"C\"";
    public const string AddNamespace =
        "INSERT INTO kv_namespaces (name, budget_group) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id";
    public const string EnsureBudgetRow =
        "INSERT INTO kv_budgets (budget_group) VALUES ($1) ON CONFLICT (budget_group) DO NOTHING";
    public const string GetStoredBytes = "SELECT stored_bytes FROM kv_namespaces WHERE id = $1";
    public const string RemoveNamespaceRow = "DELETE FROM kv_namespaces WHERE id = $1";
    public const string RemoveNamespaceEntries = "DELETE FROM kv_entries WHERE ns = $1";
    public const string RemoveNamespaceDeletions = "DELETE FROM kv_deletions WHERE ns = $1";
    public const string RemoveNamespaceChanges = "DELETE FROM kv_changes WHERE ns = $1";

    // Budget groups.
    public const string SetBudget =
        "INSERT INTO kv_budgets (budget_group, limit_bytes) VALUES ($1, $2) " +
        "ON CONFLICT (budget_group) DO UPDATE SET limit_bytes = excluded.limit_bytes";
    public const string GetBudget = "SELECT used_bytes, limit_bytes FROM kv_budgets WHERE budget_group = $1";
    public const string LockBudget = "SELECT used_bytes, limit_bytes FROM kv_budgets WHERE budget_group = $1 FOR UPDATE";
    public const string AddBudgetUse = "UPDATE kv_budgets SET used_bytes = used_bytes + $2 WHERE budget_group = $1";

    // Meta: a namespace's version and exact stats. Every writer of a namespace (commit group, sweep, deletion) first
    // takes its commit lock, an advisory transaction lock: this serializes commits across nodes, so versions follow
    // commit order. Chosen over SELECT … FOR UPDATE on the meta row, which writes a lock into the row (and
    // the WAL) that the same transaction's UPDATE then replaces. The meta read is a statement after the lock, so its
    // snapshot sees the previous holder's commit.
    public const string LockNamespace = "SELECT pg_advisory_xact_lock($1, $2::int)";
    public const string GetStats = "SELECT key_count, stored_bytes FROM kv_namespaces WHERE id = $1";
    public const string GetVersion = "SELECT version FROM kv_namespaces WHERE id = $1";
    public const string GetMeta =
        "SELECT version, key_count, stored_bytes, deletion_bytes FROM kv_namespaces WHERE id = $1";
    public const string SetMeta =
        "UPDATE kv_namespaces SET version = $2, key_count = $3, stored_bytes = $4, deletion_bytes = $5 WHERE id = $1";

    // Reads (each one statement, so one snapshot). Expired rows are invisible from the moment they expire.
    // Keys asked by the array are looked up one by one (a LATERAL primary-key probe per key of unnest(…)) rather than
    // matched with "k = ANY(…)" or a join: auto-prepared statements get a generic plan, and the ones chosen for those
    // while the table was small scanned the whole namespace (measured with pg_stat_statements: 18 ms per group commit
    // at 13,000 keys with ANY, 4.6 ms with a join; see bench/README.md). The probe's LIMIT 1 (a key has one row) keeps
    // the planner from pulling the LATERAL subquery up into a plain join, which it did without it (5.3 ms per group
    // commit at 20,000 keys): so the probe can only be an index lookup.
    private const string Live = "(expires_at IS NULL OR expires_at > $4)";
    public const string GetMany =
        "SELECT e.k, e.v, e.encoding, e.version, e.expires_at FROM unnest($2::bytea[]) AS q (k) CROSS JOIN LATERAL " +
        "(SELECT * FROM kv_entries WHERE ns = $1 AND k = q.k AND (expires_at IS NULL OR expires_at > $3) LIMIT 1) AS e";
    public const string ListAscending =
        "SELECT k, v, encoding, version, expires_at FROM kv_entries " +
        "WHERE ns = $1 AND k >= $2 AND k < $3 AND " + Live + " ORDER BY k ASC LIMIT $5";
    public const string ListDescending =
        "SELECT k, v, encoding, version, expires_at FROM kv_entries " +
        "WHERE ns = $1 AND k >= $2 AND k < $3 AND " + Live + " ORDER BY k DESC LIMIT $5";
    public const string CountRange =
        "SELECT count(*) FROM kv_entries WHERE ns = $1 AND k >= $2 AND k < $3 AND " + Live;
    public const string KeyAtOffset =
        "SELECT k FROM kv_entries WHERE ns = $1 AND k >= $2 AND k < $3 AND " + Live + " ORDER BY k ASC LIMIT 1 OFFSET $5";

    // Writes. A group commit reads the state of every key it touches at once (size, encoding, version, expiry, and
    // the value only where sum/min/max may need it), evaluates its commits in memory, then writes the outcome with
    // one statement per kind.
    public const string RowStates =
        "SELECT e.k, length(e.k) + length(e.v), e.encoding, e.version, e.expires_at, CASE WHEN e.encoding = 4 THEN e.v END " +
        "FROM unnest($2::bytea[]) AS q (k) CROSS JOIN LATERAL (SELECT * FROM kv_entries WHERE ns = $1 AND k = q.k LIMIT 1) AS e";
    // A commit group's transaction is opened and closed by statements, so COMMIT travels in the group's write batch.
    public const string Begin = "BEGIN";
    public const string Commit = "COMMIT";
    public const string Rollback = "ROLLBACK";
    // The group holds the namespace's commit lock and read every key's state under it, so it knows which rows exist:
    // new rows are plain inserts, without ON CONFLICT's speculative insertion.
    public const string InsertMany =
        "INSERT INTO kv_entries (ns, k, v, encoding, version, expires_at) " +
        "SELECT $1, * FROM unnest($2::bytea[], $3::bytea[], $4::smallint[], $5::bigint[], $6::bigint[])";
    // Existing rows, one statement for the whole group. An upsert on rows known to exist finds each by the primary
    // key's index (its conflict check), whatever plan the statement has: an UPDATE joined to unnest(…) may get a
    // generic plan that scans the namespace (see RowStates), and one statement per key cost a Bind and Execute each.
    public const string UpdateMany =
        "INSERT INTO kv_entries (ns, k, v, encoding, version, expires_at) " +
        "SELECT $1, * FROM unnest($2::bytea[], $3::bytea[], $4::smallint[], $5::bigint[], $6::bigint[]) " +
        "ON CONFLICT (ns, k) DO UPDATE SET v = excluded.v, encoding = excluded.encoding, version = excluded.version, " +
        "expires_at = excluded.expires_at";
    // Removed rows, one statement: the rows are found by LATERAL primary-key probes (as RowStates) and deleted by
    // their physical address (a TID scan), so no plan can scan the namespace. The group's commit lock keeps the rows
    // where they are between the two.
    public const string DeleteMany =
        "DELETE FROM kv_entries WHERE ctid = ANY (ARRAY (SELECT e.ctid FROM unnest($2::bytea[]) AS q (k) CROSS JOIN LATERAL " +
        "(SELECT ctid FROM kv_entries WHERE ns = $1 AND k = q.k LIMIT 1) AS e))";
    public const string RecordDeletions =
        "INSERT INTO kv_deletions (ns, k, version) SELECT $1, * FROM unnest($2::bytea[], $3::bigint[]) " +
        "ON CONFLICT (ns, k) DO UPDATE SET version = excluded.version";
    public const string RecordChanges = "INSERT INTO kv_changes (ns, version, changes) VALUES ($1, $2, $3)";
    public const string Notify = "SELECT pg_notify('" + ChangeChannel + "', $1)";

    // Expiry sweep: one batch of expired rows, by the partial index; skipped when another node is sweeping.
    public const string TrySweepLock = "SELECT pg_try_advisory_xact_lock($1, $2::int)";
    public const string DeleteExpired =
        "DELETE FROM kv_entries WHERE ns = $1 AND k IN (SELECT k FROM kv_entries WHERE ns = $1 AND expires_at IS NOT NULL " +
        "AND expires_at <= $2 ORDER BY expires_at LIMIT $3) RETURNING k, length(k) + length(v)";
    public const string EarliestExpiry = "SELECT min(expires_at) FROM kv_entries WHERE ns = $1 AND expires_at IS NOT NULL";
    public const string PruneChanges = "DELETE FROM kv_changes WHERE ns = $1 AND committed_at < now() - $2::interval";

    // Remembered deletions. A deletion counts its key plus 16 bytes (as SQLite's); the deletions of one commit are
    // forgotten together (the window's peers), and the horizon rises to the newest forgotten version.
    public const int DeletionRowOverhead = 16;
    public const string PruneDeletions =
        "WITH sized AS (SELECT version, sum(length(k) + 16) OVER (ORDER BY version DESC) AS newer FROM kv_deletions WHERE ns = $1), " +
        "cutoff AS (SELECT max(version) AS v FROM sized WHERE newer > $2), " +
        "gone AS (DELETE FROM kv_deletions d USING cutoff WHERE d.ns = $1 AND d.version <= cutoff.v RETURNING 1) " +
        "UPDATE kv_namespaces SET deletions_kept_after = greatest(deletions_kept_after, coalesce((SELECT v FROM cutoff), 0)) " +
        "WHERE id = $1";
    public const string RecountDeletionBytes =
        "UPDATE kv_namespaces SET deletion_bytes = (SELECT coalesce(sum(length(k) + 16), 0) FROM kv_deletions WHERE ns = $1) " +
        "WHERE id = $1";
    public const string GetDeletionHorizon = "SELECT deletions_kept_after, version FROM kv_namespaces WHERE id = $1";
    public const string ListDeletions =
        "SELECT d.k, d.version FROM kv_deletions d " +
        "WHERE d.ns = $1 AND d.k > $2 AND d.k >= $3 AND d.k < $4 AND d.version > $5 AND NOT EXISTS " +
        "(SELECT 1 FROM kv_entries e WHERE e.ns = d.ns AND e.k = d.k AND (e.expires_at IS NULL OR e.expires_at > $6)) " +
        "ORDER BY d.k LIMIT $7";

    // The change log, read by the nodes that did not make a commit (after a notification or a reconnect).
    public const string ChangesAfter =
        "SELECT changes FROM kv_changes WHERE ns = $1 AND version > $2 ORDER BY version LIMIT $3";

    // The replica's lag (PostgresReplicaMonitor): where the primary's WAL ends now, and how far the replica has replayed.
    public const string PrimaryWalPosition = "SELECT pg_current_wal_lsn()";
    public const string ReplicaReplayPosition = "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()";
}
