namespace Enc.Grains.Interfaces.Consensus;

/// <summary>A block's commit certificate, decoded for display, with its canonical bytes for verification.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Consensus.ConsensusCertificateInfo")]
public sealed record ConsensusCertificateInfo
{
    /// <summary>Height of the certified block.</summary>
    [Id(0)] public required long Height { get; init; }

    /// <summary>Round the block committed in.</summary>
    [Id(1)] public required int Round { get; init; }

    /// <summary>SHA-256 of the block's canonical encoding, hex.</summary>
    [Id(2)] public required string BlockHash { get; init; }

    /// <summary>Hash of the validator set that signed, hex.</summary>
    [Id(3)] public required string ValidatorSetHash { get; init; }

    /// <summary>Nodes whose commit seals the aggregate holds, in canonical order.</summary>
    [Id(4)] public required IReadOnlyList<string> Signers { get; init; }

    /// <summary>The aggregate BLS signature, hex.</summary>
    [Id(5)] public required string AggregateSignature { get; init; }

    /// <summary>The canonical certificate encoding (<c>ENC-CERT-V1</c>).</summary>
    [Id(6)] public required byte[] Encoded { get; init; }
}
