using Enc.Agent.Drivers;
using Enc.Agent.Drivers.Docker;
using Enc.Agent.Drivers.Process;
using Enc.Agent.Reconciliation;
using Enc.Grains.Interfaces.Workloads;
using Enc.Grains.Nodes.Options;
using Enc.Grains.Workloads.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Workloads.Agent;

/// <summary>
/// The silo's workload agent: owns the host's drivers (process always; Docker when the engine answers)
/// and runs exactly the instances assigned to this silo's node. It reconciles when the silo starts
/// (adopting what already runs), whenever the node's assignments change, and every
/// <see cref="EncWorkloadOptions.ReconcileInterval"/>; it reports instance states to their workload grains.
/// Tasks keep running when the silo stops, to be adopted when it comes back.
/// </summary>
public sealed partial class WorkloadAgent : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private const int FullReportConcurrency = 16;

    private readonly IGrainFactory _grains;
    private readonly ILocalSiloDetails _silo;
    private readonly EncWorkloadOptions _options;
    private readonly EncNodeOptions _nodeOptions;
    private readonly ILoggerFactory _loggers;
    private readonly Orleans.Configuration.ClusterOptions _cluster;
    private readonly ILogger _logger;
    private readonly InstanceReportFilter _reports = new(TimeProvider.System);
    private ReconcileLoop? _loop;
    private DockerDriver? _docker;
    private ProcessDriver? _process;
    private InstanceReconciler? _dockerReconciler;
    private InstanceReconciler? _processReconciler;

    /// <summary>Creates the agent.</summary>
    public WorkloadAgent(
        IGrainFactory grains,
        ILocalSiloDetails silo,
        IOptions<EncWorkloadOptions> options,
        IOptions<EncNodeOptions> nodeOptions,
        IOptions<Orleans.Configuration.ClusterOptions> cluster,
        ILoggerFactory loggers)
    {
        _cluster = cluster.Value;
        _grains = grains;
        _silo = silo;
        _options = options.Value;
        _nodeOptions = nodeOptions.Value;
        _loggers = loggers;
        _logger = loggers.CreateLogger<WorkloadAgent>();
    }

    /// <summary>This silo's node name.</summary>
    public string NodeName => _silo.Name;

    /// <summary>
    /// The <c>enc.node</c> label value of this agent's containers: service, cluster and node, so that
    /// several clusters (or test clusters) sharing one Docker engine never touch each other's containers.
    /// </summary>
    public string EngineScope => $"{_cluster.ServiceId}.{_cluster.ClusterId}.{NodeName}";

    /// <summary>Drivers this agent runs tasks with.</summary>
    public IReadOnlyList<string> Drivers => _docker is null ? [ProcessDriver.DriverName] : [ProcessDriver.DriverName, DockerDriver.DriverName];

    /// <summary>Completed reconcile passes.</summary>
    public long Passes { get; private set; }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(WorkloadAgent), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <summary>Asks for a reconcile pass now (called by the node's instance grain on this silo).</summary>
    public void Wake(string nodeName)
    {
        if (string.Equals(nodeName, NodeName, StringComparison.Ordinal))
        {
            _loop?.Wake(); // before start there is nothing to wake: the first pass runs at start
        }
    }

    /// <summary>Output of an assigned instance from line <paramref name="offset"/> on.</summary>
    public async Task<InstanceLogChunk> ReadLogsAsync(string nodeName, AssignedInstance instance, int offset)
    {
        var driver = DriverFor(instance.Spec.Driver);
        if (driver is null || !string.Equals(nodeName, NodeName, StringComparison.Ordinal))
        {
            return new InstanceLogChunk { Lines = [], NextOffset = offset, Running = false };
        }

        var taskId = instance.Spec.Driver == WorkloadDriver.Docker ? TaskLabels.TaskName(instance.InstanceId) : instance.InstanceId;
        var lines = new List<InstanceLogLine>();
        var index = 0;
        await foreach (var entry in driver.ReadLogsAsync(taskId, follow: false))
        {
            if (index++ >= offset && lines.Count < 1000)
            {
                lines.Add(new InstanceLogLine { InstanceId = instance.InstanceId, Stream = entry.Stream, Text = entry.Line });
            }
        }

        var running = (await driver.InspectAsync(taskId)).State == TaskRunState.Running;
        return new InstanceLogChunk { Lines = lines, NextOffset = offset + lines.Count, Running = running || offset + lines.Count < index };
    }

    /// <summary>Runs one pass now (tests and the loop).</summary>
    public async Task ReconcileOnceAsync(CancellationToken cancellationToken = default)
    {
        var assigned = await _grains.GetGrain<INodeInstancesGrain>(NodeName).ListAsync();
        var reports = new List<InstanceStatusReport>();
        foreach (var (driver, reconciler) in new[] { (WorkloadDriver.Process, _processReconciler), (WorkloadDriver.Docker, _dockerReconciler) })
        {
            if (reconciler is null)
            {
                continue;
            }

            var desired = assigned.Where(a => a.Spec.Driver == driver).Select(a => new DesiredInstance
            {
                InstanceId = a.InstanceId,
                Spec = a.Spec,
                SpecVersion = a.SpecVersion,
                Ports = a.Ports,
                RestartCount = a.RestartCount,
                Finished = a.Finished,
            }).ToList();
            var result = await reconciler.ReconcileAsync(desired, SendIfChangedAsync, cancellationToken);
            reports.AddRange(result.Reports);
        }

        await SendFullReportIfDueAsync(reports);
        Passes++;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _dockerReconciler?.Dispose();
        _processReconciler?.Dispose();
        _docker?.Dispose();
        _loop?.Dispose();
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetFullPath(_nodeOptions.DataDirectory), "nodes", NodeName);
        var reconcilerOptions = new InstanceReconcilerOptions { OrphanGracePeriod = _options.OrphanGracePeriod };
        _process = new ProcessDriver(new ProcessDriverOptions { DataDirectory = Path.Combine(root, "process") }, _loggers.CreateLogger<ProcessDriver>());
        _processReconciler = new InstanceReconciler(_process, TimeProvider.System, reconcilerOptions, _loggers.CreateLogger<InstanceReconciler>());
        var docker = new DockerDriver(new DockerDriverOptions { Endpoint = new Uri(_options.DockerEndpoint), NodeName = EngineScope }, _loggers.CreateLogger<DockerDriver>());
        if (await docker.IsAvailableAsync(cancellationToken))
        {
            _docker = docker;
            _dockerReconciler = new InstanceReconciler(docker, TimeProvider.System, reconcilerOptions, _loggers.CreateLogger<InstanceReconciler>());
        }
        else
        {
            docker.Dispose();
        }

        LogStarted(NodeName, string.Join(", ", Drivers), _process.Enforcement.ToString());
        _loop = new ReconcileLoop(ReconcileOnceAsync, _options.ReconcileInterval, _logger, NodeName);
        _loop.Start();
    }

    /// <summary>The silo stops: the pass in progress is cancelled; that cancellation is normal shutdown (<see cref="ReconcileLoop.StopAsync"/>).</summary>
    private Task StopAsync(CancellationToken cancellationToken) => _loop?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Sends an instance's report as soon as the reconciler has handled it, when it changed.</summary>
    private async ValueTask SendIfChangedAsync(InstanceStatusReport report, CancellationToken cancellationToken)
    {
        if (_reports.IsChange(report))
        {
            await _grains.GetGrain<IWorkloadGrain>(report.WorkloadId).ReportAsync(NodeName, [report]);
            _reports.MarkSent(report);
        }
    }

    private async Task SendFullReportIfDueAsync(List<InstanceStatusReport> reports)
    {
        _reports.Retain(reports);
        if (!_reports.IsFullReportDue())
        {
            return;
        }

        // One call per workload, several at a time: a node with many workloads must not hold up its next
        // reconcile pass (and so new starts) behind one grain write after another. Reports are idempotent:
        // after a failed round none is marked sent, and the whole round goes again with the next full report.
        var groups = reports.GroupBy(r => r.WorkloadId, StringComparer.Ordinal).Select(g => (g.Key, Reports: g.ToList())).ToList();
        await Parallel.ForEachAsync(
            groups,
            new ParallelOptions { MaxDegreeOfParallelism = FullReportConcurrency },
            async (group, _) => await _grains.GetGrain<IWorkloadGrain>(group.Key).ReportAsync(NodeName, group.Reports));
        foreach (var report in reports)
        {
            _reports.MarkSent(report);
        }
    }

    private ITaskDriver? DriverFor(WorkloadDriver driver) => driver == WorkloadDriver.Docker ? _docker : _process;

    [LoggerMessage(Level = LogLevel.Information, Message = "Workload agent of node {Node} started (drivers: {Drivers}; process limits: {Enforcement})")]
    private partial void LogStarted(string node, string drivers, string enforcement);
}
