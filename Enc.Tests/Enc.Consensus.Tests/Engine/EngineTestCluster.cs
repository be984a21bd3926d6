using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Consensus.Evidence;
using Enc.Consensus.Messages;
using Enc.Consensus.Simulation;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Tests.Engine;

/// <summary>
/// A hand-driven cluster of engines for unit tests: FIFO delivery with zero delay, a manual clock
/// (timers fire only when the queue is empty), and a filter to drop chosen messages.
/// </summary>
internal sealed class EngineTestCluster
{
    private readonly Queue<(int From, int To, ConsensusMessage Message)> _queue = new();
    private readonly DateTimeOffset?[] _timers;

    public EngineTestCluster(int n, long[]? weights = null, Func<int, IDecisionSource>? sources = null, Func<int, IDecisionValidator>? validators = null,
        IConsensusVerifier? verifier = null, Func<int, IConsensusSigner>? signers = null)
    {
        var scheme = new SimulatedSignatureScheme();
        Verifier = verifier ?? scheme;
        Signers = Enumerable.Range(0, n).Select(i => signers?.Invoke(i) ?? scheme.CreateSigner($"cluster/{i}")).ToArray();
        Scheme = scheme;
        Genesis = new ValidatorSet(Signers.Select((s, i) => new Validator(s.PublicKey, weights?[i] ?? 1)));
        // A non-zero block interval lets simulated time advance while a healthy majority keeps committing.
        var options = new QbftOptions { BaseRoundTimeout = TimeSpan.FromMilliseconds(500), MaxRoundTimeout = TimeSpan.FromSeconds(8), BlockInterval = TimeSpan.FromMilliseconds(10) };
        Engines = Enumerable.Range(0, n).Select(i => new QbftEngine(
            options,
            Signers[i],
            Verifier,
            Genesis,
            sources?.Invoke(i) ?? new StandInDecisionSource($"n{i}", infeasible: false, []),
            validators?.Invoke(i) ?? new StandInPlacementValidator())).ToArray();
        _timers = new DateTimeOffset?[n];
        Outputs = Enumerable.Range(0, n).Select(_ => new List<EngineOutput>()).ToArray();
    }

    public SimulatedSignatureScheme Scheme { get; }

    public IConsensusVerifier Verifier { get; }

    public IConsensusSigner[] Signers { get; }

    public ValidatorSet Genesis { get; }

    public QbftEngine[] Engines { get; }

    public List<EngineOutput>[] Outputs { get; }

    public DateTimeOffset Now { get; private set; } = DateTimeOffset.UnixEpoch;

    /// <summary>Return false to drop the message.</summary>
    public Func<int, int, ConsensusMessage, bool> Filter { get; set; } = (_, _, _) => true;

    /// <summary>Indices whose engines are crashed (receive and send nothing).</summary>
    public HashSet<int> Crashed { get; } = [];

    public IEnumerable<RejectedMessage> Rejections(int i) => Outputs[i].SelectMany(o => o.Rejections);

    public IEnumerable<EquivocationEvidence> Evidence(int i) => Outputs[i].SelectMany(o => o.Evidence);

    public int IndexOf(ValidatorKey key) => Array.FindIndex(Signers, s => s.PublicKey.Equals(key));

    public void Start()
    {
        for (var i = 0; i < Engines.Length; i++)
        {
            if (!Crashed.Contains(i))
            {
                Apply(i, Engines[i].Start(Now));
            }
        }
    }

    /// <summary>Delivers <paramref name="message"/> to engine <paramref name="to"/> now.</summary>
    public EngineOutput Inject(int to, ConsensusMessage message)
    {
        var output = Engines[to].Handle(message, Now);
        Apply(to, output);
        return output;
    }

    /// <summary>Runs until <paramref name="done"/> holds or simulated time passes <paramref name="maxMs"/>.</summary>
    public bool RunUntil(Func<bool> done, long maxMs = 120_000)
    {
        var end = DateTimeOffset.UnixEpoch.AddMilliseconds(maxMs);
        var steps = 0;
        while (!done())
        {
            if (++steps > 2_000_000)
            {
                throw new InvalidOperationException("The cluster did not settle within 2,000,000 steps (a message storm?).");
            }

            if (_queue.TryDequeue(out var item))
            {
                if (!Crashed.Contains(item.To))
                {
                    Apply(item.To, Engines[item.To].Handle(item.Message, Now));
                }

                continue;
            }

            var next = _timers.Select((t, i) => (t, i)).Where(x => x.t is not null && !Crashed.Contains(x.i)).OrderBy(x => x.t).FirstOrDefault();
            if (next.t is null || next.t > end)
            {
                return done();
            }

            Now = next.t.Value > Now ? next.t.Value : Now;
            _timers[next.i] = null;
            Apply(next.i, Engines[next.i].Tick(Now));
        }

        return true;
    }

    public bool AllReach(long height, IEnumerable<int>? which = null) =>
        (which ?? Enumerable.Range(0, Engines.Length).Where(i => !Crashed.Contains(i))).All(i => Engines[i].Chain.Count >= height);

    private void Apply(int from, EngineOutput output)
    {
        Outputs[from].Add(output);
        _timers[from] = output.NextTimer ?? _timers[from];
        if (output.NextTimer is not null)
        {
            _timers[from] = output.NextTimer;
        }

        foreach (var m in output.Messages)
        {
            for (var to = 0; to < Engines.Length; to++)
            {
                var addressed = m.Recipient is null ? to != from : Signers[to].PublicKey.Equals(m.Recipient);
                if (addressed && Filter(from, to, m.Message))
                {
                    _queue.Enqueue((from, to, m.Message));
                }
            }
        }
    }
}
