namespace Enc.Scheduling.Algorithms;

/// <summary>
/// Algorithms by name. <c>ResourceBased</c> and <c>RoundRobin</c> are built in; <c>PolicyBased</c>,
/// <c>ConsensusDriven</c> and <c>ZkVerified</c> register here from their own projects without any
/// change to the pipeline. A request naming an unregistered algorithm fails validation on <c>Algorithm</c>.
/// </summary>
public sealed class AlgorithmRegistry
{
    private readonly SortedDictionary<string, ISchedulingAlgorithm> _algorithms = new(StringComparer.Ordinal);

    /// <summary>A registry with the built-in algorithms.</summary>
    public static AlgorithmRegistry CreateDefault()
    {
        var registry = new AlgorithmRegistry();
        registry.Register(new ResourceBasedAlgorithm());
        registry.Register(new RoundRobinAlgorithm());
        return registry;
    }

    /// <summary>Registered names in ordinal order.</summary>
    public IEnumerable<string> Names => _algorithms.Keys;

    /// <summary>Registers (or replaces) an algorithm under its name.</summary>
    public void Register(ISchedulingAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        _algorithms[algorithm.Name] = algorithm;
    }

    /// <summary>True when <paramref name="name"/> is registered.</summary>
    public bool Contains(string name) => _algorithms.ContainsKey(name);

    /// <summary>The algorithm registered as <paramref name="name"/>.</summary>
    public ISchedulingAlgorithm Get(string name) =>
        _algorithms.TryGetValue(name, out var algorithm) ? algorithm : throw new ArgumentException($"No scheduling algorithm is registered as '{name}'.", nameof(name));
}
