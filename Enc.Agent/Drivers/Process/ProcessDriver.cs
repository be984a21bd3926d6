using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enc.Agent.Drivers.Process;

/// <summary>
/// Runs instances as host processes, like Nomad's raw_exec. Each task is started through a small
/// <c>/bin/sh</c> wrapper in its own session (<c>setsid</c>), so that a stop signals the whole process
/// group. The wrapper joins the task's cgroups (or applies an address-space rlimit), sends stdout and
/// stderr to files in the task folder, and records the command's exit code in a file, so the exit is
/// known even when the agent was not running at the time. A new driver object adopts running tasks from
/// their records: the pid plus its /proc start time guard against pid reuse.
/// </summary>
public sealed partial class ProcessDriver : ITaskDriver
{
    /// <summary>The driver name used in specs.</summary>
    public const string DriverName = "process";

    // $1 task dir, $2 cgroup dirs, $3 address-space limit in KiB (or empty), then the command.
    // The pid file is written only once the limits are in force: a started task is always a limited one.
    private const string WrapperScript = """
        dir=$1; groups=$2; aslimit=$3; shift 3
        exec </dev/null >>"$dir/stdout.log" 2>>"$dir/stderr.log"
        fail() { echo "enc: $1" >&2; echo 125 >"$dir/exit_code"; exit 125; }
        for g in $groups; do echo $$ >"$g/cgroup.procs" || fail "cannot join cgroup $g"; done
        if [ -n "$aslimit" ]; then ulimit -v "$aslimit" || fail "cannot set address-space limit"; fi
        echo $$ >"$dir/pid.tmp" && mv "$dir/pid.tmp" "$dir/pid"
        "$@"
        rc=$?
        echo $rc >"$dir/exit_code.tmp" && mv "$dir/exit_code.tmp" "$dir/exit_code"
        exit $rc
        """;

    private readonly ProcessDriverOptions _options;
    private readonly ProcessTaskStore _store;
    private readonly ProcessResourceLimiter _limiter;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, System.Diagnostics.Process> _children = new();

    /// <summary>Creates a driver storing its tasks under <see cref="ProcessDriverOptions.DataDirectory"/>.</summary>
    public ProcessDriver(ProcessDriverOptions options, ILogger<ProcessDriver>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _store = new ProcessTaskStore(options.DataDirectory);
        _limiter = new ProcessResourceLimiter(options);
        _logger = logger ?? NullLogger<ProcessDriver>.Instance;
    }

    /// <inheritdoc />
    public string Name => DriverName;

    /// <summary>How CPU and memory limits are enforced on this host.</summary>
    public ProcessLimitEnforcement Enforcement => _limiter.Enforcement;

    /// <inheritdoc />
    public Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(OperatingSystem.IsLinux() && File.Exists(_options.Shell) && SetsidPath() is not null);

