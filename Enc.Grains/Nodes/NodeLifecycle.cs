using Enc.Grains.Interfaces.Nodes;

namespace Enc.Grains.Nodes;

/// <summary>
/// The domain logic of a node: registration, readiness, heartbeats, health transitions and
/// resource reservations over a <see cref="NodeRecord"/>. Grain-free so unit tests drive it directly.
/// Every method takes the current time; none reads a clock.
/// </summary>
public sealed partial class NodeLifecycle(string name, NodeRecord record)
{
    /// <summary>Most status changes kept in the history (oldest are dropped first).</summary>
    public const int MaxHistory = 200;

    /// <summary>The node's name.</summary>
    public string Name { get; } = name;

    /// <summary>The state being operated on.</summary>
    public NodeRecord Record { get; } = record;

    /// <summary>True once the node registered at least once.</summary>
    public bool IsRegistered => Record.Status != NodeStatus.Invalid;

    /// <summary>Applies a registration: refreshes host facts and moves the node to Joining.</summary>
    /// <param name="registration">Facts reported by the agent.</param>
    /// <param name="now">Current time.</param>
    /// <param name="newId">Supplies the node id on first registration.</param>
    public void Register(NodeRegistration registration, DateTimeOffset now, Func<string> newId)
    {
        ArgumentNullException.ThrowIfNull(registration);
        NodeRegistrationValidator.ThrowIfInvalid(registration);
        if (!IsRegistered)
        {
            Record.Id = newId();
            Record.RegisteredAt = now;
        }

        Record.Capabilities = registration.Capabilities;
        Record.Capacity = registration.Capacity;
        Record.Address = registration.Address;
        Record.ConsensusWeight = registration.ConsensusWeight;
        Record.PublicKey = registration.PublicKey is { } key ? Convert.ToHexStringLower(key) : Record.PublicKey;
        Record.LastHeartbeat = now;
        Transition(NodeStatus.Joining, NodeStatusReasons.Registered, now);
    }

    /// <summary>Moves a Joining node to Ready; returns true when the status changed.</summary>
    public bool MarkReady(DateTimeOffset now)
    {
        ThrowIfNotRegistered();
        Record.LastHeartbeat = now;
        return Record.Status == NodeStatus.Joining && Transition(NodeStatus.Ready, NodeStatusReasons.AgentReady, now);
    }

    /// <summary>Records a heartbeat; revives a NotReady or Down node. Returns true when the status changed.</summary>
    public bool Heartbeat(DateTimeOffset now)
    {
        ThrowIfNotRegistered();
        Record.LastHeartbeat = now;
        return Record.Status is NodeStatus.NotReady or NodeStatus.Down
            && Transition(NodeStatus.Ready, NodeStatusReasons.HeartbeatResumed, now);
    }

    /// <summary>Marks the node Leaving; returns true when the status changed.</summary>
    public bool MarkLeaving(DateTimeOffset now)
    {
        ThrowIfNotRegistered();
        return Record.Status != NodeStatus.Down && Transition(NodeStatus.Leaving, NodeStatusReasons.ShutdownRequested, now);
    }

    /// <summary>Applies <see cref="NodeHealthPolicy"/>; returns true when the status changed.</summary>
    public bool EvaluateHealth(DateTimeOffset now, bool siloLeftMembership, NodeHealthThresholds thresholds)
    {
        var decision = NodeHealthPolicy.Evaluate(Record.Status, Record.LastHeartbeat, now, siloLeftMembership, thresholds);
        return decision is { } d && Transition(d.Status, d.Reason, now);
    }

    /// <summary>
    /// Reserves resources for a workload when they fit in the free capacity. Re-assigning the same
    /// workload replaces its previous reservation. Returns false (changing nothing) when it does not fit.
    /// </summary>
    public bool TryAssignWorkload(string workloadId, ResourceQuantities request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workloadId);
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsNonNegative)
        {
            throw new ArgumentException($"{nameof(request)}: resource requests must not be negative.", nameof(request));
        }

        var index = Record.Allocations.FindIndex(a => a.Key == workloadId);
        var allocatedOthers = Allocated();
        if (index >= 0)
        {
            allocatedOthers = allocatedOthers.Subtract(Record.Allocations[index].Value);
        }

        if (!allocatedOthers.Add(request).FitsWithin(Record.Capacity))
        {
            return false;
        }

        var entry = new KeyValuePair<string, ResourceQuantities>(workloadId, request);
        if (index >= 0)
        {
            Record.Allocations[index] = entry;
        }
        else
        {
            Record.Allocations.Add(entry);
        }

        return true;
    }

    /// <summary>
    /// Preemption: releases every victim's reservation and reserves <paramref name="request"/> in one step,
    /// or changes nothing and returns false when the node is not Ready, a victim holds no reservation here,
    /// or the request does not fit even without the victims.
    /// </summary>
    public bool TryAssignWorkload(string workloadId, ResourceQuantities request, IReadOnlyList<string> victims)
    {
        ArgumentNullException.ThrowIfNull(victims);
        if (Record.Status != NodeStatus.Ready || victims.Any(v => Record.Allocations.FindIndex(a => a.Key == v) < 0))
        {
            return false;
        }

        var saved = Record.Allocations.ToList();
        Record.Allocations.RemoveAll(a => victims.Contains(a.Key));
        if (TryAssignWorkload(workloadId, request))
        {
            return true;
        }

        Record.Allocations = saved;
        return false;
    }

    /// <summary>Releases a workload's reservation (and its stamp); returns true when it held one.</summary>
    public bool UnassignWorkload(string workloadId)
    {
        Record.ReservationStamps.Remove(workloadId);
        return Record.Allocations.RemoveAll(a => a.Key == workloadId) > 0;
    }

    /// <summary>Sum of all reservations.</summary>
    public ResourceQuantities Allocated() =>
        Record.Allocations.Aggregate(ResourceQuantities.Zero, (sum, a) => sum.Add(a.Value));

    /// <summary>Builds the client-facing view; null when never registered.</summary>
    public NodeSnapshot? ToSnapshot() => !IsRegistered ? null : new NodeSnapshot
    {
        Id = Record.Id,
        Name = Name,
        Status = Record.Status,
        Capabilities = NodeMarkings.EffectiveCapabilities(Record),
        Resources = new NodeResources { Capacity = Record.Capacity, Allocated = Allocated() },
        Address = Record.Address,
        ConsensusWeight = Record.ConsensusWeight,
        Workloads = Record.Allocations.Select(a => a.Key).ToArray(),
        RegisteredAt = Record.RegisteredAt,
        LastHeartbeat = Record.LastHeartbeat,
        History = Record.History.ToArray(),
        PublicKey = Record.PublicKey,
        Taints = Record.Taints.ToArray(),
    };

    private bool Transition(NodeStatus to, string reason, DateTimeOffset now)
    {
        var from = Record.Status;
        if (from == to && reason != NodeStatusReasons.Registered)
        {
            return false;
        }

        Record.Status = to;
        Record.History.Add(new NodeStatusChange { From = from, To = to, At = now, Reason = reason });
        if (Record.History.Count > MaxHistory)
        {
            Record.History.RemoveRange(0, Record.History.Count - MaxHistory);
        }

        return true;
    }

    private void ThrowIfNotRegistered()
    {
        if (!IsRegistered)
        {
            throw new InvalidOperationException($"Node '{Name}' is not registered.");
        }
    }
}
