namespace Enc.Grains.Interfaces.Workloads;

/// <summary>Thrown when a spec file is not well-formed YAML or JSON; the message names line and column.</summary>
public sealed class WorkloadSpecSyntaxException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkloadSpecSyntaxException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
