using Enc.Consensus.Blocks;
using Enc.Consensus.Primitives;
using Enc.Grains.Consensus.Scheduling;

namespace Enc.Grains.Consensus.Pool;

/// <summary>
/// Identity of a pending decision in a validator's pool. A placement request and the placement that
/// commits it share one key (the instance), so committing the placement retires the request; any
/// other decision is identified by the hash of its canonical encoding.
/// </summary>
public static class ConsensusDecisionKeys
{
    /// <summary>SHA-256 of <c>string(type) || bytes(payload)</c>, the decision's encoding inside a block.</summary>
    public static Hash256 HashOf(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var writer = new CanonicalWriter(64 + decision.Payload.Length);
        decision.WriteTo(writer);
        return Hash256.Compute(writer.WrittenSpan);
    }

    /// <summary>The pool key of <paramref name="decision"/>.</summary>
    public static string KeyOf(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Type is DecisionTypes.Placement or PlacementRequestDecision.Type)
        {
            try
            {
                return "instance/" + PlacementRequestDecision.ReadInstanceId(decision.Payload);
            }
            catch (FormatException)
            {
                // A malformed payload is still a distinct pending entry; the validators refuse it.
            }
        }

        return "hash/" + HashOf(decision);
    }
}
