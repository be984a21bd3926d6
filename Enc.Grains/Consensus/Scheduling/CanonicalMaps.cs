using Enc.Consensus.Primitives;

namespace Enc.Grains.Consensus.Scheduling;

/// <summary>Canonical encoding of string maps (count, then pairs in ordinal key order).</summary>
internal static class CanonicalMaps
{
    public static void Write(CanonicalWriter writer, IReadOnlyDictionary<string, string> map)
    {
        writer.WriteUInt32((uint)map.Count);
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key).WriteString(value);
        }
    }

    public static Dictionary<string, string> Read(ref CanonicalReader reader, string field)
    {
        var count = reader.ReadUInt32(field + ".count");
        if (count > 1024)
        {
            throw new FormatException($"Field '{field}.count' is {count}; the limit is 1024.");
        }

        var map = new Dictionary<string, string>((int)count, StringComparer.Ordinal);
        string? previous = null;
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString(field + ".key");
            if (previous is not null && string.CompareOrdinal(previous, key) >= 0)
            {
                throw new FormatException($"Field '{field}' keys are not in strictly ascending ordinal order.");
            }

            map[key] = reader.ReadString(field + ".value");
            previous = key;
        }

        return map;
    }
}
