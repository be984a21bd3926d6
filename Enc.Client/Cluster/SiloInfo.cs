namespace Enc.Client.Cluster;

/// <summary>One silo (process) of the cluster as recorded in the membership.</summary>
/// <param name="Name">Silo name (equals its node name).</param>
/// <param name="Address">Silo endpoint, <c>host:port</c>.</param>
/// <param name="Status">Membership status (Joining, Active, ShuttingDown, Stopping, Dead, ...).</param>
/// <param name="HostName">Host the silo runs on.</param>
/// <param name="StartedAt">When the silo started.</param>
/// <param name="LastAlive">Last I-am-alive time written by the silo.</param>
public sealed record SiloInfo(string Name, string Address, string Status, string HostName, DateTimeOffset StartedAt, DateTimeOffset LastAlive);
