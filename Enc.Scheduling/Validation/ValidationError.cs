namespace Enc.Scheduling.Validation;

/// <summary>One invalid field: its path (e.g. <c>RequiredWorkloadAffinity[0].Topology</c>) and why.</summary>
/// <param name="Field">Path of the invalid field.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record ValidationError(string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {Message}";
}
