using System.Text.Json;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads;

/// <summary>
/// The workload's domain logic, without Orleans: applying specs, turning the desired replica count into
/// instances (rolling replacement one slot at a time on spec changes), recording agent reports and events.
/// The grain performs the side effects (placement, node calls) that <see cref="Converge"/> asks for.
/// Every mutation increments the record's <see cref="WorkloadRecord.Revision"/>, and nothing else does, so
/// the grain writes its state only when an operation changed it (an agent's unchanged report changes nothing).
/// </summary>
public sealed class WorkloadPlanner
{
    /// <summary>Events kept per workload.</summary>
    public const int MaxEvents = 200;

    private static readonly WorkloadSpecValidator Validator = new();
    private readonly WorkloadRecord _record;
    private readonly Func<DateTimeOffset> _now;
    private readonly Func<string> _randomSuffix;
    private readonly Action<WorkloadEvent>? _onEvent;

    /// <summary>
    /// Wraps a record; <paramref name="randomSuffix"/> makes instance ids unique; <paramref name="onEvent"/> sees
    /// every event as it is added (the grain records receipts from them).
    /// </summary>
    public WorkloadPlanner(WorkloadRecord record, Func<DateTimeOffset> now, Func<string> randomSuffix, Action<WorkloadEvent>? onEvent = null)
    {
        _record = record;
        _now = now;
        _randomSuffix = randomSuffix;
        _onEvent = onEvent;
    }

    /// <summary>True when the workload exists.</summary>
    public bool Exists => _record.Spec is not null;

    /// <summary>The record's revision: changes exactly when this planner changed the record.</summary>
    public long Revision => _record.Revision;

    /// <summary>Validates and stores a spec; returns true when anything changed.</summary>
    public bool Apply(WorkloadSpec spec, bool allowUpdate)
    {
        Validator.EnsureValid(spec);
        var now = _now();
        (string Kind, string Message) happened;
        if (_record.Spec is { } current)
        {
            if (_record.Deleting)
            {
                throw new InvalidOperationException($"workload {spec.Id} is being deleted (its nodes are still giving back reservations); apply it again once it is gone");
            }

            if (!allowUpdate)
            {
                throw new InvalidOperationException($"workload {spec.Id} already exists (use apply to update it)");
            }

            if (SameSpec(current, spec) && !_record.Stopped)
            {
                return false;
            }

            _record.SpecVersion++;
            happened = ("Updated", $"spec version {_record.SpecVersion}{(_record.Stopped ? " (started again)" : "")}");
        }
        else
        {
            _record.SpecVersion = 1;
            _record.RegistryRemovalPending = false; // the name of a deleted workload of this id is listed again
            _record.CreatedAt = now;
            happened = ("Submitted", $"{spec.Replicas} replica(s) of {spec.Image ?? string.Join(' ', spec.Command)} ({spec.Driver})");
        }

        // The event is added once the new spec is in place, so it (and its receipt) names the workload.
        _record.Spec = spec;
        _record.Stopped = false;
        AddEvent(null, happened.Kind, happened.Message);
        _record.UpdatedAt = now;
        return true;
    }

    /// <summary>Marks the workload stopped; <see cref="Converge"/> then stops every instance.</summary>
    public void Stop(string reason)
    {
        _record.Stopped = true;
        _record.UpdatedAt = _now();
        AddEvent(null, "Stopped", reason);
    }

    /// <summary>True once deletion was requested (<see cref="Delete"/>) and until the grain empties the record.</summary>
    public bool Deleting => _record.Deleting;

