using System.Collections.Concurrent;
using Enc.Consensus.Messages;
using Enc.Grains.Interfaces.Consensus;

namespace Enc.Cluster.Tests.Consensus;

/// <summary>
/// An incoming grain call filter (one instance shared by every silo of an in-process cluster) that records each call
/// delivering a committed block to a round grain: a commit report (<c>ReportCommitAsync</c>, or <c>RecordCommitAsync</c>
/// of earlier versions) or a NEW-BLOCK multicast (<c>PublishAsync</c> with a NEW-BLOCK envelope).
/// </summary>
internal sealed class BlockDeliveryCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentQueue<(long Height, string Method, string Sender)> _deliveries = new();

    /// <summary>Deliveries so far: the round grain's height, the method and the sender node it names ("?" when none).</summary>
    public IReadOnlyList<(long Height, string Method, string Sender)> Deliveries => [.. _deliveries];

    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType == typeof(IConsensusRoundGrain) && CarriesBlock(context, out var sender))
        {
            _deliveries.Enqueue((context.TargetId.GetIntegerKey(), context.InterfaceMethod.Name, sender));
        }

        return context.Invoke();
    }

    private static bool CarriesBlock(IIncomingGrainCallContext context, out string sender)
    {
        var request = context.Request;
        sender = "?";
        switch (context.InterfaceMethod!.Name)
        {
            case "ReportCommitAsync":
                sender = request.GetArgument(3) as string ?? "?";
                return true;
            case "RecordCommitAsync":
                return true;
            case nameof(IConsensusRoundGrain.PublishAsync) when request.GetArgument(0) is ConsensusEnvelope { Kind: ConsensusMessageCodec.KindNewBlock }:
                sender = request.GetArgument(1) as string ?? "?";
                return true;
            default:
                return false;
        }
    }
}
