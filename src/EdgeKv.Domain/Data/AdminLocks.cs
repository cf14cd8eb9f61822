using Microsoft.EntityFrameworkCore;

namespace EdgeKv.Domain.Data;

/// <summary>
/// Locks that make a check and the write it guards one step across every node, for the rules no unique index can
/// hold (a count under a limit, a state before its transition). Taken first in the transaction, before the reads they
/// guard, and held until it commits or rolls back.
/// </summary>
/// <remarks>
/// On SQLite every transaction already holds the database's write lock from its start (Microsoft.Data.Sqlite begins
/// with <c>BEGIN IMMEDIATE</c>), so these cost nothing there. On PostgreSQL, READ COMMITTED lets two transactions
/// count the same rows and both insert; each lock is a transaction-scoped advisory lock
/// (<c>pg_advisory_xact_lock</c>): a second taker waits until the first commits, and its next statement then sees what
/// the first wrote. Advisory rather than <c>SELECT … FOR UPDATE</c> because the thing locked need not be a row yet (an
/// account is created by its first application) and a user's tokens are counted by user, not by account. Why this
/// and not SERIALIZABLE: docs/adr/0011-*.
/// </remarks>
public static class AdminLocks
{
    // The first key of the two-key advisory lock: one number per kind of lock, so kinds never collide.
    private const int AccountLock = 0x45_4B_01;
    private const int PlacesLock = 0x45_4B_02;
    private const int SeedingLock = 0x45_4B_03;
    private const int UsageLock = 0x45_4B_04;

    /// <summary>
    /// Serializes the transactions that check and change one user's KV account and what the user holds (namespaces and
    /// their limit, live tokens, the account's state, the names of namespaces, projects and bindings). <paramref name="userId"/> never changes for an account, so it
    /// may be read before the lock.
    /// </summary>
    public static Task LockAccountAsync(this EdgeKvDbContext db, string userId, CancellationToken cancellationToken) =>
        TakeAsync(db, AccountLock, userId, cancellationToken);

    /// <summary>Serializes the approvals that count the places taken against the platform's limit.</summary>
    public static Task LockPlacesAsync(this EdgeKvDbContext db, CancellationToken cancellationToken) =>
        TakeAsync(db, PlacesLock, "places", cancellationToken);

    /// <summary>
    /// Serializes the nodes' usage flushes: each adds its counts to the rows of the current minute, read then
    /// written, so two flushes of one minute must not both start from the same row.
    /// </summary>
    public static Task LockUsageFlushAsync(this EdgeKvDbContext db, CancellationToken cancellationToken) =>
        TakeAsync(db, UsageLock, "usage", cancellationToken);

    /// <summary>Serializes nodes seeding the same database at start-up (roles, the admin and its account).</summary>
    public static Task LockSeedingAsync(this EdgeKvDbContext db, CancellationToken cancellationToken) =>
        TakeAsync(db, SeedingLock, "seeding", cancellationToken);

    private static async Task TakeAsync(EdgeKvDbContext db, int kind, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            // A lock outside a transaction would be released at once (PostgreSQL) or never taken (SQLite).
            throw new InvalidOperationException("An admin lock is taken inside a transaction.");
        }

        if (db.Database.IsNpgsql())
        {
            // hashtext maps the key to 32 bits: two keys that collide only wait for each other, never pass together.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({kind}, hashtext({key}))", cancellationToken);
        }
    }
}
