using Microsoft.Extensions.Logging;

namespace Enc.Grains.Nodes;

/// <summary>Log messages of <see cref="NodeGrain"/>.</summary>
public sealed partial class NodeGrain
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeName}: a state write failed and reading the stored state back failed too; the activation ends so the next call starts from storage")]
    private partial void LogStateRereadFailed(Exception exception, string nodeName);
}
