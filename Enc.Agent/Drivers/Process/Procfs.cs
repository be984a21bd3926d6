using System.Globalization;

namespace Enc.Agent.Drivers.Process;

/// <summary>Reads process facts from /proc.</summary>
internal static class Procfs
{
    /// <summary>The process's start time in clock ticks since boot, or null when it does not exist or is a zombie.</summary>
    public static long? LiveStartTicks(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // Field 2 (comm) may contain spaces and parentheses: parse after the last ')'.
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = stat[(close + 2)..].Split(' ');

        // fields[0] is field 3 (state); field 22 (starttime) is fields[19].
        if (fields.Length < 20 || fields[0] is "Z" or "X")
        {
            return null;
        }

        return long.TryParse(fields[19], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
    }

    /// <summary>Live (non-zombie) processes whose process group is <paramref name="pgid"/>.</summary>
    public static IEnumerable<int> GroupMembers(int pgid)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            var close = stat.LastIndexOf(')');
            var fields = close < 0 ? [] : stat[(close + 2)..].Split(' ');

            // fields[0] is the state (field 3), fields[2] the process group (field 5).
            if (fields.Length > 2 && fields[0] is not ("Z" or "X")
                && int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var group) && group == pgid)
            {
                yield return pid;
            }
        }
    }

    /// <summary>True when <paramref name="pid"/> runs and is the same process that started at <paramref name="startTicks"/>.</summary>
    public static bool IsAlive(int pid, long startTicks) => pid > 0 && LiveStartTicks(pid) == startTicks;
}
