using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads.Placement;

/// <summary>
/// One silo's copy of what placement needs of the cluster (node snapshots and their assigned instances),
/// kept current the way a Kubernetes informer is: each read asks the node registry which nodes changed since
/// the last read and re-reads only those, so a placement costs two grain calls plus one or two per changed node
/// instead of two per node. Nodes this silo reserved on or assigned to are re-read on the next read
/// whatever the registry says (<see cref="Invalidate"/>), and every node is re-read after
/// <c>fullRefreshInterval</c>, which bounds how long a lost change notification can hide a change.
/// A node that does not answer within <c>fetchTimeout</c> (its silo just died, say) keeps its last known
/// entry and is tried again once that long has passed, so one dead node delays at most one read per
/// timeout rather than every read on the silo.
/// Binding still re-checks on the live node grain, so a stale entry can cost a retry, never an overcommit.
/// </summary>
public sealed class ClusterViewCache(IClusterStateSource source, TimeProvider time, TimeSpan fullRefreshInterval, TimeSpan fetchTimeout)
{
    /// <summary>Default interval between full refreshes.</summary>
    public static readonly TimeSpan DefaultFullRefreshInterval = TimeSpan.FromSeconds(30);

    /// <summary>Default time a node's grains get to answer a read.</summary>
    public static readonly TimeSpan DefaultFetchTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SortedDictionary<string, Entry> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _invalidated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _unanswered = new(StringComparer.Ordinal);
    private Guid _epoch;
    private long _sequence;
    private DateTimeOffset _lastFullRefresh = DateTimeOffset.MinValue;
    private (IReadOnlyList<NodeSnapshot> Nodes, IReadOnlyList<PlacedInstance> Instances)? _built;

    /// <summary>Creates a cache with the default full-refresh interval.</summary>
    public ClusterViewCache(IClusterStateSource source)
        : this(source, TimeProvider.System, DefaultFullRefreshInterval, DefaultFetchTimeout)
    {
    }

    /// <summary>Marks <paramref name="nodeName"/> to be re-read on the next read (this silo changed it).</summary>
    public void Invalidate(string nodeName)
    {
        lock (_invalidated)
        {
            _invalidated.Add(nodeName);
        }
    }

    /// <summary>The current view: every registered node sorted by name, their unfinished instances, latencies.</summary>
    public async Task<ClusterView> ReadAsync()
    {
        var latencies = source.ListLatenciesAsync();
        await _gate.WaitAsync();
        try
        {
            var (nodes, instances) = await RefreshAsync();
            return new ClusterView(nodes, instances, await latencies);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(IReadOnlyList<NodeSnapshot> Nodes, IReadOnlyList<PlacedInstance> Instances)> RefreshAsync()
    {
        var now = time.GetUtcNow();
        var full = now - _lastFullRefresh >= fullRefreshInterval;
        string[] invalidated;
        lock (_invalidated)
        {
            invalidated = [.. _invalidated];
            _invalidated.Clear();
        }

        try
        {
            var changes = await source.ChangesSinceAsync(full ? Guid.Empty : _epoch, _sequence);
            var retry = _unanswered.Where(u => u.Value <= now).Select(u => u.Key);
            var names = changes.Names.Concat(invalidated).Concat(retry).Distinct(StringComparer.Ordinal).ToArray();
            var fetched = await Task.WhenAll(names.Select(TryFetchAsync));
            if (changes.Full)
            {
                var known = changes.Names.ToHashSet(StringComparer.Ordinal);
                foreach (var gone in _nodes.Keys.Where(n => !known.Contains(n)).ToList())
                {
                    _nodes.Remove(gone);
                }

                _lastFullRefresh = now;
            }

            foreach (var (name, (answered, entry)) in names.Zip(fetched))
            {
                if (!answered)
                {
                    _unanswered[name] = time.GetUtcNow() + fetchTimeout; // keep the last known entry; ask again later
                    continue;
                }

                _unanswered.Remove(name);
                if (entry is null)
                {
                    _nodes.Remove(name);
                }
                else
                {
                    _nodes[name] = entry;
                }
            }

            (_epoch, _sequence) = (changes.Epoch, changes.Sequence);
            if (names.Length > 0 || changes.Full || _built is null)
            {
                _built = Build();
            }

            return _built.Value;
        }
        catch
        {
            // Nothing was applied: what this read was to re-read stays due for the next one.
            foreach (var name in invalidated)
            {
                Invalidate(name);
            }

            throw;
        }
    }

    private async Task<(bool Answered, Entry? Entry)> TryFetchAsync(string name)
    {
        try
        {
            return (true, await FetchAsync(name).WaitAsync(fetchTimeout, time));
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            return (false, null);
        }
    }

    private async Task<Entry?> FetchAsync(string name)
    {
        var snapshot = await source.GetNodeAsync(name);
        if (snapshot is null)
        {
            return null;
        }

        var instances = snapshot.Workloads.Count > 0 ? await source.ListInstancesAsync(name) : [];
        return new Entry(snapshot, instances);
    }

    private (IReadOnlyList<NodeSnapshot>, IReadOnlyList<PlacedInstance>) Build()
    {
        var nodes = _nodes.Values.Select(e => e.Snapshot).ToArray();
        var instances = _nodes.Values
            .Where(e => e.Snapshot.Workloads.Count > 0)
            .SelectMany(e => e.Instances.Where(a => !a.Finished).Select(a => new PlacedInstance(e.Snapshot.Name, a)))
            .ToArray();
        return (nodes, instances);
    }

    private sealed record Entry(NodeSnapshot Snapshot, IReadOnlyList<AssignedInstance> Instances);
}
