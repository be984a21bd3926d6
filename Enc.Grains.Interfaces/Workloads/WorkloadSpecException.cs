namespace Enc.Grains.Interfaces.Workloads;

/// <summary>Thrown when a workload spec is rejected; carries every error found, each naming its field.</summary>
[GenerateSerializer]
[Alias("Enc.Workloads.WorkloadSpecException")]
public sealed class WorkloadSpecException : Exception
{
    /// <summary>Creates the exception from the collected errors.</summary>
    public WorkloadSpecException(IReadOnlyList<WorkloadSpecError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found in the spec.</summary>
    [Id(0)] public IReadOnlyList<WorkloadSpecError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<WorkloadSpecError> errors) =>
        "invalid workload spec: " + string.Join("; ", errors.Select(e => e.ToString()));
}
