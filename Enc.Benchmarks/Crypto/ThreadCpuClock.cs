using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using Perfolizer.Horology;

namespace Enc.Benchmarks.Crypto;

/// <summary>
/// A BenchmarkDotNet clock that reads the CPU time of the calling thread
/// (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanoseconds) instead of wall-clock time.
/// </summary>
/// <remarks>
/// With the in-process toolchain the engine starts and stops the clock on the thread that runs
/// the workload, so single-threaded benchmarks (the BLS arithmetic) report the time the thread
/// actually ran: on this shared two-core machine, wall-clock means move by 2× with the other
/// helpers' builds while thread CPU time does not count the time the thread waited for a core
/// (cache and SMT contention still show). Enabled by <c>--thread-cpu-time</c> (see Program.cs).
/// </remarks>
public sealed class ThreadCpuClock : IClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>The default configuration plus one ShortRun job, in process, timed by this clock.</summary>
    public static IConfig ShortRunConfig() =>
        ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessNoEmitToolchain.Instance).WithClock(new ThreadCpuClock()));

    /// <inheritdoc />
    public string Title => "Thread CPU time";

    /// <inheritdoc />
    public bool IsAvailable => OperatingSystem.IsLinux();

    /// <inheritdoc />
    public Frequency Frequency => Frequency.GHz;

    /// <inheritdoc />
    public long GetTimestamp()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
