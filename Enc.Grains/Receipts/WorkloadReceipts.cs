using System.Globalization;
using Enc.Grains.Interfaces.Workloads;
using Enc.Ledger.Receipts;

namespace Enc.Grains.Receipts;

/// <summary>
/// Maps workload events (the workload planner's record of every state change) to receipts. Workload-level:
/// Submitted → WorkloadSubmitted, Updated → WorkloadUpdated, Stopped → WorkloadStopped (WorkloadDeleted when
/// the reason is <see cref="DeletedReason"/>). Instance-level: Scheduled → InstanceScheduled, Running →
/// InstanceStarted, Succeeded/Failed/Stopped → InstanceExited, Restarted → InstanceRestarted, NodeLost →
/// InstanceRescheduled, Evicted/Preempted → InstanceEvicted. Other events (Starting, Unschedulable) record no receipt.
/// </summary>
public static class WorkloadReceipts
{
    /// <summary>The stop reason the workload grain uses for deletions.</summary>
    public const string DeletedReason = "deleted";

    /// <summary>The receipt for <paramref name="e"/> of workload <paramref name="workloadId"/>, or null when the event records none.</summary>
    public static (ReceiptKind Kind, string Subject, ReceiptPayload Payload)? For(string workloadId, WorkloadEvent e, WorkloadSpec? spec, long specVersion)
    {
        ArgumentNullException.ThrowIfNull(e);
        var kind = e.InstanceId is null ? WorkloadKind(e) : InstanceKind(e.Kind);
        if (kind is not { } k)
        {
            return null;
        }

        var payload = ReceiptPayload.Of(
            ("workload", workloadId),
            ("event", e.Kind),
            ("message", e.Message),
            ("at", e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            ("specVersion", specVersion.ToString(CultureInfo.InvariantCulture)));
        if (e.InstanceId is { } instance)
        {
            payload.Add("instance", instance);
            return (k, ReceiptSubjects.Instance(instance), payload);
        }

        if (k is ReceiptKind.WorkloadSubmitted or ReceiptKind.WorkloadUpdated && spec is not null)
        {
            payload.Add("spec", System.Text.Json.JsonSerializer.Serialize(spec));
        }

        return (k, ReceiptSubjects.Workload(workloadId), payload);
    }

    private static ReceiptKind? WorkloadKind(WorkloadEvent e) => e.Kind switch
    {
        "Submitted" => ReceiptKind.WorkloadSubmitted,
        "Updated" => ReceiptKind.WorkloadUpdated,
        "Stopped" => e.Message == DeletedReason ? ReceiptKind.WorkloadDeleted : ReceiptKind.WorkloadStopped,
        _ => null,
    };

    private static ReceiptKind? InstanceKind(string kind) => kind switch
    {
        "Scheduled" => ReceiptKind.InstanceScheduled,
        nameof(InstanceState.Running) => ReceiptKind.InstanceStarted,
        nameof(InstanceState.Succeeded) or nameof(InstanceState.Failed) or nameof(InstanceState.Stopped) => ReceiptKind.InstanceExited,
        "Restarted" => ReceiptKind.InstanceRestarted,
        "NodeLost" => ReceiptKind.InstanceRescheduled,
        "Evicted" or "Preempted" => ReceiptKind.InstanceEvicted,
        _ => null,
    };
}
