using Enc.Grains.Interfaces.Nodes.Placement;
using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>
/// A node-local echo (keyed by node name, activated on that node's silo by
/// <see cref="NodeSiloPlacementStrategy"/>): other nodes' agents time a call to it to measure the
/// round trip over the cluster's own channel.
/// </summary>
[Alias("Enc.Scheduling.INodePingGrain")]
public interface INodePingGrain : IGrainWithStringKey
{
    /// <summary>Answers at once with the name of the silo that served the call.</summary>
    [Alias("Ping")]
    [AlwaysInterleave]
    Task<string> PingAsync();
}
