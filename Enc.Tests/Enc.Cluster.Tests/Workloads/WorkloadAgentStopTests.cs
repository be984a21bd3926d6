using Enc.Cluster.Tests.Infrastructure;
using Enc.Grains.Workloads.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enc.Cluster.Tests.Workloads;

/// <summary>
/// A silo that stops while its workload agent's reconcile pass waits on the Docker engine: the stop cancels the
/// pass, and that cancellation is normal shutdown — the silo's lifecycle logs no "WorkloadAgent failed to stop"
/// (it used to, at Error, with the pass's TaskCanceledException).
/// </summary>
public sealed class WorkloadAgentStopTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SiloStopDuringAReconcilePassOnAHangingStandInDockerEngine_IsNormalShutdown_NoErrorLogged()
    {
        await using var engine = HangingDockerEngine.Start();
        var logs = new CapturedLogs();
        var cluster = await DevTestCluster.StartAsync(configure: silo =>
        {
            silo.Services.Configure<EncWorkloadOptions>(o => o.DockerEndpoint = engine.Endpoint);
            silo.Services.AddLogging(logging => logs.AddTo(logging, "silo"));
        });
        await using (cluster)
        {
            // The agent found the engine (ping answered) and its pass now waits for the container list.
            await engine.WaitForRequestAsync("/containers/json", Timeout);
            var stopping = logs.Entries.Count;

            await cluster.Cluster.StopSiloAsync(cluster.Cluster.Silos[0], TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);

            var agentFaults = logs.Entries.Skip(stopping)
                .Where(e => e.Mentions(nameof(Enc.Grains.Workloads.Agent.WorkloadAgent)) || (e.Level >= LogLevel.Error && e.Exception is OperationCanceledException))
                .ToList();
            Assert.True(agentFaults.Count == 0, $"the agent's stop logged:{Environment.NewLine}{CapturedLogs.Format(agentFaults)}");
        }
    }
}
