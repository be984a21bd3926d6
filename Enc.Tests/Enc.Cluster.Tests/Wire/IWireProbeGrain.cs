using Orleans.Concurrency;

namespace Enc.Cluster.Tests.Wire;

/// <summary>
/// A test grain that records what its calls carried, to observe how Orleans moves collection arguments
/// between callers and activations (same silo, another silo, a client over TCP). Its parameters are
/// interface-typed on purpose: that is the shape under test.
/// </summary>
[Alias("Enc.Tests.IWireProbeGrain")]
public interface IWireProbeGrain : IGrainWithStringKey
{
    /// <summary>A one-way call carrying <paramref name="items"/>; nobody awaits its delivery.</summary>
    [Alias("PushOneWay")]
    [OneWay]
    Task PushOneWayAsync(IReadOnlyList<string> items);

    /// <summary>The same call, awaited.</summary>
    [Alias("Push")]
    Task PushAsync(IReadOnlyList<string> items);

    /// <summary>A one-way call carrying any value (the shape the wire rules forbid in ENC's contracts).</summary>
    [Alias("PushValueOneWay")]
    [OneWay]
    Task PushValueOneWayAsync(object value);

    /// <summary>The same call, awaited.</summary>
    [Alias("PushValue")]
    Task PushValueAsync(object value);

    /// <summary>Every call received so far, oldest first.</summary>
    [Alias("Received")]
    Task<WireProbeDelivery[]> ReceivedAsync();
}
