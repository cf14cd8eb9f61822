using EdgeKv.Core.Tests.Conformance;

namespace EdgeKv.Core.Tests.Sqlite;

// The conformance suite on SQLite: each class runs its suite's tests on real SQLite files (SqliteTestBackend). The
// names are the SQLite test classes' from before the suite, so a test keeps its full name. Tests only SQLite has
// (file format, checkpoints, group commit by hand) live in their own classes beside these.

/// <summary>The <see cref="KvStoreAtomicConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreAtomicTests : KvStoreAtomicConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStoreBulkConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreBulkTests : KvStoreBulkConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStoreChangeFeedConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreChangeFeedTests : KvStoreChangeFeedConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStoreConcurrencyConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreConcurrencyTests : KvStoreConcurrencyConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStoreExpiryConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreExpiryTests : KvStoreExpiryConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStoreGetSetConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreGetSetTests : KvStoreGetSetConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStoreListConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreListTests : KvStoreListConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStoreKeyOrderConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreKeyOrderTests : KvStoreKeyOrderConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStorePositionConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStorePositionTests : KvStorePositionConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStoreRawRangeConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreRawRangeTests : KvStoreRawRangeConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStoreReadLimitConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreReadLimitTests : KvStoreReadLimitConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStoreStatsConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreStatsTests : KvStoreStatsConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStoreWatchConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreWatchTests : KvStoreWatchConformance<SqliteTestBackend>;

/// <summary>The <see cref="KvStoreWriteLimitConformance{TBackend}"/> suite on SQLite.</summary>
public sealed class SqliteKvStoreWriteLimitTests : KvStoreWriteLimitConformance<SqliteTestBackend>;
