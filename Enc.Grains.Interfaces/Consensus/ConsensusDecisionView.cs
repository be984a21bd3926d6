namespace Enc.Grains.Interfaces.Consensus;

/// <summary>One decision of a committed block, described for people.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Consensus.ConsensusDecisionView")]
public sealed record ConsensusDecisionView
{
    /// <summary>Decision type (<c>enc.placement</c>, <c>enc.validator-set-change</c>, <c>enc.node-inventory</c>).</summary>
    [Id(0)] public required string Type { get; init; }

    /// <summary>What the decision does, e.g. <c>place default/web-1 on node-b</c>.</summary>
    [Id(1)] public required string Summary { get; init; }

    /// <summary>SHA-256 of the decision's canonical encoding, hex.</summary>
    [Id(2)] public required string Hash { get; init; }
}
