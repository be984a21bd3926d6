using System.Globalization;
using System.Runtime.InteropServices;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Nodes.Options;

namespace Enc.Grains.Nodes.Agent;

/// <summary>
/// Measures the host: CPU cores, memory from <c>/proc/meminfo</c>, disk of the data directory's file
/// system, network bandwidth from <c>/sys/class/net/*/speed</c>, platform and available drivers.
/// </summary>
public sealed class HostCapacityProbe
{
    /// <summary>Name of the process driver (always available).</summary>
    public const string ProcessDriver = "process";

    /// <summary>Name of the Docker driver (available when the engine socket exists).</summary>
    public const string DockerDriver = "docker";

    /// <summary>Measures the host's resource capacity.</summary>
    public ResourceQuantities MeasureCapacity(EncNodeOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        return new ResourceQuantities
        {
            CpuMillicores = Environment.ProcessorCount * 1000L,
            MemoryBytes = ReadTotalMemoryBytes(),
            DiskBytes = new DriveInfo(Path.GetFullPath(options.DataDirectory)).TotalSize,
            NetworkBitsPerSecond = options.NetworkBitsPerSecond > 0 ? options.NetworkBitsPerSecond : ReadNetworkBitsPerSecond(),
        };
    }

    /// <summary>Describes the host's drivers, platform and the configured labels and topology.</summary>
    public NodeCapabilities DescribeCapabilities(EncNodeOptions options)
    {
        var drivers = new List<string> { ProcessDriver };
        if (DockerSocketPath(options.DockerEndpoint) is { } socket && File.Exists(socket))
        {
            drivers.Add(DockerDriver);
        }

        return new NodeCapabilities
        {
            Drivers = drivers,
            OperatingSystem = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : "unknown",
            Architecture = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
            Labels = new Dictionary<string, string>(options.Labels),
            Zone = options.Zone,
            Region = options.Region,
        };
    }

    /// <summary>Parses <c>MemTotal</c> from <c>/proc/meminfo</c> text; returns bytes.</summary>
    public static long ParseMemTotal(string meminfo)
    {
        foreach (var line in meminfo.Split('\n'))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                var parts = line["MemTotal:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var kib = long.Parse(parts[0], CultureInfo.InvariantCulture);
                return kib * 1024;
            }
        }

        throw new FormatException("MemTotal not found in /proc/meminfo.");
    }

    private static long ReadTotalMemoryBytes()
    {
        const string meminfo = "/proc/meminfo";
        return File.Exists(meminfo)
            ? ParseMemTotal(File.ReadAllText(meminfo))
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    private static long ReadNetworkBitsPerSecond()
    {
        const string root = "/sys/class/net";
        if (!Directory.Exists(root))
        {
            return 0;
        }

        long best = 0;
        foreach (var dir in Directory.GetDirectories(root))
        {
            var speedFile = Path.Combine(dir, "speed");
            try
            {
                // Mb/s; virtual interfaces report -1 or refuse the read.
                if (File.Exists(speedFile) && long.TryParse(File.ReadAllText(speedFile).Trim(), out var mbps) && mbps > 0)
                {
                    best = Math.Max(best, mbps * 1_000_000);
                }
            }
            catch (IOException)
            {
            }
        }

        return best;
    }

    private static string? DockerSocketPath(string endpoint) =>
        endpoint.StartsWith("unix://", StringComparison.Ordinal) ? endpoint["unix://".Length..] : null;
}
