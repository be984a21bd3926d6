using Microsoft.Extensions.Logging;

namespace Enc.Grains.Receipts;

/// <summary>Loads (or creates) the node's key when the silo starts, so a broken key file stops the silo before it serves anything.</summary>
internal sealed partial class NodeIdentityLoader(IServiceProvider services, ILogger<NodeIdentityLoader> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(NodeIdentityLoader), ServiceLifecycleStage.RuntimeInitialize, _ =>
        {
            var identity = (NodeIdentity)services.GetService(typeof(NodeIdentity))!;
            LogLoaded(identity.NodeName, identity.Created ? "created" : "loaded", identity.KeyFilePath, Convert.ToHexStringLower(identity.PublicKey));
            return Task.CompletedTask;
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} signing key {Action} ({Path}); public key {PublicKey}")]
    private partial void LogLoaded(string node, string action, string path, string publicKey);
}