    /// <inheritdoc />
    public async Task<TaskInfo> StartAsync(TaskLaunch launch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var taskId = launch.InstanceId;
        var gate = _locks.GetOrAdd(taskId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_store.Read(taskId) is { } previous)
            {
                if (_store.ReadExit(taskId) is null && Procfs.IsAlive(previous.Pid, previous.PidStartTicks))
                {
                    return Inspect(taskId);
                }

                ProcessResourceLimiter.Release(previous.Cgroups);
            }

            return await LaunchAsync(launch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public Task<TaskInfo> InspectAsync(string taskId, CancellationToken cancellationToken = default) => Task.FromResult(Inspect(taskId));

    /// <inheritdoc />
    public async Task StopAsync(string taskId, TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        if (_store.Read(taskId) is not { } record || _store.ReadExit(taskId) is not null)
        {
            return;
        }

        NativeSignals.KillGroup(record.Pid, NativeSignals.SigTerm);
        var killed = false;
        if (!await WaitGoneAsync(record, gracePeriod, cancellationToken).ConfigureAwait(false))
        {
            killed = true;
            KillEverything(record);
            await WaitGoneAsync(record, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }

        // The signalled wrapper cannot record the exit; 128 + signal number, as a shell would report it.
        _store.WriteExitIfMissing(taskId, 128 + (killed ? NativeSignals.SigKill : NativeSignals.SigTerm));
        LogStopped(_logger, taskId);
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string taskId, CancellationToken cancellationToken = default)
    {
        if (_store.Read(taskId) is { } record)
        {
            await StopAsync(taskId, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < 20 && record.Cgroups.Any(Directory.Exists); i++)
            {
                ProcessResourceLimiter.Release(record.Cgroups);
                if (record.Cgroups.Any(Directory.Exists))
                {
                    await Task.Delay(50, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        _store.Delete(taskId);
        _locks.TryRemove(taskId, out _);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TaskInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TaskInfo>>(_store.TaskIds().Select(Inspect).Where(t => t.State != TaskRunState.NotFound).ToList());

    private TaskInfo Inspect(string taskId)
    {
        ReapExitedChildren();
        if (_store.Read(taskId) is not { } record)
        {
            return new TaskInfo { TaskId = taskId, InstanceId = "", WorkloadId = "", State = TaskRunState.NotFound };
        }

        var info = new TaskInfo
        {
            TaskId = taskId,
            InstanceId = record.InstanceId,
            WorkloadId = record.WorkloadId,
            SpecVersion = record.SpecVersion,
            RestartCount = record.RestartCount,
            StartedAt = record.StartedAt,
            State = TaskRunState.Running,
        };
        if (_store.ReadExit(taskId) is { } exit)
        {
            return info with { State = TaskRunState.Exited, ExitCode = exit.Code, FinishedAt = exit.At };
        }

        return Procfs.IsAlive(record.Pid, record.PidStartTicks)
            ? info
            : info with { State = TaskRunState.Exited, Reason = "process vanished without recording an exit status (host reboot or external kill)" };
    }

    private async Task<TaskInfo> LaunchAsync(TaskLaunch launch, CancellationToken cancellationToken)
    {
        var taskId = launch.InstanceId;
        _store.ResetForStart(taskId);
        IReadOnlyList<string> groups;
        try
        {
            groups = _limiter.Prepare(taskId, launch.Spec.Resources);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TaskStartException($"cannot set up the cgroup limits ({_limiter.Enforcement}): {e.Message}", e);
        }

        var command = launch.Spec.Command.Concat(launch.Spec.Args).ToList();
        var environment = BuildEnvironment(launch);
        var psi = new ProcessStartInfo(SetsidPath() ?? throw new TaskStartException("setsid (util-linux) is required by the process driver"))
        {
            UseShellExecute = false,
            WorkingDirectory = _store.TaskDirectory(taskId),
        };
        psi.Environment.Clear();
        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        var asLimitKiB = _limiter.Enforcement == ProcessLimitEnforcement.AddressSpaceRlimit
            ? (launch.Spec.Resources.MemoryBytes / 1024).ToString(CultureInfo.InvariantCulture)
            : "";
        foreach (var arg in (string[])[_options.Shell, "-c", WrapperScript, "enc-task", _store.TaskDirectory(taskId), string.Join(' ', groups), asLimitKiB])
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var arg in command)
        {
            psi.ArgumentList.Add(arg);
        }

        var startedAt = DateTimeOffset.UtcNow;
        System.Diagnostics.Process child;
        try
        {
            child = System.Diagnostics.Process.Start(psi) ?? throw new TaskStartException("the process could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TaskStartException("the process could not be started: " + e.Message, e);
        }

        _children[child.Id] = child;
        var pid = await WaitForPidAsync(taskId, child, cancellationToken).ConfigureAwait(false);
        _store.Write(new ProcessTaskRecord
        {
            InstanceId = taskId,
            WorkloadId = launch.Spec.Id,
            SpecVersion = launch.SpecVersion,
            RestartCount = launch.RestartCount,
            Pid = pid,
            PidStartTicks = Procfs.LiveStartTicks(pid) ?? 0,
            StartedAt = startedAt,
            Command = command,
            Environment = environment,
            Enforcement = _limiter.Enforcement,
            Cgroups = groups,
        });
        LogStarted(_logger, taskId, pid, _limiter.Enforcement);
        return Inspect(taskId);
    }

    private async Task<int> WaitForPidAsync(string taskId, System.Diagnostics.Process child, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 200; i++)
        {
            if (_store.ReadPid(taskId) is { } pid)
            {
                return pid;
            }

            if (child.HasExited)
            {
                var reason = _store.ReadStderrTail(taskId);
                throw new TaskStartException($"the launch wrapper exited with code {child.ExitCode} before starting the command"
                    + (reason.Length > 0 ? ": " + reason : ""));
            }

            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }

        NativeSignals.KillGroup(child.Id, NativeSignals.SigKill);
        throw new TaskStartException("the launch wrapper did not start within 2 s");
    }

    private static Dictionary<string, string> BuildEnvironment(TaskLaunch launch)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/",
        };
        foreach (var (k, v) in launch.Spec.Env.Concat(launch.AgentEnvironment()))
        {
            env[k] = v;
        }

        return env;
    }

    private static string? SetsidPath() => new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);
}
