using Enc.Consensus.Blocks;
using Enc.Consensus.Primitives;
using Enc.Scheduling.Model;

namespace Enc.Grains.Consensus.Scheduling;

/// <summary>
/// A ConsensusDriven instance waiting for placement (decision type <see cref="Type"/>): it sits in
/// the validators' pools; the proposer turns a batch of them into <see cref="PlacementDecision"/>s.
/// It never appears in a block itself. The payload holds every scheduling input, so all validators
/// schedule the same request.
/// </summary>
public sealed record PlacementRequestDecision
{
    /// <summary>The pool-only decision type.</summary>
    public const string Type = "enc.placement-request";

    /// <summary>The instance to place (the pool key).</summary>
    public required string InstanceId { get; init; }

    /// <summary>The workload the instance belongs to (<c>namespace/name</c>).</summary>
    public required string WorkloadId { get; init; }

    /// <summary>The workload's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The instance's replica ordinal.</summary>
    public required int Replica { get; init; }

    /// <summary>Resources the instance reserves.</summary>
    public required ResourceVector Resources { get; init; }

    /// <summary>Scheduling priority.</summary>
    public int Priority { get; init; }

    /// <summary>Node labels required with these values.</summary>
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();

    /// <summary>The workload's labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Tolerated taints.</summary>
    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    /// <summary>The scheduler's request for this instance (default algorithm and options on every validator).</summary>
    public SchedulingRequest ToSchedulingRequest() => new()
    {
        WorkloadId = WorkloadId,
        Namespace = Namespace,
        Resources = Resources,
        Replicas = 1,
        FirstReplicaIndex = Replica,
        Priority = Priority,
        SubmissionSequence = 0,
        Labels = Labels,
        NodeSelector = NodeSelector,
        Tolerations = Tolerations,
    };

    /// <summary>Encodes the request as a pool decision.</summary>
    public Decision ToDecision() => new(Type, Encode());

    /// <summary>The canonical payload (starts with the instance id).</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(256);
        writer.WriteString(InstanceId).WriteString(WorkloadId).WriteString(Namespace).WriteInt64(Replica);
        NodeInventoryDecision.WriteVector(writer, Resources);
        writer.WriteInt64(Priority);
        CanonicalMaps.Write(writer, NodeSelector);
        CanonicalMaps.Write(writer, Labels);
        writer.WriteUInt32((uint)Tolerations.Count);
        foreach (var t in Tolerations)
        {
            writer.WriteString(t.Key).WriteByte((byte)t.Operator).WriteString(t.Value).WriteByte((byte)(t.Effect ?? 0));
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a payload written by <see cref="Encode"/>.</summary>
    /// <exception cref="FormatException">The payload is malformed; the message names the field.</exception>
    public static PlacementRequestDecision Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new CanonicalReader(payload);
        var request = Read(ref reader);
        reader.EnsureEnd("placement request");
        return request;
    }

    /// <summary>The instance id at the start of a request or placement payload.</summary>
    /// <exception cref="FormatException">The payload is malformed.</exception>
    public static string ReadInstanceId(ReadOnlySpan<byte> payload)
    {
        var reader = new CanonicalReader(payload);
        return reader.ReadString("placement.instance", 512);
    }

    internal static PlacementRequestDecision Read(ref CanonicalReader reader)
    {
        var instance = reader.ReadString("placement.instance", 512);
        var workload = reader.ReadString("placement.workload", 512);
        var ns = reader.ReadString("placement.namespace", 253);
        var replica = reader.ReadInt64("placement.replica");
        if (instance.Length == 0 || workload.Length == 0 || replica is < 0 or > int.MaxValue)
        {
            throw new FormatException("Field 'placement.instance', 'placement.workload' or 'placement.replica' is invalid.");
        }

        var resources = NodeInventoryDecision.ReadVector(ref reader, "placement.resources");
        var priority = reader.ReadInt64("placement.priority");
        var selector = CanonicalMaps.Read(ref reader, "placement.nodeSelector");
        var labels = CanonicalMaps.Read(ref reader, "placement.labels");
        var count = reader.ReadUInt32("placement.tolerations.count");
        if (count > 256 || priority is < int.MinValue or > int.MaxValue)
        {
            throw new FormatException("Field 'placement.tolerations.count' or 'placement.priority' is out of range.");
        }

        var tolerations = new List<Toleration>((int)count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString("placement.toleration.key");
            var op = (TolerationOperator)reader.ReadByte("placement.toleration.operator");
            var value = reader.ReadString("placement.toleration.value");
            var effect = reader.ReadByte("placement.toleration.effect");
            tolerations.Add(new Toleration { Key = key, Operator = op, Value = value, Effect = effect == 0 ? null : (TaintEffect)effect });
        }

        return new PlacementRequestDecision
        {
            InstanceId = instance,
            WorkloadId = workload,
            Namespace = ns,
            Replica = (int)replica,
            Resources = resources,
            Priority = (int)priority,
            NodeSelector = selector,
            Labels = labels,
            Tolerations = tolerations,
        };
    }
}
