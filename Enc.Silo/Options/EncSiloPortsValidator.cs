using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Enc.Silo.Options;

/// <summary>
/// Fails silo start when a configured port is already taken, naming the setting, before Orleans or
/// Kestrel would fail with a bare socket error.
/// </summary>
public sealed class EncSiloPortsValidator(IOptions<EncSiloOptions> options) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var o = options.Value;
        if (EncSiloOptionsValidator.Validate(o) is not null)
        {
            return;
        }

        var http = IPAddress.Parse(o.HttpAddress);
        foreach (var (name, flag, port) in EncSiloOptionsValidator.Ports(o))
        {
            var address = name == nameof(o.HttpPort) ? http : IPAddress.Any;
            if (!IsFree(address, port))
            {
                throw new OrleansConfigurationException(
                    $"{EncSiloOptionsValidator.Setting(name, flag)}: port {port} on {address} is already in use.");
            }
        }
    }

    /// <summary>True when a listener can bind <paramref name="address"/>:<paramref name="port"/> now.</summary>
    public static bool IsFree(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
