namespace Enc.Scheduling.Framework;

/// <summary>
/// A filter whose verdict depends only on a node's class (labels, taints, zone, region, status), so the
/// pipeline evaluates it once per class and reuses the verdict for every node of the class.
/// </summary>
/// <remarks>
/// Called by the pipeline when the class verdicts for a request signature are not cached yet.
/// <see cref="AppendCacheKey"/> must write every request field the plugin reads, so requests with
/// equal keys share verdicts.
/// </remarks>
public interface INodeClassFilterPlugin : ISchedulerPlugin
{
    /// <summary>Filters a node class for <paramref name="request"/>.</summary>
    FilterStatus FilterClass(SchedulingRequest request, NodeClass nodeClass);

    /// <summary>Writes the request fields this plugin reads into the verdict cache key.</summary>
    void AppendCacheKey(SchedulingRequest request, System.Text.StringBuilder key);
}
