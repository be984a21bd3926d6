using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Consensus.Messages;
using Enc.Consensus.Validators;
using Enc.Grains.Consensus;

namespace Enc.Cluster.Tests.Unit;

/// <summary>
/// A hand-driven network of <see cref="ValidatorNode"/>s — real QBFT engines, pools and scheduler replays; signatures
/// simulated (HMAC stand-in; the subject is planning, not BLS) — with FIFO delivery at one fixed time, configured
/// like a silo (no empty blocks) but with no block interval and round timers that never fire during a test.
/// </summary>
internal sealed class ValidatorNodeNetwork
{
    private static readonly QbftOptions Options = new()
    {
        ProposeEmptyBlocks = false,
        BlockInterval = TimeSpan.Zero,
        BaseRoundTimeout = TimeSpan.FromHours(1),
        MaxRoundTimeout = TimeSpan.FromHours(2),
    };

    private readonly Queue<(int To, ConsensusMessage Message)> _queue = new();
    private readonly IConsensusSigner[] _signers;

    public ValidatorNodeNetwork(int size, string name)
    {
        var scheme = new SimulatedSignatureScheme();
        _signers = Enumerable.Range(0, size).Select(i => scheme.CreateSigner($"{name}/{i}")).ToArray();
        Set = new ValidatorSet(_signers.Select(s => new Validator(s.PublicKey, 1)));
        Nodes = _signers.Select(s => new ValidatorNode(s, scheme, Set, Options, [])).ToArray();
        for (var i = 0; i < size; i++)
        {
            Route(i, Nodes[i].Start(Now));
        }
    }

    public static DateTimeOffset Now => DateTimeOffset.UnixEpoch;

    public ValidatorSet Set { get; }

    public ValidatorNode[] Nodes { get; }

    /// <summary>Index of the round-0 proposer of <paramref name="height"/>.</summary>
    public int ProposerOf(long height) => Array.FindIndex(_signers, s => s.PublicKey.Equals(Set.ProposerFor(height, 0)));

    /// <summary>Adds <paramref name="decisions"/> to every validator's pool (as the registry does), then delivers until quiet.</summary>
    public void SubmitToAllAndDeliver(IReadOnlyList<Decision> decisions)
    {
        for (var i = 0; i < Nodes.Length; i++)
        {
            Route(i, Nodes[i].Submit(decisions, Now));
        }

        while (_queue.TryDequeue(out var next))
        {
            Route(next.To, Nodes[next.To].Handle(next.Message, Now));
        }
    }

    private void Route(int from, EngineOutput output)
    {
        foreach (var outgoing in output.Messages)
        {
            for (var to = 0; to < Nodes.Length; to++)
            {
                if (to != from && (outgoing.Recipient is null || outgoing.Recipient.Equals(_signers[to].PublicKey)))
                {
                    _queue.Enqueue((to, outgoing.Message));
                }
            }
        }
    }
}
