using System.Runtime.InteropServices;

namespace Enc.Agent.Drivers.Process;

/// <summary>POSIX kill(2), which .NET does not expose with a signal number.</summary>
internal static class NativeSignals
{
    /// <summary>SIGKILL.</summary>
    public const int SigKill = 9;

    /// <summary>SIGTERM.</summary>
    public const int SigTerm = 15;

    /// <summary>Sends <paramref name="signal"/> to every process in the group led by <paramref name="pgid"/>; false when none exists.</summary>
    public static bool KillGroup(int pgid, int signal) => pgid > 1 && Kill(-pgid, signal) == 0;

    /// <summary>Sends <paramref name="signal"/> to one process.</summary>
    public static bool KillProcess(int pid, int signal) => pid > 1 && Kill(pid, signal) == 0;

#pragma warning disable SYSLIB1054 // kill takes two ints: no marshalling, so DllImport costs nothing here.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
