using System.Globalization;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Enc.Cluster.Tests.Infrastructure;
using Enc.Cluster.Tests.Workloads;
using Enc.Silo.Database;

namespace Enc.Cluster.Tests.Processes;

/// <summary>
/// Workloads as an operator drives them: a production <c>Enc.Silo</c> process on PostgreSQL and the real
/// Docker engine, every workload verb of the <c>enc</c> CLI as a child process, and a <c>kill -9</c> of the
/// silo: the restarted silo adopts the running container (same container, no restart, no duplicate).
/// </summary>
public sealed class WorkloadSiloProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _node = "wl-proc-" + Guid.NewGuid().ToString("N")[..8];
    private readonly DockerClient _engine = new DockerClientConfiguration(new Uri(WorkloadTestEnvironment.DockerEndpoint)).CreateClient();
    private readonly string _specDirectory = Directory.CreateTempSubdirectory("enc-specs-").FullName;
    private PostgresDatabase _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await PostgresDatabase.CreateAsync(nameof(WorkloadSiloProcessTests));
        await SchemaMigrator.Default.MigrateAsync(_db.ConnectionString, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in await ContainersAsync())
        {
            await _engine.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true });
        }

        _engine.Dispose();
        Directory.Delete(_specDirectory, recursive: true);
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task CliVerbsDriveWorkloadsAndASiloKilledWithSigkillAdoptsItsContainer()
    {
        string[] ports = [Port(), Port(), Port()];
        var dataDirectory = Directory.CreateTempSubdirectory("enc-silo-").FullName;
        await using var first = StartSilo(ports, dataDirectory);
        await first.WaitReadyAsync(TimeSpan.FromSeconds(120));

        // enc run (docker) and enc apply -f (process driver, runs to completion).
        await CliAsync("run", "--name", "web", "--image", WorkloadTestEnvironment.Image, "--cpu", "100m", "--cpu-limit", "500m", "--memory", "32Mi", "--", "sleep", "3600");
        var jobFile = Path.Combine(_specDirectory, "job.yaml");
        await File.WriteAllTextAsync(jobFile, """
            name: job
            driver: process
            command: ["/bin/sh", "-c", "echo hello from enc; exit 3"]
            resources: { cpu: 50m, memory: 16Mi }
            restartPolicy: { mode: Never }
            """, Ct);
        await CliAsync("apply", "-f", jobFile);

        var web = await EventuallyInstanceAsync("web", i => i.GetProperty("state").GetString() == "Running");
        var job = await EventuallyInstanceAsync("job", i => i.GetProperty("state").GetString() == "Failed");
        Assert.Equal(3, job.GetProperty("exitCode").GetInt32());
        Assert.Equal(_node, web.GetProperty("nodeName").GetString());

        var table = await CliAsync("ps");
        Assert.Contains(table.Split('\n'), l => l.StartsWith("default/web ", StringComparison.Ordinal) && l.Contains(" Running ", StringComparison.Ordinal));
        Assert.Contains("hello from enc", await CliAsync("logs", "job"), StringComparison.Ordinal);
        using (var inspect = JsonDocument.Parse(await CliAsync("inspect", "web", "-o", "json")))
        {
            Assert.Equal("web", inspect.RootElement.GetProperty("spec").GetProperty("name").GetString());
        }

        Assert.Contains("cpu 100m (limit 500m), memory 32Mi", await CliAsync("inspect", "web"), StringComparison.Ordinal);
        Assert.Contains("web", await CliAsync("events", "web"), StringComparison.Ordinal);

        var container = Assert.Single(await ContainersAsync());
        Assert.Equal(web.GetProperty("instanceId").GetString(), container.Labels["enc.instance"]);
        var created = await _engine.Containers.InspectContainerAsync(container.ID, Ct);
        var startedAt = created.State.StartedAt;

        // --cpu is the request (shares 100 × 1024 / 1000), --cpu-limit the hard quota.
        Assert.Equal(102, created.HostConfig.CPUShares);
        Assert.Equal(500_000_000, created.HostConfig.NanoCPUs);

        // Crash: no shutdown hooks run. The container keeps running without its agent.
        await first.Process.KillAsync();
        Assert.Equal("running", (await _engine.Containers.InspectContainerAsync(container.ID, Ct)).State.Status);

        await using var second = StartSilo(ports, dataDirectory);
        await second.WaitReadyAsync(TimeSpan.FromSeconds(120));
        var adopted = await EventuallyInstanceAsync("web", i => i.GetProperty("state").GetString() == "Running" && second.Process.HasExited == false);
        Assert.Equal(web.GetProperty("instanceId").GetString(), adopted.GetProperty("instanceId").GetString());
        Assert.Equal(0, adopted.GetProperty("restartCount").GetInt32());

        // Let the agent run more passes: adoption must neither duplicate nor restart the container.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        var after = Assert.Single(await ContainersAsync());
        Assert.Equal(container.ID, after.ID);
        var state = (await _engine.Containers.InspectContainerAsync(container.ID, Ct)).State;
        Assert.Equal("running", state.Status);
        Assert.Equal(startedAt, state.StartedAt);

        await CliAsync("stop", "web");
        await Eventually.WaitAsync(ContainerStatusAsync, s => s is "exited" or "removed", Timeout, "the web container to stop");
        await CliAsync("rm", "web");
        await Eventually.WaitAsync(ContainerStatusAsync, s => s == "removed", Timeout, "the web container to be removed");
        var gone = await EncCli.RunAsync("inspect", "web", "--connection", _db.ConnectionString);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("web", gone.Stderr, StringComparison.Ordinal);
    }

    private async Task<string> ContainerStatusAsync()
    {
        var container = (await ContainersAsync()).SingleOrDefault();
        return container?.State ?? "removed";
    }

    private static string Port() => FreePorts.Next().ToString(CultureInfo.InvariantCulture);

    private SiloProcess StartSilo(string[] ports, string dataDirectory) => SiloProcess.Start(
        ["--node-name", _node, "--silo-port", ports[0], "--gateway-port", ports[1], "--http-port", ports[2], "--data-dir", dataDirectory],
        new Dictionary<string, string>
        {
            ["ENC_CONNECTIONSTRING"] = _db.ConnectionString,
            ["ENC_ADVERTISEDADDRESS"] = "127.0.0.1",
            ["ENC_WORKLOADS__DOCKERENDPOINT"] = WorkloadTestEnvironment.DockerEndpoint,
            ["ENC_NODES__DOCKERENDPOINT"] = WorkloadTestEnvironment.DockerEndpoint,
        });

    private async Task<string> CliAsync(params string[] args)
    {
        // After the verb, so that it stays before a "--" that ends the options.
        var result = await EncCli.RunAsync([args[0], "--connection", _db.ConnectionString, .. args[1..]]);
        Assert.True(result.ExitCode == 0, $"enc {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}{result.Stdout}");
        return result.Stdout;
    }

    private Task<JsonElement> EventuallyInstanceAsync(string workload, Func<JsonElement, bool> done) =>
        Eventually.WaitAsync(
            async () =>
            {
                using var doc = JsonDocument.Parse(await CliAsync("ps", workload, "-o", "json"));
                return doc.RootElement.EnumerateArray().Select(e => e.Clone()).SingleOrDefault();
            },
            i => i.ValueKind == JsonValueKind.Object && done(i),
            Timeout,
            $"an instance of {workload}");

    private async Task<List<ContainerListResponse>> ContainersAsync() =>
        (await WorkloadTestEnvironment.ContainersAsync(_engine, ""))
            .Where(c => c.Labels["enc.node"].EndsWith("." + _node, StringComparison.Ordinal))
            .ToList();
}
