using System.Globalization;
using Docker.DotNet.Models;

namespace Enc.Agent.Drivers.Docker;

/// <summary>Translates between ENC launches/tasks and Docker engine API models.</summary>
internal static class DockerContainerMapper
{
    /// <summary>Engine API create parameters for a launch: labels, limits, network, entrypoint and command.</summary>
    public static CreateContainerParameters ToCreateParameters(TaskLaunch launch, DockerDriverOptions options)
    {
        var spec = launch.Spec;
        var env = spec.Env.Concat(launch.AgentEnvironment()).Select(kv => kv.Key + "=" + kv.Value).ToList();
        var labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal)
        {
            [TaskLabels.Managed] = "true",
            [TaskLabels.Node] = options.NodeName,
            [TaskLabels.Workload] = spec.Id,
            [TaskLabels.Instance] = launch.InstanceId,
            [TaskLabels.SpecVersion] = launch.SpecVersion.ToString(CultureInfo.InvariantCulture),
            [TaskLabels.RestartCount] = launch.RestartCount.ToString(CultureInfo.InvariantCulture),
        };

        var networkMode = DockerNetworkModes.For(spec.Network);
        return new CreateContainerParameters
        {
            Name = TaskLabels.TaskName(launch.InstanceId),
            Image = spec.Image,
            Entrypoint = spec.Command.Count > 0 ? spec.Command.ToList() : null,
            Cmd = spec.Args.Count > 0 ? spec.Args.ToList() : null,
            Env = env,
            Labels = labels,
            StopTimeout = TimeSpan.FromSeconds(Math.Ceiling(spec.StopGracePeriod.TotalSeconds)),
            HostConfig = new HostConfig
            {
                NetworkMode = networkMode,
                Init = options.UseInit,
                // The request is a relative weight; only an explicit limit becomes a hard quota (0 = none).
                CPUShares = CpuCgroupValues.SharesFor(spec.Resources.CpuMillicores),
                NanoCPUs = spec.Resources.CpuLimitMillicores is { } limit ? Math.Min(limit, options.HostCpuCount * 1000L) * 1_000_000 : 0,
                Memory = spec.Resources.MemoryBytes,
                MemorySwap = spec.Resources.MemoryBytes,
                RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No },
                LogConfig = new LogConfig
                {
                    Type = "json-file",
                    Config = new Dictionary<string, string>
                    {
                        ["max-size"] = options.LogMaxSize,
                        ["max-file"] = options.LogMaxFiles.ToString(CultureInfo.InvariantCulture),
                    },
                },
            },
        };
    }

    /// <summary>Task info from a full container inspection.</summary>
    public static TaskInfo FromInspect(ContainerInspectResponse c)
    {
        var state = c.State?.Status switch
        {
            "running" or "paused" or "restarting" => TaskRunState.Running,
            "created" => TaskRunState.Created,
            _ => TaskRunState.Exited,
        };
        var labels = c.Config?.Labels ?? new Dictionary<string, string>();
        return new TaskInfo
        {
            TaskId = c.ID,
            InstanceId = Label(labels, TaskLabels.Instance),
            WorkloadId = Label(labels, TaskLabels.Workload),
            SpecVersion = ParseLong(labels, TaskLabels.SpecVersion),
            RestartCount = (int)ParseLong(labels, TaskLabels.RestartCount),
            State = state,
            ExitCode = state == TaskRunState.Exited ? (int?)c.State?.ExitCode : null,
            StartedAt = ParseTime(c.State?.StartedAt),
            FinishedAt = state == TaskRunState.Exited ? ParseTime(c.State?.FinishedAt) : null,
            Reason = c.State switch
            {
                { OOMKilled: true } => "OOM killed (memory limit reached)",
                { Error.Length: > 0 } s => s.Error,
                _ => null,
            },
        };
    }

    /// <summary>Task info from a list entry (no exit code; callers inspect exited containers for it).</summary>
    public static TaskInfo FromList(ContainerListResponse c) => new()
    {
        TaskId = c.ID,
        InstanceId = Label(c.Labels, TaskLabels.Instance),
        WorkloadId = Label(c.Labels, TaskLabels.Workload),
        SpecVersion = ParseLong(c.Labels, TaskLabels.SpecVersion),
        RestartCount = (int)ParseLong(c.Labels, TaskLabels.RestartCount),
        State = c.State switch
        {
            "running" or "paused" or "restarting" => TaskRunState.Running,
            "created" => TaskRunState.Created,
            _ => TaskRunState.Exited,
        },
        StartedAt = new DateTimeOffset(DateTime.SpecifyKind(c.Created, DateTimeKind.Utc)),
    };

    private static string Label(IDictionary<string, string>? labels, string key) =>
        labels is not null && labels.TryGetValue(key, out var value) ? value : "";

    private static long ParseLong(IDictionary<string, string>? labels, string key) =>
        labels is not null && labels.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static DateTimeOffset? ParseTime(DateTime? value) =>
        value is { } t && t.Year > 1 ? new DateTimeOffset(DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc)) : null;

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && t.Year > 1 ? t.ToUniversalTime() : null;
}
