using Enc.Consensus.Blocks;
using Enc.Consensus.Primitives;

namespace Enc.Consensus.Simulation;

/// <summary>
/// A deterministic STAND-IN for the real scheduler (Enc.Scheduling) in consensus tests: a
/// placement payload is <c>workloadId || nodeName</c>, and the only feasible node for a workload
/// is chosen by hashing the workload id with the parent block hash over a fixed node list. It
/// lets validators "re-run the scheduler over the last committed state" exactly as the real
/// <c>SchedulerReplayValidator</c> does, without the scheduler.
/// </summary>
public static class StandInPlacementScheduler
{
    private static readonly string[] Nodes = ["node-a", "node-b", "node-c", "node-d", "node-e"];

    /// <summary>The node the stand-in scheduler places <paramref name="workloadId"/> on, given the parent hash.</summary>
    public static string Place(string workloadId, Hash256 parentHash)
    {
        var writer = new CanonicalWriter(64);
        writer.WriteHash(parentHash).WriteString(workloadId);
        var digest = Hash256.Compute(writer.WrittenSpan).ToArray();
        return Nodes[digest[0] % Nodes.Length];
    }

    /// <summary>A node the stand-in scheduler would NOT choose (an infeasible placement).</summary>
    public static string Misplace(string workloadId, Hash256 parentHash)
    {
        var right = Array.IndexOf(Nodes, Place(workloadId, parentHash));
        return Nodes[(right + 1) % Nodes.Length];
    }

    /// <summary>Encodes a placement decision.</summary>
    public static Decision Decision(string workloadId, string node)
    {
        var writer = new CanonicalWriter(64);
        writer.WriteString(workloadId).WriteString(node);
        return new Decision(DecisionTypes.Placement, writer.WrittenSpan);
    }

    /// <summary>Decodes a placement decision.</summary>
    /// <exception cref="FormatException">The payload is malformed.</exception>
    public static (string WorkloadId, string Node) Read(Decision decision)
    {
        var reader = new CanonicalReader(decision.Payload);
        var workload = reader.ReadString("placement.workload");
        var node = reader.ReadString("placement.node");
        reader.EnsureEnd("placement");
        return (workload, node);
    }
}
