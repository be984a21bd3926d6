namespace Enc.Consensus.Messages;

/// <summary>QBFT message types (QBFT spec L1 <c>QbftMessage</c>). 0 is reserved as invalid.</summary>
public enum MessageType : byte
{
    /// <summary>Invalid sentinel.</summary>
    Invalid = 0,

    /// <summary>PRE-PREPARE: the round's proposer proposes a block.</summary>
    Proposal = 1,

    /// <summary>PREPARE: a validator accepted the round's proposal.</summary>
    Prepare = 2,

    /// <summary>COMMIT: a validator saw a prepare quorum; its signature is the commit seal.</summary>
    Commit = 3,

    /// <summary>ROUND-CHANGE: a validator moves to a new round, reporting what it last prepared.</summary>
    RoundChange = 4,
}
