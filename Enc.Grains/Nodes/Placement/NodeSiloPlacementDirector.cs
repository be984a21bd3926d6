using Enc.Grains.Interfaces.Nodes.Placement;
using Orleans.Runtime.Placement;

namespace Enc.Grains.Nodes.Placement;

/// <summary>
/// Director of <see cref="NodeSiloPlacementStrategy"/>: places the grain keyed by a node name on the
/// active silo of that name; when there is none, on the local silo if compatible, else on a
/// compatible silo chosen by a stable hash of the name.
/// </summary>
internal sealed class NodeSiloPlacementDirector(IClusterMembershipService membership) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var nodeName = target.GrainIdentity.Key.ToString();
        var compatible = context.GetCompatibleSilos(target);
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status == SiloStatus.Active
                && string.Equals(member.Name, nodeName, StringComparison.Ordinal)
                && Array.IndexOf(compatible, member.SiloAddress) >= 0)
            {
                return Task.FromResult(member.SiloAddress);
            }
        }

        if (Array.IndexOf(compatible, context.LocalSilo) >= 0)
        {
            return Task.FromResult(context.LocalSilo);
        }

        var ordered = compatible.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        var index = (int)((uint)StableHash(nodeName) % (uint)ordered.Length);
        return Task.FromResult(ordered[index]);
    }

    private static int StableHash(string value)
    {
        // FNV-1a: string.GetHashCode is randomized per process, this must agree across silos.
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in value)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
