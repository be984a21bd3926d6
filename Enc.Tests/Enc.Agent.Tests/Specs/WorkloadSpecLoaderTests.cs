using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Specs;

public sealed class WorkloadSpecLoaderTests
{
    private const string FullYaml = """
        name: web
        namespace: shop
        driver: docker
        image: busybox:local
        command: ["sh", "-c"]
        args: ["httpd -f -p $ENC_PORT_HTTP"]
        env:
          MODE: production
          EMPTY: ""
        resources:
          cpu: 250m
          memory: 64Mi
          disk: 1Gi
          networkBandwidth: 100M
        replicas: 3
        ports:
          - name: http
            port: assign
          - name: metrics
            port: 9100
            protocol: tcp
        labels:
          app: web
          example.com/tier: frontend
        restartPolicy:
          mode: OnFailure
          backoff: 2s
          maxBackoff: 1m
          resetAfter: 5m
        healthCheck:
          type: http
          port: http
          path: /healthz
          interval: 5s
          timeout: 1s
          failureThreshold: 4
          initialDelay: 3s
        scheduling:
          nodeSelector:
            zone: eu-1
          tolerations:
            - key: dedicated
              operator: Equal
              value: web
              effect: NoSchedule
            - operator: Exists
          algorithm: ResourceBased
        stopGracePeriod: 30s
        """;

    [Fact]
    public void LoadsEveryFieldFromYaml()
    {
        var result = WorkloadSpecLoader.Parse(FullYaml);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var spec = result.Spec!;
        Assert.Equal("shop/web", spec.Id);
        Assert.Equal(WorkloadDriver.Docker, spec.Driver);
        Assert.Equal("busybox:local", spec.Image);
        Assert.Equal(["sh", "-c"], spec.Command);
        Assert.Equal(["httpd -f -p $ENC_PORT_HTTP"], spec.Args);
        Assert.Equal("production", spec.Env["MODE"]);
        Assert.Equal("", spec.Env["EMPTY"]);
        Assert.Equal(250, spec.Resources.CpuMillicores);
        Assert.Equal(64L << 20, spec.Resources.MemoryBytes);
        Assert.Equal(1L << 30, spec.Resources.DiskBytes);
        Assert.Equal(100_000_000, spec.Resources.NetworkBitsPerSecond);
        Assert.Equal(3, spec.Replicas);
        Assert.Equal(WorkloadNetworkMode.Host, spec.Network);
        Assert.Equal(0, spec.Ports[0].Port);
        Assert.Equal(9100, spec.Ports[1].Port);
        Assert.Equal("frontend", spec.Labels["example.com/tier"]);
        Assert.Equal(RestartMode.OnFailure, spec.RestartPolicy.Mode);
        Assert.Equal(TimeSpan.FromSeconds(2), spec.RestartPolicy.BackoffBase);
        Assert.Equal(TimeSpan.FromMinutes(1), spec.RestartPolicy.BackoffCap);
        Assert.Equal(TimeSpan.FromMinutes(5), spec.RestartPolicy.ResetAfter);
        var check = spec.HealthCheck!;
        Assert.Equal(HealthCheckType.Http, check.Type);
        Assert.Equal("http", check.PortName);
        Assert.Equal("/healthz", check.Path);
        Assert.Equal(TimeSpan.FromSeconds(5), check.Interval);
        Assert.Equal(TimeSpan.FromSeconds(1), check.Timeout);
        Assert.Equal(4, check.FailureThreshold);
        Assert.Equal(TimeSpan.FromSeconds(3), check.InitialDelay);
        Assert.Equal("eu-1", spec.Scheduling.NodeSelector["zone"]);
        Assert.Equal(2, spec.Scheduling.Tolerations.Count);
        Assert.Equal(TaintEffect.NoSchedule, spec.Scheduling.Tolerations[0].Effect);
        Assert.Equal(TolerationOperator.Exists, spec.Scheduling.Tolerations[1].Operator);
        Assert.Equal(SchedulingAlgorithmNames.ResourceBased, spec.Scheduling.Algorithm);
        Assert.Equal(TimeSpan.FromSeconds(30), spec.StopGracePeriod);
    }

