namespace Enc.Grains.Interfaces.Workloads;

/// <summary>
/// The network an instance joins. ENC never creates bridge networks: an instance either has no
/// network at all or shares the host's network stack (ports are then host ports).
/// </summary>
[GenerateSerializer]
[Alias("Enc.Workloads.WorkloadNetworkMode")]
public enum WorkloadNetworkMode
{
    /// <summary>Not set; never valid in a submitted spec.</summary>
    Invalid = 0,

    /// <summary>No network interface besides loopback (spec value <c>none</c>).</summary>
    None = 1,

    /// <summary>The host's network namespace (spec value <c>host</c>); required for ports and TCP/HTTP health checks.</summary>
    Host = 2,
}
