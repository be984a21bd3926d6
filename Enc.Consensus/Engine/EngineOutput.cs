using Enc.Consensus.Blocks;
using Enc.Consensus.Evidence;

namespace Enc.Consensus.Engine;

/// <summary>Everything one engine step produced; the host performs it.</summary>
public sealed class EngineOutput
{
    /// <summary>Messages to send, in order.</summary>
    public List<OutgoingMessage> Messages { get; } = [];

    /// <summary>Blocks committed in this step, in height order.</summary>
    public List<CommittedBlock> Committed { get; } = [];

    /// <summary>Equivocations detected in this step.</summary>
    public List<EquivocationEvidence> Evidence { get; } = [];

    /// <summary>Incoming messages dropped in this step.</summary>
    public List<RejectedMessage> Rejections { get; } = [];

    /// <summary>When the host must call <see cref="QbftEngine.Tick"/> next (null: no timer pending).</summary>
    public DateTimeOffset? NextTimer { get; set; }
}
