namespace Enc.Grains.Interfaces.Consensus;

/// <summary>One validator's view of consensus.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Consensus.ConsensusStatus")]
public sealed record ConsensusStatus
{
    /// <summary>The node whose validator answered.</summary>
    [Id(0)] public required string ReportedBy { get; init; }

    /// <summary>The height being decided (committed height + 1).</summary>
    [Id(1)] public required long Height { get; init; }

    /// <summary>The current round.</summary>
    [Id(2)] public required int Round { get; init; }

    /// <summary>True while the height waits for pending decisions (no timers run).</summary>
    [Id(3)] public required bool Idle { get; init; }

    /// <summary>The validators of the current height, in canonical order.</summary>
    [Id(4)] public required IReadOnlyList<ValidatorInfo> Validators { get; init; }

    /// <summary>Validators after every committed change, including changes not yet in effect.</summary>
    [Id(5)] public required IReadOnlyList<ValidatorInfo> ScheduledValidators { get; init; }

    /// <summary>The certificate of the last committed block, or null before the first.</summary>
    [Id(6)] public ConsensusCertificateInfo? LastCertificate { get; init; }

    /// <summary>Decisions waiting in this validator's pool.</summary>
    [Id(7)] public required int PendingDecisions { get; init; }

    /// <summary>Incoming messages this validator dropped, by reason (e.g. <c>invalid-signature</c>).</summary>
    [Id(8)] public required IReadOnlyDictionary<string, long> Rejections { get; init; }

    /// <summary>Equivocations this validator detected.</summary>
    [Id(9)] public required long EvidenceCount { get; init; }
}