    /// <summary>
    /// Requests deletion: stops the workload (event <c>Stopped</c> with <paramref name="reason"/>) and marks it
    /// deleting; the grain forgets it once <see cref="PendingReleases"/> is empty. Finished instances whose
    /// reservation was given back still have their entry on the node (for their logs): they become pending
    /// again, so that their entries are taken off the node before the workload is forgotten. Returns false (and
    /// changes nothing) when deletion was already requested.
    /// </summary>
    public bool Delete(string reason)
    {
        if (_record.Deleting)
        {
            return false;
        }

        _record.Deleting = true;
        for (var i = 0; i < _record.Instances.Count; i++)
        {
            if (_record.Instances[i] is { NodeName: not null, NodeReleased: true } kept && IsFinished(kept.State))
            {
                _record.Instances[i] = kept with { NodeReleased = false };
            }
        }

        Stop(reason);
        return true;
    }

    /// <summary>
    /// Brings instances toward the desired state. Returns the instances to place (new, Pending) and the
    /// instances to stop (already marked Stopped here).
    /// </summary>
    public (IReadOnlyList<WorkloadInstance> ToPlace, IReadOnlyList<WorkloadInstance> ToStop) Converge()
    {
        var toStop = new List<WorkloadInstance>();
        var toPlace = new List<WorkloadInstance>();
        if (_record.Spec is not { } spec)
        {
            return (toPlace, toStop);
        }

        var replicas = _record.Stopped ? 0 : spec.Replicas;
        foreach (var extra in Active().Where(i => i.Ordinal >= replicas).ToList())
        {
            toStop.Add(MarkStopped(extra, _record.Stopped ? "workload stopped" : "scaled down"));
        }

        var rolling = Enumerable.Range(0, replicas).Count(IsRolling);
        for (var ordinal = 0; ordinal < replicas; ordinal++)
        {
            var slot = _record.Instances.Where(i => i.Ordinal == ordinal).ToList();
            var current = slot.LastOrDefault(i => i.SpecVersion == _record.SpecVersion);
            var old = slot.Where(i => i.SpecVersion < _record.SpecVersion && !i.IsTerminal).ToList();
            if (current is null || current.State == InstanceState.Stopped)
            {
                if (old.Count > 0 && rolling > 0)
                {
                    continue; // one slot at a time: wait for the slot in progress
                }

                if (old.Count > 0)
                {
                    rolling++;
                }

                var created = NewInstance(spec, ordinal);
                _record.Instances.Add(created);
                Changed();
                toPlace.Add(created);
            }
            else if (current.State == InstanceState.Running || current.IsTerminal)
            {
                toStop.AddRange(old.Select(o => MarkStopped(o, $"replaced by spec version {_record.SpecVersion}")));
            }
        }

        return (toPlace, toStop);
    }

    /// <summary>Records a node agent's report; returns the instance when it became terminal (Succeeded or Failed).</summary>
    public WorkloadInstance? Report(string nodeName, InstanceStatusReport report)
    {
        var index = _record.Instances.FindIndex(i => i.InstanceId == report.InstanceId);
        if (index < 0 || _record.Instances[index] is var i && (i.NodeName != nodeName || i.State == InstanceState.Stopped))
        {
            return null; // unknown, moved away, or stopped by us: stale news
        }

        var before = _record.Instances[index];
        var after = before with
        {
            State = report.State,
            ExitCode = report.ExitCode ?? before.ExitCode,
            Reason = report.Reason,
            StartedAt = report.StartedAt ?? before.StartedAt,
            FinishedAt = report.FinishedAt,
            RestartCount = Math.Max(before.RestartCount, report.RestartCount),
            TaskId = report.TaskId ?? before.TaskId,
            NodeReleased = before.NodeReleased && (IsFinished(report.State) || report.State == InstanceState.Stopped),
        };
        if (after == before)
        {
            return null; // the agent's periodic full report of an unchanged instance: nothing to record or write
        }

        _record.Instances[index] = after;
        Changed();
        if (after.RestartCount > before.RestartCount)
        {
            AddEvent(after.InstanceId, "Restarted", $"restart {after.RestartCount} on {nodeName}");
        }

        if (after.State != before.State)
        {
            AddEvent(after.InstanceId, after.State.ToString(), after.Reason ?? $"on {nodeName}");
        }

        return after.IsTerminal && !before.IsTerminal ? after : null;
    }

