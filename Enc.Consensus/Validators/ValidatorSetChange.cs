using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Primitives;

namespace Enc.Consensus.Validators;

/// <summary>
/// A change to the validator set, committed as a <see cref="DecisionTypes.ValidatorSetChange"/>
/// decision. A change committed at height h takes effect at height
/// <c>h + <see cref="ValidatorSetHistory.ActivationDelay"/></c>.
/// </summary>
/// <param name="Kind">Add, remove or re-weight.</param>
/// <param name="Key">The validator concerned.</param>
/// <param name="Weight">New weight (Add, SetWeight); 0 for Remove.</param>
/// <param name="ProofOfPossession">For Add: the key's proof of possession; empty otherwise.</param>
public sealed record ValidatorSetChange(ValidatorSetChangeKind Kind, ValidatorKey Key, long Weight, byte[] ProofOfPossession)
{
    /// <summary>An Add change.</summary>
    public static ValidatorSetChange Add(ValidatorKey key, long weight, byte[] proofOfPossession) =>
        new(ValidatorSetChangeKind.Add, key, weight, proofOfPossession);

    /// <summary>A Remove change.</summary>
    public static ValidatorSetChange Remove(ValidatorKey key) => new(ValidatorSetChangeKind.Remove, key, 0, []);

    /// <summary>A SetWeight change.</summary>
    public static ValidatorSetChange SetWeight(ValidatorKey key, long weight) =>
        new(ValidatorSetChangeKind.SetWeight, key, weight, []);

    /// <summary>Wraps the change as a decision.</summary>
    public Decision ToDecision()
    {
        var writer = new CanonicalWriter(128);
        writer.WriteByte((byte)Kind).WriteBytes(Key.Bytes).WriteInt64(Weight).WriteBytes(ProofOfPossession);
        return new Decision(DecisionTypes.ValidatorSetChange, writer.WrittenSpan);
    }

    /// <summary>Parses a validator-set-change decision.</summary>
    /// <exception cref="FormatException">The decision is not a well-formed validator-set change.</exception>
    public static ValidatorSetChange FromDecision(Decision decision)
    {
        if (decision.Type != DecisionTypes.ValidatorSetChange)
        {
            throw new FormatException($"Decision type is '{decision.Type}', not '{DecisionTypes.ValidatorSetChange}'.");
        }

        var reader = new CanonicalReader(decision.Payload);
        var kind = (ValidatorSetChangeKind)reader.ReadByte("change.kind");
        if (kind is not (ValidatorSetChangeKind.Add or ValidatorSetChangeKind.Remove or ValidatorSetChangeKind.SetWeight))
        {
            throw new FormatException($"Field 'change.kind' has unknown value {(byte)kind}.");
        }

        var keyBytes = reader.ReadBytes("change.key", 1024);
        if (keyBytes.Length == 0)
        {
            throw new FormatException("Field 'change.key' is empty.");
        }

        var weight = reader.ReadInt64("change.weight");
        var pop = reader.ReadBytes("change.proofOfPossession", 1024);
        reader.EnsureEnd("validator-set change");
        return new ValidatorSetChange(kind, new ValidatorKey(keyBytes), weight, pop);
    }

    /// <summary>
    /// Applies the change to <paramref name="current"/> and returns the new member list, or a
    /// reason why the change is invalid for that set.
    /// </summary>
    public (List<Validator>? Result, string? Error) ApplyTo(IReadOnlyList<Validator> current, IConsensusVerifier verifier)
    {
        var list = current.ToList();
        var index = list.FindIndex(v => v.Key.Equals(Key));
        switch (Kind)
        {
            case ValidatorSetChangeKind.Add when index >= 0:
                return (null, $"validator {Key} is already a member");
            case ValidatorSetChangeKind.Add when Weight <= 0:
                return (null, $"weight {Weight} must be > 0");
            case ValidatorSetChangeKind.Add when !verifier.VerifyProofOfPossession(Key, ProofOfPossession):
                return (null, $"proof of possession for {Key} does not verify");
            case ValidatorSetChangeKind.Add:
                list.Add(new Validator(Key, Weight));
                return (list, null);
            case ValidatorSetChangeKind.Remove when index < 0:
            case ValidatorSetChangeKind.SetWeight when index < 0:
                return (null, $"validator {Key} is not a member");
            case ValidatorSetChangeKind.Remove when list.Count == 1:
                return (null, "the last validator cannot be removed");
            case ValidatorSetChangeKind.Remove:
                list.RemoveAt(index);
                return (list, null);
            case ValidatorSetChangeKind.SetWeight when Weight <= 0:
                return (null, $"weight {Weight} must be > 0 (use Remove to remove a validator)");
            case ValidatorSetChangeKind.SetWeight:
                list[index] = new Validator(Key, Weight);
                return (list, null);
            default:
                return (null, $"unknown change kind {Kind}");
        }
    }
}
