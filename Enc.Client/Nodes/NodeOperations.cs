using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Nodes.Reservations;

namespace Enc.Client.Nodes;

/// <summary>Operations on the cluster's nodes: list, get, the operator's labels and taints, and the reservation audit.</summary>
public sealed class NodeOperations
{
    private readonly IGrainFactory _grains;

    internal NodeOperations(IGrainFactory grains) => _grains = grains;

    /// <summary>All known nodes, sorted by name.</summary>
    public async Task<IReadOnlyList<NodeSnapshot>> ListAsync(CancellationToken cancellationToken = default) =>
        await _grains.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).ListAsync().WaitAsync(cancellationToken);

    /// <summary>One node by name, or null when no such node registered.</summary>
    public async Task<NodeSnapshot?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var names = await _grains.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).ListNamesAsync().WaitAsync(cancellationToken);
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        return await _grains.GetGrain<INodeGrain>(name).GetAsync().WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Adds or removes taints, kubectl-style: <c>key=value:Effect</c> or <c>key:Effect</c> adds (Effect is
    /// NoSchedule, PreferNoSchedule or NoExecute), <c>key:Effect-</c> removes that taint, <c>key-</c> every taint
    /// with the key. A new NoExecute taint evicts the node's instances that do not tolerate it.
    /// Throws <see cref="ArgumentException"/> naming a malformed argument; null when the node never registered.
    /// </summary>
    public Task<NodeSnapshot?> TaintAsync(string name, IEnumerable<string> taints, CancellationToken cancellationToken = default) =>
        UpdateMarkingsAsync(name, NodeMarkingSyntax.ParseTaints(taints), cancellationToken);

    /// <summary>Sets (<c>key=value</c>) or removes (<c>key-</c>) operator labels; null when the node never registered.</summary>
    public Task<NodeSnapshot?> LabelAsync(string name, IEnumerable<string> labels, CancellationToken cancellationToken = default) =>
        UpdateMarkingsAsync(name, NodeMarkingSyntax.ParseLabels(labels), cancellationToken);

    /// <summary>Applies a parsed label/taint change; null when the node never registered.</summary>
    public async Task<NodeSnapshot?> UpdateMarkingsAsync(string name, NodeMarkingChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await GetAsync(name, cancellationToken) is null)
        {
            return null;
        }

        return await _grains.GetGrain<INodeGrain>(name).UpdateMarkingsAsync(change).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The node's reservations, each with the workload that made it and when (the reservation audit's input); null
    /// when the node never registered.
    /// </summary>
    public async Task<IReadOnlyList<NodeReservation>?> ReservationsAsync(string name, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(name, cancellationToken) is null)
        {
            return null;
        }

        return await _grains.GetGrain<INodeGrain>(name).ListReservationsAsync().WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs the node's reservation audit now (it also runs every <c>Enc:Nodes:ReservationAuditInterval</c>): releases
    /// the reservations and instance entries no workload holds any more and returns what it asked, released and could
    /// not ask (docs/workloads.md, "Reservation audit"); null when the node never registered.
    /// </summary>
    public async Task<NodeReservationAuditReport?> AuditReservationsAsync(string name, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(name, cancellationToken) is null)
        {
            return null;
        }

        return await _grains.GetGrain<INodeReservationAuditGrain>(name).AuditAsync().WaitAsync(cancellationToken);
    }
}
