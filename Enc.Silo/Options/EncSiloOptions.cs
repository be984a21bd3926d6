using System.Net;

namespace Enc.Silo.Options;

/// <summary>
/// Options of an ENC silo, bound from configuration section <see cref="SectionName"/>: appsettings.json,
/// environment variables <c>ENC_&lt;NAME&gt;</c> and command-line flags (highest precedence last).
/// </summary>
public sealed class EncSiloOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Enc";

    /// <summary>The node name; also the silo name. Unique in the cluster.</summary>
    /// <value>Defaults to the host name.</value>
    public string NodeName { get; set; } = Dns.GetHostName();

    /// <summary>Directory for the node's files (keys, logs, workload data).</summary>
    /// <value>Defaults to <c>.enc</c> under the working directory.</value>
    public string DataDirectory { get; set; } = ".enc";

    /// <summary>Development or production.</summary>
    /// <value>Defaults to <see cref="EncSiloMode.Production"/>; <c>--dev</c> selects development.</value>
    public EncSiloMode Mode { get; set; } = EncSiloMode.Production;

    /// <summary>Orleans cluster id: silos and clients with the same id form one cluster.</summary>
    /// <value>Defaults to <c>enc</c>.</value>
    public string ClusterId { get; set; } = "enc";

    /// <summary>Orleans service id: keys persisted state; keep it stable across deployments.</summary>
    /// <value>Defaults to <c>enc</c>.</value>
    public string ServiceId { get; set; } = "enc";

    /// <summary>IP address other silos and clients use to reach this silo.</summary>
    /// <value>Defaults to empty: 127.0.0.1 in development, the host's first address in production.</value>
    public string AdvertisedAddress { get; set; } = "";

    /// <summary>Port for silo-to-silo traffic.</summary>
    /// <value>Defaults to 11111.</value>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients connect to.</summary>
    /// <value>Defaults to 30000.</value>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address the HTTP endpoint (dashboard, health) listens on.</summary>
    /// <value>Defaults to 127.0.0.1 (loopback only).</value>
    public string HttpAddress { get; set; } = "127.0.0.1";

    /// <summary>Port of the HTTP endpoint.</summary>
    /// <value>Defaults to 8480.</value>
    public int HttpPort { get; set; } = 8480;

    /// <summary>PostgreSQL connection string (production mode).</summary>
    /// <value>Defaults to empty; required in production.</value>
    [Redact]
    public string ConnectionString { get; set; } = "";

    /// <summary>Whether the Orleans dashboard is served at <c>/dashboard</c>.</summary>
    /// <value>Defaults to true.</value>
    public bool DashboardEnabled { get; set; } = true;
}
