namespace Enc.Cluster.Tests.Wire;

/// <summary>One typed slot that crosses Orleans' wire: a grain method parameter or result, or a serialized member.</summary>
/// <param name="Name">Where it is declared, e.g. <c>IWorkloadGrain.ReportAsync(reports)</c> or <c>WorkloadSpec.Command</c>.</param>
/// <param name="Type">Its declared type (a result with <c>Task&lt;T&gt;</c> unwrapped to <c>T</c>).</param>
public sealed record WireMember(string Name, Type Type)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}: {WireSurface.Display(Type)}";
}