    /// <summary>Marks an instance Scheduled on a node with its ports; <paramref name="message"/> replaces the event text <c>on NODE</c>.</summary>
    public void Scheduled(string instanceId, string nodeName, IReadOnlyDictionary<string, int> ports, string? message = null) =>
        Update(instanceId, i => i with { State = InstanceState.Scheduled, NodeName = nodeName, Ports = ports, Reason = null }, "Scheduled", message ?? $"on {nodeName}");

    /// <summary>Leaves an instance Pending with the reason no node took it.</summary>
    public void Unschedulable(string instanceId, string reason)
    {
        var i = _record.Instances.FindIndex(x => x.InstanceId == instanceId);
        if (i >= 0 && _record.Instances[i].Reason != reason)
        {
            _record.Instances[i] = _record.Instances[i] with { Reason = reason };
            AddEvent(instanceId, "Unschedulable", reason);
        }
    }

    /// <summary>Stops every non-terminal instance placed on one of <paramref name="downNodes"/>.</summary>
    public IReadOnlyList<WorkloadInstance> NodesLost(IReadOnlyCollection<string> downNodes) =>
        Active().Where(i => i.NodeName is { } n && downNodes.Contains(n)).ToList()
            .Select(i => MarkStopped(i, $"node {i.NodeName} is down; rescheduling", "NodeLost")).ToList();

    /// <summary>
    /// Stops an instance the scheduler evicted from <paramref name="nodeName"/> (event <paramref name="kind"/>,
    /// <c>Evicted</c>); <see cref="Converge"/> then creates its replacement. Returns the
    /// stopped instance, or null when no active instance with that id runs on that node.
    /// </summary>
    public WorkloadInstance? Evict(string instanceId, string nodeName, string kind, string reason)
    {
        var instance = Active().FirstOrDefault(i => i.InstanceId == instanceId && i.NodeName == nodeName);
        return instance is null ? null : MarkStopped(instance, reason, kind);
    }

    /// <summary>
    /// Instances whose node reservation is still to be given back: ended (Succeeded, Failed or Stopped) on a
    /// node that has not yet confirmed the release (<see cref="WorkloadInstance.NodeReleased"/>). The grain
    /// releases the ones an operation ended in that operation, and retries the others on its retry timer and
    /// reminder, whether or not their node still reports: a node that is gone for good never reports again, yet
    /// its grains still take the release.
    /// </summary>
    public IReadOnlyList<WorkloadInstance> PendingReleases() => _record.Instances.Where(AwaitsRelease).ToList();

    /// <summary>Records that the node gave back the instance's reservation; false when unknown or already recorded.</summary>
    public bool MarkReleased(string instanceId)
    {
        var i = _record.Instances.FindIndex(x => x.InstanceId == instanceId);
        if (i < 0 || _record.Instances[i].NodeReleased)
        {
            return false;
        }

        _record.Instances[i] = _record.Instances[i] with { NodeReleased = true };
        Changed();
        return true;
    }

    /// <summary>
    /// Takes back a release recorded by <see cref="MarkReleased"/> whose state write failed, so that memory claims
    /// no more than storage holds: the instance is pending again and is released again (releases are
    /// idempotent). False when unknown or not recorded as released.
    /// </summary>
    public bool ForgetRelease(string instanceId)
    {
        var i = _record.Instances.FindIndex(x => x.InstanceId == instanceId);
        if (i < 0 || !_record.Instances[i].NodeReleased)
        {
            return false;
        }

        _record.Instances[i] = _record.Instances[i] with { NodeReleased = false };
        Changed();
        return true;
    }

    /// <summary>Instances still Pending (not placed).</summary>
    public IReadOnlyList<WorkloadInstance> Pending() => _record.Instances.Where(i => i.State == InstanceState.Pending).ToList();

    /// <summary>Instances not yet terminal.</summary>
    public IEnumerable<WorkloadInstance> Active() => _record.Instances.Where(i => !i.IsTerminal);

