namespace Enc.Consensus.Validators;

/// <summary>What a <see cref="ValidatorSetChange"/> does. 0 is reserved as invalid.</summary>
public enum ValidatorSetChangeKind : byte
{
    /// <summary>Invalid sentinel.</summary>
    Invalid = 0,

    /// <summary>Adds a validator (requires a proof of possession of its key).</summary>
    Add = 1,

    /// <summary>Removes a validator.</summary>
    Remove = 2,

    /// <summary>Changes a validator's weight.</summary>
    SetWeight = 3,
}
