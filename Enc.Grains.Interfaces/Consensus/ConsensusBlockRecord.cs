namespace Enc.Grains.Interfaces.Consensus;

/// <summary>A committed block with its certificate, as recorded by the height's round grain.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Consensus.ConsensusBlockRecord")]
public sealed record ConsensusBlockRecord
{
    /// <summary>Height.</summary>
    [Id(0)] public required long Height { get; init; }

    /// <summary>Block hash, hex.</summary>
    [Id(1)] public required string BlockHash { get; init; }

    /// <summary>Parent block hash, hex (zeros for height 1).</summary>
    [Id(2)] public required string ParentHash { get; init; }

    /// <summary>The decisions in block order.</summary>
    [Id(3)] public required IReadOnlyList<ConsensusDecisionView> Decisions { get; init; }

    /// <summary>The commit certificate.</summary>
    [Id(4)] public required ConsensusCertificateInfo Certificate { get; init; }

    /// <summary>The validators of the block's height (whose keys verify the certificate).</summary>
    [Id(5)] public required IReadOnlyList<ValidatorInfo> Validators { get; init; }

    /// <summary>The canonical block encoding (<c>ENC-BLOCK-V1</c>); its SHA-256 is <see cref="BlockHash"/>.</summary>
    [Id(6)] public required byte[] EncodedBlock { get; init; }

    /// <summary>When the round grain first recorded the commit.</summary>
    [Id(7)] public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Encoded equivocation evidence recorded for this height (<c>ENC-EVIDENCE-V1</c>).</summary>
    [Id(8)] public required IReadOnlyList<byte[]> Evidence { get; init; }
}
