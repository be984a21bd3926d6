using Enc.Grains.Interfaces.Nodes.Placement;
using Enc.Grains.Interfaces.Scheduling;

namespace Enc.Grains.Scheduling;

/// <summary>The node-local echo other agents time (<see cref="INodePingGrain"/>); lives on its node's silo.</summary>
[NodeSiloPlacement]
public sealed class NodePingGrain(ILocalSiloDetails silo) : Grain, INodePingGrain
{
    Task<string> INodePingGrain.PingAsync() => Task.FromResult(silo.Name);
}
