namespace Enc.Cluster.Tests.Wire;

/// <summary>
/// Records the calls it receives. Placed on the silo of the caller that activates it, so a test chooses
/// where it lives by which silo's grain factory touches it first.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class WireProbeGrain(ILocalSiloDetails silo) : Grain, IWireProbeGrain
{
    private readonly List<WireProbeDelivery> _received = [];

    Task IWireProbeGrain.PushOneWayAsync(IReadOnlyList<string> items) => Record(items);

    Task IWireProbeGrain.PushAsync(IReadOnlyList<string> items) => Record(items);

    Task IWireProbeGrain.PushValueOneWayAsync(object value) => Record([value.ToString()!], value);

    Task IWireProbeGrain.PushValueAsync(object value) => Record([value.ToString()!], value);

    Task<WireProbeDelivery[]> IWireProbeGrain.ReceivedAsync() => Task.FromResult(_received.ToArray());

    private Task Record(IReadOnlyList<string> items) => Record([.. items], items);

    private Task Record(string[] items, object argument)
    {
        _received.Add(new WireProbeDelivery { Items = items, ArgumentType = argument.GetType().Name, Silo = silo.SiloAddress.ToString() });
        return Task.CompletedTask;
    }
}
