using System.Net;
using System.Net.Sockets;

namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>Hands out loopback TCP ports that were free a moment ago, never the same one twice per run.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> Issued = [];

    /// <summary>Returns a free loopback port.</summary>
    public static int Next()
    {
        lock (Issued)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (Issued.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
