using Enc.Grains.Interfaces.Nodes;
using Microsoft.Extensions.Logging;

namespace Enc.Grains.Nodes;

/// <summary>Tells the node registry's change log that a node's placement-relevant state changed.</summary>
public static partial class NodeChanges
{
    /// <summary>
    /// Records the change; called after the change is persisted. A failure is logged, not thrown: the change
    /// itself stands, and placement caches re-read every node on their periodic full refresh.
    /// </summary>
    public static async Task NotifyAsync(IGrainFactory grains, string nodeName, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            await grains.GetGrain<INodeRegistryGrain>(INodeRegistryGrain.DefaultKey).NodeChangedAsync(nodeName);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotifyFailed(logger, e, nodeName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a change of node {Node} in the registry's change log; placement caches pick it up on their next full refresh.")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string node);
}
