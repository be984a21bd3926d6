namespace Enc.Scheduling.Binding;

/// <summary>
/// The live node view a placement is bound against. Implementations re-check capacity atomically
/// per node, so concurrent schedulers working from stale snapshots can never overcommit a node.
/// </summary>
/// <remarks>
/// Called by <see cref="SchedulingPipeline.ScheduleAndBind"/> after selection. On
/// <see cref="BindingResult.Bound"/> false the pipeline refreshes its view of that node from
/// <see cref="BindingResult.LiveAllocated"/> and recomputes the placement. The grain side implements
/// this over node grains; <see cref="InMemoryBindingTarget"/> is the in-process implementation.
/// </remarks>
public interface IBindingTarget
{
    /// <summary>
    /// Atomically: checks the node is Ready, evicts <see cref="BindingRequest.Victims"/> (all must still
    /// be on the node), and reserves <see cref="BindingRequest.Resources"/> if it fits; otherwise changes nothing.
    /// </summary>
    BindingResult TryBind(BindingRequest request);
}
