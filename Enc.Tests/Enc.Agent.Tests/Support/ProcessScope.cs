using Enc.Agent.Drivers;
using Enc.Agent.Drivers.Process;
using Enc.Agent.Reconciliation;

namespace Enc.Agent.Tests.Support;

/// <summary>A process-driver test scope: its own data directory; at the end every task in it is removed.</summary>
internal sealed class ProcessScope : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly List<ProcessDriver> _drivers = [];

    public ProcessScope()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "enc-process-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    /// <summary>A new driver object over the same data directory (a new one simulates an agent restart).</summary>
    public ProcessDriver NewDriver()
    {
        var driver = new ProcessDriver(new ProcessDriverOptions { DataDirectory = DataDirectory });
        _drivers.Add(driver);
        return driver;
    }

    public InstanceReconciler NewReconciler(ITaskDriver driver, int maxParallelism = 16)
    {
        var reconciler = new InstanceReconciler(driver, TimeProvider.System, new InstanceReconcilerOptions { OrphanGracePeriod = TimeSpan.FromSeconds(1), MaxParallelism = maxParallelism });
        _owned.Add(reconciler);
        return reconciler;
    }

    public async ValueTask DisposeAsync()
    {
        var driver = NewDriver();
        foreach (var task in await driver.ListAsync())
        {
            await driver.RemoveAsync(task.TaskId);
        }

        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        Directory.Delete(DataDirectory, recursive: true);
    }
}
