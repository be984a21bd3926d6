using Enc.Consensus.Blocks;
using Enc.Consensus.Primitives;

namespace Enc.Grains.Consensus.Scheduling;

/// <summary>
/// A committed ConsensusDriven placement (decision type <see cref="DecisionTypes.Placement"/>): the
/// request exactly as submitted and the node the deterministic scheduler chose for it over the
/// parent block's state. Payload: request payload (<see cref="PlacementRequestDecision.Encode"/>) then string(node).
/// </summary>
/// <param name="Request">The placed request.</param>
/// <param name="Node">The chosen node.</param>
public sealed record PlacementDecision(PlacementRequestDecision Request, string Node)
{
    /// <summary>Encodes the placement as a block decision.</summary>
    public Decision ToDecision()
    {
        var writer = new CanonicalWriter(256);
        writer.WriteRaw(Request.Encode()).WriteString(Node);
        return new Decision(DecisionTypes.Placement, writer.WrittenSpan);
    }

    /// <summary>Decodes a placement decision.</summary>
    /// <exception cref="FormatException">The decision is not a well-formed placement.</exception>
    public static PlacementDecision FromDecision(Decision decision)
    {
        if (decision.Type != DecisionTypes.Placement)
        {
            throw new FormatException($"Decision type is '{decision.Type}', not '{DecisionTypes.Placement}'.");
        }

        var reader = new CanonicalReader(decision.Payload);
        var request = PlacementRequestDecision.Read(ref reader);
        var node = reader.ReadString("placement.node", 253);
        reader.EnsureEnd("placement");
        return node.Length == 0 ? throw new FormatException("Field 'placement.node' is empty.") : new PlacementDecision(request, node);
    }
}