    [Fact]
    public void LoadsJsonWithDefaults()
    {
        var result = WorkloadSpecLoader.Parse("""
            { "name": "job", "driver": "process", "command": ["/bin/echo", "hello"], "restartPolicy": "Never",
              "resources": { "cpu": 0.5, "memory": "32Mi" } }
            """);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var spec = result.Spec!;
        Assert.Equal("default/job", spec.Id);
        Assert.Equal(WorkloadDriver.Process, spec.Driver);
        Assert.Equal(500, spec.Resources.CpuMillicores);
        Assert.Equal(1, spec.Replicas);
        Assert.Equal(WorkloadNetworkMode.None, spec.Network);
        Assert.Equal(RestartMode.Never, spec.RestartPolicy.Mode);
        Assert.Equal(WorkloadRestartPolicy.Default.BackoffCap, spec.RestartPolicy.BackoffCap);
        Assert.Null(spec.HealthCheck);
    }

    [Fact]
    public void DefaultsResourcesWhenOmitted()
    {
        var spec = WorkloadSpecLoader.ParseOrThrow("name: a\nimage: busybox:local\n");
        Assert.Equal(100, spec.Resources.CpuMillicores);
        Assert.Equal(128L << 20, spec.Resources.MemoryBytes);
    }

    [Fact]
    public void ReportsEveryBadFieldByPath()
    {
        var result = WorkloadSpecLoader.Parse("""
            name: Web_1
            image: "not a valid image"
            replica: 2
            env:
              ENC_SECRET: x
              1BAD: y
            resources:
              cpu: lots
              memory: 64MB
            ports:
              - name: http
                port: 70000
            network: bridge
            restartPolicy:
              mode: Sometimes
              backoff: 10s
              maxBackoff: 1s
            healthCheck:
              type: tcp
              port: nope
              interval: 1s
              timeout: 5s
              failureThreshold: 0
            scheduling:
              algorithm: Magic
              tolerations:
                - operator: Exists
                  value: x
            """);
        Assert.False(result.IsValid);
        Assert.Null(result.Spec);
        var fields = result.Errors.Select(e => e.Field).ToHashSet();
        string[] expected =
        [
            "name", "image", "replica", "env.ENC_SECRET", "env.1BAD", "resources.cpu", "resources.memory", "ports[0].port",
            "network", "restartPolicy.mode", "restartPolicy.maxBackoff", "healthCheck.port", "healthCheck.timeout",
            "healthCheck.failureThreshold", "scheduling.algorithm", "scheduling.tolerations[0].value",
        ];
        foreach (var field in expected)
        {
            Assert.True(fields.Contains(field), $"no error for {field}; got: {string.Join("; ", result.Errors)}");
        }

        // A field that failed to parse is reported once, not again by the validator.
        Assert.Single(result.Errors, e => e.Field == "resources.memory");
        Assert.Contains(result.Errors, e => e.Field == "resources.memory" && e.Message.Contains("64MB", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsSyntaxErrorsWithLine()
    {
        var result = WorkloadSpecLoader.Parse("name: a\n  image: [unclosed\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal("(document)", error.Field);
        Assert.Contains("line", error.Message, StringComparison.Ordinal);

        var json = WorkloadSpecLoader.Parse("{ \"name\": \"a\", }x");
        Assert.Contains("JSON", Assert.Single(json.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadsSeveralDocuments()
    {
        var all = WorkloadSpecLoader.ParseAll("name: a\nimage: busybox:local\n---\nname: b\nimage: busybox@sha256:" + new string('a', 64) + "\n");
        Assert.Equal(["a", "b"], all.Select(r => r.Spec!.Name));
        Assert.Contains("expected one", Assert.Single(WorkloadSpecLoader.Parse("name: a\n---\nname: b\n").Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseOrThrowListsAllErrors()
    {
        var e = Assert.Throws<WorkloadSpecException>(() => WorkloadSpecLoader.ParseOrThrow("name: ''\nresources: {memory: 1Ki}\n"));
        Assert.Contains(e.Errors, x => x.Field == "name");
        Assert.Contains(e.Errors, x => x.Field == "image");
        Assert.Contains(e.Errors, x => x.Field == "resources.memory" && x.Message.Contains("6Mi", StringComparison.Ordinal));
        Assert.Contains("resources.memory", e.Message, StringComparison.Ordinal);
    }
}
