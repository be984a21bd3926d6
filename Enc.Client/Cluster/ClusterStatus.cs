using Enc.Grains.Interfaces.Nodes;

namespace Enc.Client.Cluster;

/// <summary>The cluster at a glance.</summary>
/// <param name="ClusterId">Cluster id.</param>
/// <param name="ServiceId">Service id.</param>
/// <param name="Silos">Silos in the membership, active first.</param>
/// <param name="NodesByStatus">Number of nodes per status.</param>
public sealed record ClusterStatus(
    string ClusterId,
    string ServiceId,
    IReadOnlyList<SiloInfo> Silos,
    IReadOnlyDictionary<NodeStatus, int> NodesByStatus)
{
    /// <summary>Number of active silos.</summary>
    public int ActiveSilos => Silos.Count(s => s.Status == "Active");

    /// <summary>Total number of nodes.</summary>
    public int Nodes => NodesByStatus.Values.Sum();
}
