using Enc.Grains.Interfaces.Consensus;

namespace Enc.Grains.Consensus;

/// <summary>Persisted state of a round grain: the committed block of its height, its certificate, its validators, evidence and receipt outbox.</summary>
[GenerateSerializer]
[Alias("Enc.Consensus.ConsensusRoundState")]
public sealed class ConsensusRoundState
{
    /// <summary>Canonical block bytes, or null while undecided.</summary>
    [Id(0)] public byte[]? Block { get; set; }

    /// <summary>Canonical certificate bytes.</summary>
    [Id(1)] public byte[]? Certificate { get; set; }

    /// <summary>The validators of the height.</summary>
    [Id(2)] public List<ValidatorInfo> Validators { get; set; } = [];

    /// <summary>When the commit was first recorded.</summary>
    [Id(3)] public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Encoded equivocation evidence, deduplicated.</summary>
    [Id(4)] public List<byte[]> Evidence { get; set; } = [];

    /// <summary>Receipts of this height not yet acknowledged by the ledger.</summary>
    [Id(5)] public Receipts.ReceiptOutbox Receipts { get; set; } = new();
}
