using EdgeKv.Core.Tests.Conformance;

namespace EdgeKv.Core.Tests.Postgres;

// The whole conformance suite on PostgreSQL: each class runs its suite's tests on a real PostgreSQL 15 server
// (PostgresTestBackend: one server for the assembly, a database per test). What only PostgreSQL has (several store
// instances on one database as nodes, the sweep across them, outages) lives in its own classes beside these.

/// <summary>The <see cref="KvStoreAtomicConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreAtomicTests : KvStoreAtomicConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreBulkConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreBulkTests : KvStoreBulkConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreChangeFeedConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreChangeFeedTests : KvStoreChangeFeedConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreConcurrencyConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreConcurrencyTests : KvStoreConcurrencyConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreExpiryConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreExpiryTests : KvStoreExpiryConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreGetSetConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreGetSetTests : KvStoreGetSetConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreListConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreListTests : KvStoreListConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreKeyOrderConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreKeyOrderTests : KvStoreKeyOrderConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStorePositionConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStorePositionTests : KvStorePositionConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreRawRangeConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreRawRangeTests : KvStoreRawRangeConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreReadLimitConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreReadLimitTests : KvStoreReadLimitConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreStatsConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreStatsTests : KvStoreStatsConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreWatchConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreWatchTests : KvStoreWatchConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreWriteLimitConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreWriteLimitTests : KvStoreWriteLimitConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvStoreDeletionLogConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreDeletionLogTests : KvStoreDeletionLogConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvRegistryConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreRegistryTests : KvRegistryConformance<PostgresTestBackend>;

/// <summary>The <see cref="KvRegistryBudgetConformance{TBackend}"/> suite on PostgreSQL.</summary>
public sealed class PostgresKvStoreRegistryBudgetTests : KvRegistryBudgetConformance<PostgresTestBackend>;
