using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Consensus.Evidence;
using Enc.Consensus.Messages;

namespace Enc.Consensus.Simulation;

/// <summary>One engine instance in a simulation (a validator has one, twins have two, silent ones none) and what it observed.</summary>
public sealed class SimulatedEndpoint(int id, int validator, FaultKind fault, IConsensusSigner signer, QbftEngine? engine)
{
    /// <summary>Endpoint id (index in the runner's endpoint list).</summary>
    public int Id { get; } = id;

    /// <summary>Index of the validator this endpoint speaks for.</summary>
    public int Validator { get; } = validator;

    /// <summary>The validator's fault.</summary>
    public FaultKind Fault { get; } = fault;

    /// <summary>The validator's signer (shared by twins).</summary>
    public IConsensusSigner Signer { get; } = signer;

    /// <summary>The engine, or null for a silent validator.</summary>
    public QbftEngine? Engine { get; } = engine;

    /// <summary>Latest timer the engine asked for, in ms.</summary>
    public long? TimerDueMs { get; set; }

    /// <summary>Evidence this endpoint produced.</summary>
    public List<EquivocationEvidence> Evidence { get; } = [];

    /// <summary>Rejections this endpoint reported.</summary>
    public List<RejectedMessage> Rejections { get; } = [];

    /// <summary>Messages this endpoint received (kept by replaying validators only).</summary>
    public List<ConsensusMessage> Seen { get; } = [];

    /// <summary>Blocks committed, by the engine's own decision or from certificates.</summary>
    public IReadOnlyList<CommittedBlock> Chain => Engine?.Chain ?? [];
}
