using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enc.Agent.Drivers.Docker;

/// <summary>
/// Runs instances as containers on the local Docker engine (Docker.DotNet). Each container is named
/// <c>enc-&lt;instance id&gt;</c> (so the engine itself refuses a duplicate), labelled
/// <c>enc.managed=true</c> plus workload and instance ids, weighted with CpuShares from the CPU request,
/// capped with NanoCPUs only when the spec sets a CPU limit, limited in memory (swap disabled), and
/// attached to network <c>none</c> or <c>host</c> only. ENC restarts containers itself, so the engine's
/// restart policy is "no".
/// </summary>
public sealed partial class DockerDriver : ITaskDriver, IDisposable
{
    /// <summary>The driver name used in specs.</summary>
    public const string DriverName = "docker";

    private readonly DockerClient _client;
    private readonly DockerDriverOptions _options;
    private readonly ILogger _logger;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _startLocks = new(StringComparer.Ordinal);

    // Inspections of exited containers by id. ENC never starts a container twice (a restart is a new
    // container), so an exited container's exit code and times never change; without this, every reconcile
    // pass would inspect every finished instance kept for its logs.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskInfo> _exited = new(StringComparer.Ordinal);

    /// <summary>Creates a driver for the engine at <see cref="DockerDriverOptions.Endpoint"/>.</summary>
    public DockerDriver(DockerDriverOptions options, ILogger<DockerDriver>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? NullLogger<DockerDriver>.Instance;
        _client = new DockerClientConfiguration(options.Endpoint, defaultTimeout: options.RequestTimeout).CreateClient();
    }

    /// <inheritdoc />
    public string Name => DriverName;

    /// <summary>The underlying engine client (tests use it to check what the driver created).</summary>
    internal DockerClient Client => _client;

    /// <inheritdoc />
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(TimeSpan.FromSeconds(3));
            await _client.System.PingAsync(cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or OperationCanceledException or TimeoutException
                                  or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<TaskInfo> StartAsync(TaskLaunch launch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);

        // Starts of one instance are serialized: a concurrent start must see the first one's container
        // instead of removing it as a leftover.
        var gate = _startLocks.GetOrAdd(launch.InstanceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await StartLockedAsync(launch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TaskInfo> StartLockedAsync(TaskLaunch launch, CancellationToken cancellationToken)
    {
        var parameters = DockerContainerMapper.ToCreateParameters(launch, _options);
        if (!DockerNetworkModes.IsAllowed(parameters.HostConfig.NetworkMode))
        {
            throw new TaskStartException($"network mode '{parameters.HostConfig.NetworkMode}' is refused");
        }

        var existing = await TryInspectAsync(parameters.Name, cancellationToken).ConfigureAwait(false);
        if (existing is { State: TaskRunState.Running })
        {
            return existing;
        }

        if (existing is not null)
        {
            await RemoveAsync(existing.TaskId, cancellationToken).ConfigureAwait(false);
        }

        string id;
        try
        {
            id = (await _client.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false)).ID;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Another agent object started the same instance first: the name is taken, so adopt that container.
            return await InspectAsync(parameters.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new TaskStartException($"image '{launch.Spec.Image}' is not present on this node (ENC never pulls at run time; load it with docker load/import)", e);
        }
        catch (DockerApiException e)
        {
            throw new TaskStartException("docker create failed: " + EngineMessage(e), e);
        }

        try
        {
            await _client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            await RemoveAsync(id, CancellationToken.None).ConfigureAwait(false);
            throw new TaskStartException("docker start failed: " + EngineMessage(e), e);
        }

        LogStarted(_logger, launch.InstanceId, id);
        return await InspectAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TaskInfo> InspectAsync(string taskId, CancellationToken cancellationToken = default) =>
        await TryInspectAsync(taskId, cancellationToken).ConfigureAwait(false)
        ?? new TaskInfo { TaskId = taskId, InstanceId = "", WorkloadId = "", State = TaskRunState.NotFound };

    /// <inheritdoc />
    public async Task StopAsync(string taskId, TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        try
        {
            var seconds = (uint)Math.Clamp(Math.Ceiling(gracePeriod.TotalSeconds), 0, 3600);
            await _client.Containers.StopContainerAsync(taskId, new ContainerStopParameters { WaitBeforeKillSeconds = seconds }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone: nothing to stop.
        }
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string taskId, CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.Containers.RemoveContainerAsync(taskId, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone.
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Removal already in progress (engine answers 409); it completes on its own.
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TaskInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var containers = await _client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool>
                    {
                        [TaskLabels.Managed + "=true"] = true,
                        [TaskLabels.Node + "=" + _options.NodeName] = true,
                    },
                },
            },
            cancellationToken).ConfigureAwait(false);

        var result = new List<TaskInfo>(containers.Count);
        foreach (var c in containers)
        {
            var info = DockerContainerMapper.FromList(c);
            if (info.State == TaskRunState.Running)
            {
                _exited.TryRemove(c.ID, out _); // started again from outside ENC: inspect afresh when it exits
            }
            else if (_exited.TryGetValue(c.ID, out var known))
            {
                info = known;
            }
            else
            {
                // Exit codes and finish times are only in the full inspection.
                info = await TryInspectAsync(c.ID, cancellationToken).ConfigureAwait(false) ?? info with { State = TaskRunState.NotFound };
                if (info.State == TaskRunState.Exited)
                {
                    _exited[c.ID] = info;
                }
            }

            result.Add(info);
        }

        var listed = containers.Select(c => c.ID).ToHashSet(StringComparer.Ordinal);
        foreach (var id in _exited.Keys.Where(id => !listed.Contains(id)))
        {
            _exited.TryRemove(id, out _); // removed
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task<TaskInfo?> TryInspectAsync(string idOrName, CancellationToken cancellationToken)
    {
        try
        {
            var c = await _client.Containers.InspectContainerAsync(idOrName, cancellationToken).ConfigureAwait(false);
            return DockerContainerMapper.FromInspect(c);
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    private static string EngineMessage(DockerApiException e) =>
        string.IsNullOrWhiteSpace(e.ResponseBody) ? e.Message : e.ResponseBody.Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "Started instance {InstanceId} as container {ContainerId}")]
    private static partial void LogStarted(ILogger logger, string instanceId, string containerId);
}
