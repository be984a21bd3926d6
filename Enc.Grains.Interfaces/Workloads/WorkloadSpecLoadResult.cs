namespace Enc.Grains.Interfaces.Workloads;

/// <summary>The outcome of loading one workload document: the spec when valid, else every error.</summary>
public sealed record WorkloadSpecLoadResult
{
    /// <summary>The loaded spec; null when <see cref="Errors"/> is not empty.</summary>
    public WorkloadSpec? Spec { get; init; }

    /// <summary>Every problem found (syntax, types, and validation rules), each naming its field.</summary>
    public IReadOnlyList<WorkloadSpecError> Errors { get; init; } = [];

    /// <summary>True when the document is a valid spec.</summary>
    public bool IsValid => Spec is not null && Errors.Count == 0;
}
