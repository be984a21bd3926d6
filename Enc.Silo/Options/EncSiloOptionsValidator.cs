using System.Net;
using Microsoft.Extensions.Options;

namespace Enc.Silo.Options;

/// <summary>Validates <see cref="EncSiloOptions"/> at silo start; each message names the setting and its flag.</summary>
public sealed class EncSiloOptionsValidator(IOptions<EncSiloOptions> options) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        if (Validate(options.Value) is { } problem)
        {
            throw new OrleansConfigurationException(problem);
        }
    }

    /// <summary>Returns the first problem with <paramref name="o"/>, or null when valid.</summary>
    public static string? Validate(EncSiloOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.NodeName))
        {
            return Setting(nameof(o.NodeName), "--node-name") + " is required.";
        }

        if (o.NodeName.Length > 150 || o.NodeName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return Setting(nameof(o.NodeName), "--node-name") + $" '{o.NodeName}' must be at most 150 characters without spaces.";
        }

        if (string.IsNullOrWhiteSpace(o.DataDirectory))
        {
            return Setting(nameof(o.DataDirectory), "--data-dir") + " is required.";
        }

        if (o.Mode is not (EncSiloMode.Development or EncSiloMode.Production))
        {
            return Setting(nameof(o.Mode), "--mode") + " must be Development or Production.";
        }

        if (o.Mode == EncSiloMode.Production && string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            return Setting(nameof(o.ConnectionString), "--connection") + " is required in Production mode (or run with --dev).";
        }

        foreach (var (name, flag, port) in Ports(o))
        {
            if (port is < 1 or > 65535)
            {
                return Setting(name, flag) + $" must be between 1 and 65535 (got {port}).";
            }
        }

        if (o.SiloPort == o.GatewayPort || o.SiloPort == o.HttpPort || o.GatewayPort == o.HttpPort)
        {
            return $"{Setting(nameof(o.SiloPort), "--silo-port")}, {Setting(nameof(o.GatewayPort), "--gateway-port")} and {Setting(nameof(o.HttpPort), "--http-port")} must differ.";
        }

        if (!IPAddress.TryParse(o.HttpAddress, out _))
        {
            return Setting(nameof(o.HttpAddress), "--http-address") + $" '{o.HttpAddress}' is not an IP address.";
        }

        if (o.AdvertisedAddress.Length > 0 && !IPAddress.TryParse(o.AdvertisedAddress, out _))
        {
            return Setting(nameof(o.AdvertisedAddress), "--advertised-address") + $" '{o.AdvertisedAddress}' is not an IP address.";
        }

        if (string.IsNullOrWhiteSpace(o.ClusterId) || string.IsNullOrWhiteSpace(o.ServiceId))
        {
            return $"{Setting(nameof(o.ClusterId), "--cluster-id")} and {Setting(nameof(o.ServiceId), "--service-id")} are required.";
        }

        return null;
    }

    /// <summary>The ports with their setting names and flags.</summary>
    public static IEnumerable<(string Name, string Flag, int Port)> Ports(EncSiloOptions o) =>
    [
        (nameof(o.SiloPort), "--silo-port", o.SiloPort),
        (nameof(o.GatewayPort), "--gateway-port", o.GatewayPort),
        (nameof(o.HttpPort), "--http-port", o.HttpPort),
    ];

    /// <summary>Formats a setting as <c>Enc:Name (ENC_NAME, --flag)</c>.</summary>
    public static string Setting(string name, string flag) =>
        $"{EncSiloOptions.SectionName}:{name} (ENC_{name.ToUpperInvariant()}, {flag})";
}
