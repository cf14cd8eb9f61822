using System.Net.Sockets;
using EdgeKv.Core;
using EdgeKv.Domain.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EdgeKv.Domain.Tests.Storage;

/// <summary>
/// The one rule of "the storage is unavailable right now" on the failures the real server and clients raise (the outage
/// tests stop a real server; these pin what is not an outage): the server's own words for shutting down, starting up,
/// running out of connections or losing a race are; a constraint or a bad statement is not, however it is wrapped.
/// </summary>
public sealed class StorageUnavailabilityTests
{
    [Theory]
    [InlineData("57P01", true)] // admin_shutdown: pg_ctl stop -m fast
    [InlineData("57P02", true)] // crash_shutdown
    [InlineData("57P03", true)] // cannot_connect_now: starting up
    [InlineData("08006", true)] // connection_failure
    [InlineData("53300", true)] // too_many_connections
    [InlineData("40001", true)] // serialization_failure
    [InlineData("40P01", true)] // deadlock_detected
    [InlineData("23505", false)] // unique_violation
    [InlineData("42601", false)] // syntax_error
    [InlineData("55P03", false)] // lock_not_available (a lock_timeout): the request's own wait, not the server's state
    public void IsUnavailable_ServerError_ByItsState(string sqlState, bool unavailable)
    {
        var server = new PostgresException("message", "FATAL", "FATAL", sqlState);

        Assert.Equal(unavailable, StorageUnavailability.IsUnavailable(server));
        Assert.Equal(unavailable, StorageUnavailability.IsUnavailable(new DbUpdateException("saving failed", server)));
    }

    [Fact]
    public void IsUnavailable_ConnectionRefused_AsNpgsqlAndEfCoreRaiseIt_True()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(StorageUnavailability.IsUnavailable(refused));
        Assert.True(StorageUnavailability.IsUnavailable(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused)));
    }

    [Fact]
    public void IsUnavailable_TheEnginesCodedErrors_OnlyStorageUnavailable()
    {
        Assert.True(StorageUnavailability.IsUnavailable(new KvException(KvErrorCode.StorageUnavailable, new IOException())));
        Assert.False(StorageUnavailability.IsUnavailable(new KvException(KvErrorCode.StoreClosed)));
    }

    [Fact]
    public void IsUnavailable_FailuresOutsideTheDatabase_False()
    {
        Assert.False(StorageUnavailability.IsUnavailable(new IOException("The client reset the request stream.")));
        Assert.False(StorageUnavailability.IsUnavailable(new SocketException((int)SocketError.ConnectionReset)));
        Assert.False(StorageUnavailability.IsUnavailable(null));
    }
}
