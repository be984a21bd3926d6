using System.Collections.Immutable;

namespace Enc.Cluster.Tests.Wire;

/// <summary>A grain interface (never implemented) whose signature the wire rules must reject, to prove the guard reads methods.</summary>
[Alias("Enc.Tests.IUnsafeWireFixtureGrain")]
public interface IUnsafeWireFixtureGrain : IGrainWithStringKey
{
    /// <summary>Rejected parameter.</summary>
    [Alias("Push")]
    Task PushAsync(IImmutableList<string> items, IReadOnlyList<string> accepted);

    /// <summary>Rejected result.</summary>
    [Alias("Get")]
    Task<object> GetAsync();
}
