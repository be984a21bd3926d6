namespace Enc.Grains.Nodes;

/// <summary>How long a node may stay silent before it is NotReady, and before it is Down.</summary>
/// <param name="NotReadyAfter">Heartbeat age at which a Ready or Joining node becomes NotReady.</param>
/// <param name="DownAfter">Heartbeat age at which any node becomes Down.</param>
public readonly record struct NodeHealthThresholds(TimeSpan NotReadyAfter, TimeSpan DownAfter);
