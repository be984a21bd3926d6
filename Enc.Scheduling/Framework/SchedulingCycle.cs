namespace Enc.Scheduling.Framework;

/// <summary>
/// What one scheduling cycle (one replica of one request) knows: the request, the working state and the node-class verdicts.
/// </summary>
/// <remarks>One instance is reused by its pipeline for every cycle, so a cycle allocates nothing by itself.</remarks>
public sealed class SchedulingCycle
{
    private ClassVerdict[] _classVerdicts = [];

    internal SchedulingCycle(SchedulerState state, SchedulerOptions options)
    {
        State = state;
        Options = options;
        Request = null!;
        AlgorithmName = options.DefaultAlgorithm;
        ResourceStrategy = options.DefaultResourceStrategy;
    }

    /// <summary>The working cluster state.</summary>
    public SchedulerState State { get; }

    /// <summary>The pipeline's options.</summary>
    public SchedulerOptions Options { get; }

    /// <summary>The request being scheduled.</summary>
    public SchedulingRequest Request { get; private set; }

    /// <summary>The replica index being placed.</summary>
    public int ReplicaIndex { get; private set; }

    /// <summary>Stable hash of the workload id.</summary>
    public ulong WorkloadHash { get; private set; }

    /// <summary>Stable hash of workload id and replica index: seeds the scan offset.</summary>
    public ulong PlacementHash { get; private set; }

    /// <summary>Effective algorithm name.</summary>
    public string AlgorithmName { get; private set; }

    /// <summary>Effective resource strategy (<c>binpack</c> or <c>spread</c>).</summary>
    public string ResourceStrategy { get; private set; }

    /// <summary>True for the binpack strategy.</summary>
    public bool IsBinpack { get; private set; }

    /// <summary>True when node class <paramref name="classIndex"/> passed every class filter.</summary>
    public bool ClassPasses(int classIndex) => _classVerdicts[classIndex].Status.IsSuccess;

    /// <summary>The class verdict of <paramref name="classIndex"/>.</summary>
    public ClassVerdict ClassVerdictOf(int classIndex) => _classVerdicts[classIndex];

    internal void Begin(SchedulingRequest request, int replicaIndex, ClassVerdict[] classVerdicts)
    {
        Request = request;
        ReplicaIndex = replicaIndex;
        WorkloadHash = StableHash.Of(request.WorkloadId);
        PlacementHash = StableHash.Combine(WorkloadHash, (ulong)replicaIndex);
        AlgorithmName = request.Algorithm ?? Options.DefaultAlgorithm;
        ResourceStrategy = request.ResourceStrategy ?? Options.DefaultResourceStrategy;
        IsBinpack = string.Equals(ResourceStrategy, ResourceStrategyNames.Binpack, StringComparison.Ordinal);
        _classVerdicts = classVerdicts;
    }
}
