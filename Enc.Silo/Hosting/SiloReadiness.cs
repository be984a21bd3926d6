using Enc.Grains.Nodes.Agent;

namespace Enc.Silo.Hosting;

/// <summary>Readiness of this silo: it is an active cluster member and its node is registered.</summary>
public sealed class SiloReadiness(IClusterMembershipService membership, ILocalSiloDetails silo, NodeAgent agent)
{
    /// <summary>The local silo's membership status.</summary>
    public SiloStatus SiloStatus => membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);

    /// <summary>True when this silo joined the cluster and registered its node.</summary>
    public bool IsReady => SiloStatus == SiloStatus.Active && agent.IsRegistered;

    /// <summary>The node name.</summary>
    public string NodeName => agent.NodeName;
}
