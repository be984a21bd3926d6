namespace Enc.Scheduling.Framework;

/// <summary>Maps plugin names to factories; the pipeline builds its plugins from here by name.</summary>
/// <remarks>Extensions (policy plugins, say) register their own factories under their own names.</remarks>
public sealed class PluginRegistry
{
    private readonly Dictionary<string, Func<ISchedulerPlugin>> _factories = new(StringComparer.Ordinal);

    /// <summary>A registry holding every built-in plugin.</summary>
    public static PluginRegistry CreateDefault()
    {
        var registry = new PluginRegistry();
        registry.Register(PluginNames.NodeStatus, static () => new NodeStatusPlugin());
        registry.Register(PluginNames.NodeSelector, static () => new NodeSelectorPlugin());
        registry.Register(PluginNames.NodeAffinity, static () => new NodeAffinityPlugin());
        registry.Register(PluginNames.TaintToleration, static () => new TaintTolerationPlugin());
        registry.Register(PluginNames.NodeResourcesFit, static () => new NodeResourcesFitPlugin());
        registry.Register(PluginNames.WorkloadAffinity, static () => new WorkloadAffinityPlugin());
        registry.Register(PluginNames.ZoneSpread, static () => new ZoneSpreadPlugin());
        registry.Register(PluginNames.NodeResourcesAllocation, static () => new NodeResourcesAllocationPlugin());
        registry.Register(PluginNames.TopologyLatency, static () => new TopologyLatencyPlugin());
        return registry;
    }

    /// <summary>Registers (or replaces) the factory for <paramref name="name"/>.</summary>
    public void Register(string name, Func<ISchedulerPlugin> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);
        _factories[name] = factory;
    }

    /// <summary>True when a factory is registered for <paramref name="name"/>.</summary>
    public bool Contains(string name) => _factories.ContainsKey(name);

    /// <summary>Creates the plugin registered as <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No plugin has that name.</exception>
    public ISchedulerPlugin Create(string name)
    {
        if (!_factories.TryGetValue(name, out var factory))
        {
            throw new ArgumentException($"No scheduler plugin is registered as '{name}'.", nameof(name));
        }

        var plugin = factory();
        if (!string.Equals(plugin.Name, name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The factory registered as '{name}' built a plugin named '{plugin.Name}'.");
        }

        return plugin;
    }
}
