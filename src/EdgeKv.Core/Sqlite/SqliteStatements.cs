namespace EdgeKv.Core.Sqlite;

/// <summary>
/// Every SQL statement of the store, in one place. Rows of <c>kv</c> hold the tuple-encoded key, the value with its
/// encoding, the commit version that last wrote it and an optional expiry (ms since the Unix epoch). A row whose
/// <c>expires_at</c> is at or before "now" is invisible to every read, so reads pass "now" as <c>$now</c>.
/// </summary>
internal static class SqliteStatements
{
    // Connection set-up. synchronous=FULL fsyncs the WAL on every commit (an acknowledged commit survives a crash);
    // wal_autocheckpoint=0 keeps checkpoints off the writer's path (the background checkpointer does them).
    public const string WriterPragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=0; " +
        "PRAGMA journal_size_limit=67108864; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16384;";

    public const string ReaderPragmas = "PRAGMA query_only=1; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-8192;";

    public const string CheckpointerPragmas = "PRAGMA busy_timeout=0;";

    public const string CheckpointPassive = "PRAGMA wal_checkpoint(PASSIVE)";
    public const string CheckpointTruncate = "PRAGMA wal_checkpoint(TRUNCATE)";

    // Transactions. The writer's BEGIN IMMEDIATE takes the write lock up front; readers' deferred BEGIN pins one
    // snapshot from their first read to COMMIT (WAL snapshot isolation).
    public const string BeginWrite = "BEGIN IMMEDIATE";
    public const string BeginRead = "BEGIN";
    public const string Commit = "COMMIT";
    public const string Rollback = "ROLLBACK";
    public const string Savepoint = "SAVEPOINT one_commit";
    public const string ReleaseSavepoint = "RELEASE one_commit";
    public const string RollbackToSavepoint = "ROLLBACK TO one_commit";

    // Schema versioning (migrations are in SqliteSchema).
    public const string CreateSchemaVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 0), version INTEGER NOT NULL)";
    public const string GetSchemaVersion = "SELECT version FROM schema_version WHERE id = 0";
    public const string SetSchemaVersion = "INSERT OR REPLACE INTO schema_version (id, version) VALUES (0, $version)";

    // Meta: the last commit version and exact stats, written in the same transaction as every commit.
    public const string GetMeta = "SELECT version, key_count, stored_bytes FROM meta WHERE id = 0";
    public const string SetMeta =
        "UPDATE meta SET version = $version, key_count = $key_count, stored_bytes = $stored_bytes WHERE id = 0";

    // Reads.
    public const string GetEntry =
        "SELECT v, encoding, version, expires_at FROM kv WHERE k = $k AND (expires_at IS NULL OR expires_at > $now)";
    public const string ListAscending =
        "SELECT k, v, encoding, version, expires_at FROM kv " +
        "WHERE k >= $start AND k < $end AND (expires_at IS NULL OR expires_at > $now) ORDER BY k ASC LIMIT $limit";
    public const string ListDescending =
        "SELECT k, v, encoding, version, expires_at FROM kv " +
        "WHERE k >= $start AND k < $end AND (expires_at IS NULL OR expires_at > $now) ORDER BY k DESC LIMIT $limit";

    // Positions in a list range, keys only (the console's total and its jump to page N): a count, and the key at a
    // 0-based offset. Both walk the clustered key range without returning values.
    public const string CountRange =
        "SELECT count(*) FROM kv WHERE k >= $start AND k < $end AND (expires_at IS NULL OR expires_at > $now)";
    public const string KeyAtOffset =
        "SELECT k FROM kv WHERE k >= $start AND k < $end AND (expires_at IS NULL OR expires_at > $now) " +
        "ORDER BY k ASC LIMIT 1 OFFSET $offset";

    // Writes. The row's size and state are read first so stats and budgets are exact; expired rows still count
    // as stored until they are overwritten or swept.
    public const string GetRowState = "SELECT length(k) + length(v), encoding, version, expires_at FROM kv WHERE k = $k";
    public const string GetRowValue = "SELECT v FROM kv WHERE k = $k";
    public const string Upsert =
        "INSERT INTO kv (k, v, encoding, version, expires_at) VALUES ($k, $v, $encoding, $version, $expires_at) " +
        "ON CONFLICT (k) DO UPDATE SET v = excluded.v, encoding = excluded.encoding, version = excluded.version, " +
        "expires_at = excluded.expires_at";
    public const string Delete = "DELETE FROM kv WHERE k = $k";

    // Expiry sweep (uses the partial index on expires_at).
    public const string DeleteExpired =
        "DELETE FROM kv WHERE k IN (SELECT k FROM kv WHERE expires_at IS NOT NULL AND expires_at <= $now " +
        "ORDER BY expires_at LIMIT $limit) RETURNING k, length(k) + length(v)";
    public const string EarliestExpiry = "SELECT min(expires_at) FROM kv WHERE expires_at IS NOT NULL";

    // Remembered deletions (kv_deleted): written with each deletion, pruned oldest first, read by resumed watches.
    // A key set again after its deletion keeps its row here; readers skip keys that are live now.
    public const string RecordDeletion =
        "INSERT INTO kv_deleted (k, version) VALUES ($k, $version) " +
        "ON CONFLICT (k) DO UPDATE SET version = excluded.version";
    // A remembered deletion's size: its key plus 16 bytes for the version and the row's bookkeeping (the writer adds
    // DeletionRowOverhead itself as it records; keep the two equal).
    public const int DeletionRowOverhead = 16;
    private const string DeletionRowSize = "(length(k) + 16)";
    public const string DeletionBytes = "SELECT coalesce(sum" + DeletionRowSize + ", 0) FROM kv_deleted";
    public const string DeletionPruneCutoff =
        "SELECT version FROM (SELECT version, sum" + DeletionRowSize + " OVER (ORDER BY version DESC) AS newer_bytes " +
        "FROM kv_deleted) WHERE newer_bytes > $keep_bytes ORDER BY version DESC LIMIT 1";
    public const string PruneDeletions = "DELETE FROM kv_deleted WHERE version <= $cutoff";
    public const string ForgetDeletionsUpTo =
        "UPDATE meta SET deletions_kept_after = max(deletions_kept_after, $cutoff) WHERE id = 0";
    public const string GetDeletionHorizon = "SELECT deletions_kept_after, version FROM meta WHERE id = 0";
    public const string ListDeletions =
        "SELECT d.k, d.version FROM kv_deleted d " +
        "WHERE d.k > $after_key AND d.k >= $start AND d.k < $end AND d.version > $after AND NOT EXISTS " +
        "(SELECT 1 FROM kv WHERE kv.k = d.k AND (kv.expires_at IS NULL OR kv.expires_at > $now)) " +
        "ORDER BY d.k LIMIT $limit";

    // The registry's catalog (catalog.db).
    public const string CatalogPragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
    public const string ListNamespaces = "SELECT id, budget_group FROM namespaces";
    public const string AddNamespace =
        "INSERT INTO namespaces (id, budget_group, created_at) VALUES ($id, $budget_group, $created_at)";
    public const string RemoveNamespace = "DELETE FROM namespaces WHERE id = $id";
    public const string ListBudgets = "SELECT budget_group, limit_bytes FROM budgets";
    public const string SetBudget =
        "INSERT INTO budgets (budget_group, limit_bytes) VALUES ($budget_group, $limit_bytes) " +
        "ON CONFLICT (budget_group) DO UPDATE SET limit_bytes = excluded.limit_bytes";
    public const string RemoveBudget = "DELETE FROM budgets WHERE budget_group = $budget_group";
}
