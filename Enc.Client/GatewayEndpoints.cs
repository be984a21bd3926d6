using System.Net;

namespace Enc.Client;

/// <summary>Parses <c>host:port[,host:port...]</c> gateway lists.</summary>
public static class GatewayEndpoints
{
    /// <summary>Parses the list; throws <see cref="ArgumentException"/> naming the bad entry.</summary>
    public static IPEndPoint[] Parse(string gateways)
    {
        var entries = gateways.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            throw new ArgumentException("gateway: at least one host:port is required.", nameof(gateways));
        }

        return entries.Select(ParseOne).ToArray();
    }

    private static IPEndPoint ParseOne(string entry)
    {
        var colon = entry.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(entry[(colon + 1)..], out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"gateway: '{entry}' is not host:port.", "gateway");
        }

        var host = entry[..colon].Trim('[', ']');
        if (!IPAddress.TryParse(host, out var address))
        {
            address = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? throw new ArgumentException($"gateway: host '{host}' does not resolve to an IPv4 address.", "gateway");
        }

        return new IPEndPoint(address, port);
    }
}
