using Enc.Agent.Reconciliation;
using Enc.Grains.Interfaces.Workloads;

namespace Enc.Agent.Tests.Support;

/// <summary>Drives reconcile passes the way the node agent does (every 100 ms here) until a condition holds.</summary>
internal static class ReconcileLoop
{
    public static async Task<List<ReconcileResult>> UntilAsync(
        InstanceReconciler reconciler, IReadOnlyCollection<DesiredInstance> desired, Func<ReconcileResult, bool> done, TimeSpan timeout)
    {
        var results = new List<ReconcileResult>();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var result = await reconciler.ReconcileAsync(desired, TestContext.Current.CancellationToken);
            results.Add(result);
            if (done(result))
            {
                return results;
            }

            if (DateTime.UtcNow > deadline)
            {
                var last = string.Join("; ", result.Reports.Select(r => $"{r.InstanceId}={r.State} ({r.Reason}) restarts={r.RestartCount}"));
                throw new TimeoutException($"condition not reached within {timeout}; last pass: {last}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public static InstanceStatusReport Single(this ReconcileResult result) => Assert.Single(result.Reports);
}
