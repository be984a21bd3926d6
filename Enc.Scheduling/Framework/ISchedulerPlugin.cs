namespace Enc.Scheduling.Framework;

/// <summary>Base of every scheduler plugin. A plugin implements only the extension points it needs.</summary>
/// <remarks>
/// Plugin instances belong to one <see cref="SchedulingPipeline"/>, which runs one cycle at a time,
/// so a plugin may keep per-cycle state in fields (written in PreFilter/PreScore, read in Filter/Score).
/// </remarks>
public interface ISchedulerPlugin
{
    /// <summary>The plugin's name, one of <see cref="PluginNames"/> for built-in plugins.</summary>
    string Name { get; }

    /// <summary>Cluster events after which a request this plugin rejected may become schedulable.</summary>
    ClusterEventKinds RequeueOn { get; }
}
