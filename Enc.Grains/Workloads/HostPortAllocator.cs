using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads;

/// <summary>Chooses host ports for an instance on one node: static ports must be free, "assign" ports take the lowest free port of the range.</summary>
public static class HostPortAllocator
{
    /// <summary>Ports by name, or null when a static port is taken or the range has too few free ports.</summary>
    public static IReadOnlyDictionary<string, int>? Allocate(WorkloadSpec spec, IEnumerable<AssignedInstance> others, int rangeStart, int rangeEnd)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var used = others.SelectMany(o => o.Ports.Values).ToHashSet();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var port in spec.Ports.Where(p => p.Port > 0))
        {
            if (!used.Add(port.Port))
            {
                return null;
            }

            result[port.Name] = port.Port;
        }

        var next = rangeStart;
        foreach (var port in spec.Ports.Where(p => p.Port == 0))
        {
            while (next <= rangeEnd && used.Contains(next))
            {
                next++;
            }

            if (next > rangeEnd)
            {
                return null;
            }

            used.Add(next);
            result[port.Name] = next;
        }

        return result;
    }
}
