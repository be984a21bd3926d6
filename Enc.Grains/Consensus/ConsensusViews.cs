using Enc.Consensus.Blocks;
using Enc.Consensus.Validators;
using Enc.Grains.Consensus.Pool;
using Enc.Grains.Consensus.Scheduling;
using Enc.Grains.Interfaces.Consensus;

namespace Enc.Grains.Consensus;

/// <summary>Turns consensus types into the client-facing views of <c>Enc.Grains.Interfaces.Consensus</c>.</summary>
public static class ConsensusViews
{
    /// <summary>Name shown for a key no node registered.</summary>
    public const string UnknownNode = "?";

    /// <summary>Validators with their node names (<paramref name="nodeOf"/> maps a key to its node).</summary>
    public static IReadOnlyList<ValidatorInfo> Validators(IEnumerable<Validator> validators, Func<ValidatorKey, string?> nodeOf) =>
        validators.Select(v => new ValidatorInfo { NodeName = nodeOf(v.Key) ?? UnknownNode, PublicKey = v.Key.ToHex(), Weight = v.Weight }).ToList();

    /// <summary>The certificate view; signers are named by node.</summary>
    public static ConsensusCertificateInfo Certificate(CommitCertificate certificate, ValidatorSet set, Func<ValidatorKey, string?> nodeOf) => new()
    {
        Height = certificate.Height,
        Round = certificate.Round,
        BlockHash = certificate.BlockHash.ToString(),
        ValidatorSetHash = certificate.ValidatorSetHash.ToString(),
        Signers = SignersOf(certificate, set).Select(k => nodeOf(k) ?? UnknownNode).ToList(),
        AggregateSignature = Convert.ToHexStringLower(certificate.AggregateSignature),
        Encoded = certificate.Encode(),
    };

    /// <summary>A one-line description of a decision for people.</summary>
    public static ConsensusDecisionView Decision(Decision decision, Func<ValidatorKey, string?> nodeOf)
    {
        string summary;
        try
        {
            summary = decision.Type switch
            {
                DecisionTypes.ValidatorSetChange => Describe(ValidatorSetChange.FromDecision(decision), nodeOf),
                DecisionTypes.Placement => PlacementDecision.FromDecision(decision) is var p
                    ? $"place {p.Request.InstanceId} ({p.Request.WorkloadId}) on {p.Node}"
                    : "",
                NodeInventoryDecision.Type => NodeInventoryDecision.FromDecision(decision).Node is var n
                    ? $"inventory of {n.Id}: {n.Status}, cpu {n.Allocated.CpuMillicores}/{n.Capacity.CpuMillicores}m, memory {n.Allocated.MemoryBytes}/{n.Capacity.MemoryBytes} B"
                    : "",
                _ => $"{decision.Payload.Length} bytes",
            };
        }
        catch (FormatException e)
        {
            summary = "malformed: " + e.Message;
        }

        return new ConsensusDecisionView { Type = decision.Type, Summary = summary, Hash = ConsensusDecisionKeys.HashOf(decision).ToString() };
    }

    private static string Describe(ValidatorSetChange change, Func<ValidatorKey, string?> nodeOf)
    {
        var who = $"{nodeOf(change.Key) ?? UnknownNode} ({change.Key})";
        return change.Kind switch
        {
            ValidatorSetChangeKind.Add => $"add validator {who} with weight {change.Weight}",
            ValidatorSetChangeKind.Remove => $"remove validator {who}",
            _ => $"set weight of validator {who} to {change.Weight}",
        };
    }

    private static IReadOnlyList<ValidatorKey> SignersOf(CommitCertificate certificate, ValidatorSet set) =>
        certificate.SignerBitmap.Length == (set.Count + 7) / 8 ? certificate.Signers(set) : [];
}
