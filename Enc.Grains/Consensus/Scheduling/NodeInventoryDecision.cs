using Enc.Consensus.Blocks;
using Enc.Consensus.Primitives;
using Enc.Scheduling.Model;

namespace Enc.Grains.Consensus.Scheduling;

/// <summary>
/// A node's inventory as committed through consensus (decision type <see cref="Type"/>): the
/// scheduler-facing facts (status, capacity, allocation at report time, labels, zone, region, taints) that
/// ConsensusDriven scheduling runs over. Each node's validator reports its own node when it changes.
/// </summary>
/// <param name="Node">The node as the scheduler models it.</param>
public sealed record NodeInventoryDecision(NodeInfo Node)
{
    /// <summary>The decision type.</summary>
    public const string Type = "enc.node-inventory";

    /// <summary>Encodes the inventory as a decision.</summary>
    public Decision ToDecision()
    {
        var writer = new CanonicalWriter(256);
        writer.WriteString(Node.Id).WriteByte((byte)Node.Status);
        WriteVector(writer, Node.Capacity);
        WriteVector(writer, Node.Allocated);
        writer.WriteString(Node.Zone).WriteString(Node.Region);
        CanonicalMaps.Write(writer, Node.Labels);
        var taints = Node.Taints.OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Value, StringComparer.Ordinal).ThenBy(t => t.Effect).ToList();
        writer.WriteUInt32((uint)taints.Count);
        foreach (var taint in taints)
        {
            writer.WriteString(taint.Key).WriteString(taint.Value).WriteByte((byte)taint.Effect);
        }

        return new Decision(Type, writer.WrittenSpan);
    }

    /// <summary>Decodes an inventory decision.</summary>
    /// <exception cref="FormatException">The payload is malformed; the message names the field.</exception>
    public static NodeInventoryDecision FromDecision(Decision decision)
    {
        if (decision.Type != Type)
        {
            throw new FormatException($"Decision type is '{decision.Type}', not '{Type}'.");
        }

        var reader = new CanonicalReader(decision.Payload);
        var id = reader.ReadString("inventory.node", 253);
        var status = (NodeStatus)reader.ReadByte("inventory.status");
        if (!Enum.IsDefined(status) || id.Length == 0)
        {
            throw new FormatException($"Field 'inventory.status' or 'inventory.node' is invalid ({(byte)status}, '{id}').");
        }

        var capacity = ReadVector(ref reader, "inventory.capacity");
        var allocated = ReadVector(ref reader, "inventory.allocated");
        var zone = reader.ReadString("inventory.zone", 253);
        var region = reader.ReadString("inventory.region", 253);
        var labels = CanonicalMaps.Read(ref reader, "inventory.labels");
        var count = reader.ReadUInt32("inventory.taints.count");
        if (count > 256)
        {
            throw new FormatException($"Field 'inventory.taints.count' is {count}; the limit is 256.");
        }

        var taints = new List<Taint>((int)count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString("inventory.taint.key");
            var value = reader.ReadString("inventory.taint.value");
            var effect = (TaintEffect)reader.ReadByte("inventory.taint.effect");
            taints.Add(Enum.IsDefined(effect) && effect != TaintEffect.Unknown
                ? new Taint { Key = key, Value = value, Effect = effect }
                : throw new FormatException($"Field 'inventory.taint.effect' has unknown value {(byte)effect}."));
        }

        reader.EnsureEnd("node inventory");
        return new NodeInventoryDecision(new NodeInfo
        {
            Id = id,
            Status = status,
            Capacity = capacity,
            Allocated = allocated,
            Zone = zone,
            Region = region,
            Labels = labels,
            Taints = taints,
        });
    }

    internal static void WriteVector(CanonicalWriter writer, ResourceVector v) =>
        writer.WriteInt64(v.CpuMillicores).WriteInt64(v.MemoryBytes).WriteInt64(v.DiskBytes).WriteInt64(v.BandwidthBitsPerSecond);

    internal static ResourceVector ReadVector(ref CanonicalReader reader, string field)
    {
        var v = new ResourceVector(reader.ReadInt64(field + ".cpu"), reader.ReadInt64(field + ".memory"), reader.ReadInt64(field + ".disk"), reader.ReadInt64(field + ".network"));
        if (v.CpuMillicores < 0 || v.MemoryBytes < 0 || v.DiskBytes < 0 || v.BandwidthBitsPerSecond < 0)
        {
            throw new FormatException($"Field '{field}' has a negative quantity.");
        }

        return v;
    }
}
