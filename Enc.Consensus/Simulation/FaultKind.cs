namespace Enc.Consensus.Simulation;

/// <summary>How a simulated validator misbehaves. 0 (<see cref="Honest"/>) follows the protocol.</summary>
public enum FaultKind
{
    /// <summary>Follows the protocol.</summary>
    Honest = 0,

    /// <summary>Crashed from the start: sends nothing.</summary>
    Silent = 1,

    /// <summary>Sends one proposal to half the validators and a conflicting one to the other half.</summary>
    EquivocatingProposer = 2,

    /// <summary>Sends each PREPARE/COMMIT to half the validators and a vote for another digest to the rest.</summary>
    EquivocatingVoter = 3,

    /// <summary>Sends its own votes with corrupted signatures, votes forged in honest validators' names, and forged certificates.</summary>
    ForgedSignatures = 4,

    /// <summary>Proposes and votes for placements the deterministic scheduler would not make.</summary>
    InfeasiblePlacements = 5,

    /// <summary>Behaves honestly but also re-sends old messages it has seen to random validators.</summary>
    Replay = 6,

    /// <summary>Two honest-behaving instances sharing one key, each with its own pending queue.</summary>
    Twins = 7,
}
