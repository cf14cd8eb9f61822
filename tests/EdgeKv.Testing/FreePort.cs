using System.Net;
using System.Net.Sockets;

namespace EdgeKv.Testing;

/// <summary>A TCP port of 127.0.0.1 that nothing listens on right now (the OS picks it), for a server a test starts.</summary>
public static class FreePort
{
    /// <summary>A port free at the moment of the call.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
