namespace Enc.Consensus.Engine;

/// <summary>Outcome of recording a signed payload in a <see cref="HeightMessageLog"/>.</summary>
internal enum ObservationResult
{
    /// <summary>Invalid sentinel.</summary>
    Invalid = 0,

    /// <summary>First payload from this sender for this type and round.</summary>
    New = 1,

    /// <summary>Same content as the payload already held; ignore.</summary>
    Duplicate = 2,

    /// <summary>Conflicting content, both validly signed: equivocation.</summary>
    Conflict = 3,

    /// <summary>The held payload was a forgery and the new, valid one replaced it.</summary>
    ReplacedForgery = 4,

    /// <summary>The new payload conflicts with or duplicates a held one and its signature is invalid.</summary>
    Forged = 5,
}