    /// <summary>
    /// Drops terminal instances beyond the newest few per slot, so history stays bounded. An instance whose
    /// release is pending (<see cref="PendingReleases"/>) is kept until its node gave the reservation back:
    /// forgetting it would leak that reservation for good. Neither is one in <paramref name="keep"/> (the grain
    /// passes the releases of the current turn, not yet written: if that write fails they are pending again).
    /// </summary>
    public void Compact(int keepPerSlot = 5, IReadOnlyCollection<string>? keep = null)
    {
        var drop = _record.Instances.Where(i => i.IsTerminal).GroupBy(i => i.Ordinal)
            .SelectMany(g => g.SkipLast(keepPerSlot)).Where(i => !AwaitsRelease(i) && keep?.Contains(i.InstanceId) != true).ToHashSet();
        if (_record.Instances.RemoveAll(drop.Contains) > 0)
        {
            Changed();
        }
    }

    /// <summary>The client view.</summary>
    public WorkloadSnapshot? Snapshot() => _record.Spec is not { } spec ? null : new WorkloadSnapshot
    {
        Id = spec.Id,
        Spec = spec,
        SpecVersion = _record.SpecVersion,
        Stopped = _record.Stopped,
        Instances = _record.Instances.ToList(),
        CreatedAt = _record.CreatedAt,
        UpdatedAt = _record.UpdatedAt,
        Deleting = _record.Deleting,
    };

    /// <summary>Appends an event, keeping the newest <see cref="MaxEvents"/>.</summary>
    public void AddEvent(string? instanceId, string kind, string message)
    {
        var added = new WorkloadEvent { At = _now(), WorkloadId = _record.Spec?.Id ?? "", InstanceId = instanceId, Kind = kind, Message = message };
        _record.Events.Add(added);
        Changed();
        _onEvent?.Invoke(added);
        if (_record.Events.Count > MaxEvents)
        {
            _record.Events.RemoveRange(0, _record.Events.Count - MaxEvents);
        }
    }

    /// <summary>True when both specs serialize identically (records compare collections by reference).</summary>
    public static bool SameSpec(WorkloadSpec a, WorkloadSpec b) => JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

    private static bool IsFinished(InstanceState state) => state is InstanceState.Succeeded or InstanceState.Failed;

    private static bool AwaitsRelease(WorkloadInstance instance) => instance.IsTerminal && instance.NodeName is not null && !instance.NodeReleased;

    private void Changed() => _record.Revision++;

    private bool IsRolling(int ordinal)
    {
        var slot = _record.Instances.Where(i => i.Ordinal == ordinal).ToList();
        return slot.Any(i => i.SpecVersion < _record.SpecVersion && !i.IsTerminal)
            && slot.Any(i => i.SpecVersion == _record.SpecVersion && !i.IsTerminal && i.State != InstanceState.Running);
    }

    private WorkloadInstance NewInstance(WorkloadSpec spec, int ordinal) => new()
    {
        InstanceId = $"{spec.Namespace}-{spec.Name}-{_randomSuffix()}",
        WorkloadId = spec.Id,
        SpecVersion = _record.SpecVersion,
        Ordinal = ordinal,
        State = InstanceState.Pending,
        CreatedAt = _now(),
    };

    private WorkloadInstance MarkStopped(WorkloadInstance instance, string reason, string kind = "Stopped")
    {
        var stopped = instance with { State = InstanceState.Stopped, Reason = reason, FinishedAt = _now() };
        _record.Instances[_record.Instances.FindIndex(i => i.InstanceId == instance.InstanceId)] = stopped;
        AddEvent(instance.InstanceId, kind, reason);
        return stopped;
    }

    private void Update(string instanceId, Func<WorkloadInstance, WorkloadInstance> change, string kind, string message)
    {
        var i = _record.Instances.FindIndex(x => x.InstanceId == instanceId);
        if (i >= 0)
        {
            _record.Instances[i] = change(_record.Instances[i]);
            AddEvent(instanceId, kind, message);
        }
    }
}
