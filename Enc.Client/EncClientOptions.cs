namespace Enc.Client;

/// <summary>How <see cref="EncClient"/> finds the cluster.</summary>
public sealed class EncClientOptions
{
    /// <summary>
    /// Gateway endpoint(s) of a development silo, <c>host:port</c>, comma separated. Used when
    /// <see cref="ConnectionString"/> is empty.
    /// </summary>
    /// <value>Defaults to <c>127.0.0.1:30000</c>.</value>
    public string Gateway { get; set; } = "127.0.0.1:30000";

    /// <summary>PostgreSQL connection string: gateways are found through the ADO.NET membership table.</summary>
    /// <value>Defaults to empty (use <see cref="Gateway"/>).</value>
    public string ConnectionString { get; set; } = "";

    /// <summary>Cluster id of the silos.</summary>
    /// <value>Defaults to <c>enc</c>.</value>
    public string ClusterId { get; set; } = "enc";

    /// <summary>Service id of the silos.</summary>
    /// <value>Defaults to <c>enc</c>.</value>
    public string ServiceId { get; set; } = "enc";

    /// <summary>How long to keep trying to connect before giving up.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The identity recorded as the actor of receipts for operations this client causes.</summary>
    /// <value>Defaults to <c>client/USER@HOST</c>.</value>
    public string Actor { get; set; } = $"client/{Environment.UserName}@{Environment.MachineName}";

    /// <summary>Describes where the client looks for the cluster, for error messages.</summary>
    public string Describe() => ConnectionString.Length > 0
        ? $"cluster '{ClusterId}' via the PostgreSQL membership table"
        : $"gateway {Gateway}";
}
