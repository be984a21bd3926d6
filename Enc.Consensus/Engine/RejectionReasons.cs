namespace Enc.Consensus.Engine;

/// <summary>Why the engine dropped an incoming message (reported in <see cref="EngineOutput.Rejections"/>).</summary>
public static class RejectionReasons
{
    /// <summary>The signature does not verify under the claimed sender's key.</summary>
    public const string InvalidSignature = "invalid-signature";

    /// <summary>The sender is not a validator of the message's height.</summary>
    public const string NotAValidator = "not-a-validator";

    /// <summary>A proposal from a validator that is not the round's proposer.</summary>
    public const string WrongProposer = "wrong-proposer";

    /// <summary>The proposal's block does not match its payload, height, parent or validator set.</summary>
    public const string MalformedBlock = "malformed-block";

    /// <summary>The application (<see cref="IDecisionValidator"/>) or validator-set rules refused the block.</summary>
    public const string InvalidDecisions = "invalid-decisions";

    /// <summary>A round-&gt;0 proposal or a ROUND-CHANGE whose justification does not hold.</summary>
    public const string InvalidJustification = "invalid-justification";

    /// <summary>A proposal for a round the engine has passed or already accepted a proposal in.</summary>
    public const string StaleRound = "stale-round";

    /// <summary>A certificate (NEW-BLOCK) that does not verify.</summary>
    public const string InvalidCertificate = "invalid-certificate";

    /// <summary>A second message from one sender for one height, round and type (evidence is produced).</summary>
    public const string Equivocation = "equivocation";

    /// <summary>The future-message buffer is full or the height is too far ahead.</summary>
    public const string BufferFull = "buffer-full";
}
