using System.Diagnostics;
using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Consensus.Messages;
using Enc.Consensus.Validators;

namespace Enc.Benchmarks.Consensus;

/// <summary>
/// n QBFT engines in one process joined by an in-process transport: every engine has an inbox;
/// each step drains all inboxes in parallel (one engine per task, so signature checks of
/// different validators run concurrently, at most one task per core) and routes the outputs; timers
/// are ticked only when nothing is in flight. Time is the wall clock. Each engine gets its own
/// verifier (the constructor's <c>verifierFor</c>), so no validator profits from another's
/// decoding caches, as on separate machines.
/// </summary>
internal sealed class InProcessConsensusCluster
{
    private readonly QbftEngine[] _engines;
    private readonly List<ConsensusMessage>[] _inboxes;
    private readonly ValidatorKey[] _keys;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTimeOffset _origin = DateTimeOffset.UtcNow;

    public InProcessConsensusCluster(IReadOnlyList<IConsensusSigner> signers, Func<int, IConsensusVerifier> verifierFor, IDecisionSource source, QbftOptions options)
    {
        var genesis = new ValidatorSet(signers.Select(s => new Validator(s.PublicKey, 1)));
        _engines = signers.Select((s, i) => new QbftEngine(options, s, verifierFor(i), genesis, source, AcceptAllDecisionValidator.Instance)).ToArray();
        _inboxes = signers.Select(_ => new List<ConsensusMessage>()).ToArray();
        _keys = signers.Select(s => s.PublicKey).ToArray();
        CommitTimes = signers.Select(_ => new List<TimeSpan>()).ToArray();
    }

    /// <summary>Per validator, the wall time at which each height committed.</summary>
    public List<TimeSpan>[] CommitTimes { get; }

    /// <summary>Decisions committed by validator 0.</summary>
    public long DecisionsCommitted => _engines[0].Chain.Sum(b => (long)b.Block.Decisions.Count);

    /// <summary>Runs until every validator has committed <paramref name="height"/> blocks.</summary>
    public void RunUntilHeight(long height)
    {
        var outputs = new EngineOutput[_engines.Length];
        for (var i = 0; i < _engines.Length; i++)
        {
            outputs[i] = _engines[i].Start(Now);
        }

        Route(outputs);
        while (_engines.Any(e => e.Chain.Count < height))
        {
            var batches = _inboxes.Select(inbox => inbox.ToArray()).ToArray();
            foreach (var inbox in _inboxes)
            {
                inbox.Clear();
            }

            if (batches.All(b => b.Length == 0))
            {
                // Nothing in flight: let timers fire (only needed after a timeout).
                for (var i = 0; i < _engines.Length; i++)
                {
                    outputs[i] = _engines[i].Tick(Now);
                }

                Route(outputs);
                continue;
            }

            var merged = new EngineOutput[_engines.Length];
            Parallel.For(0, _engines.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var combined = new EngineOutput();
                foreach (var message in batches[i])
                {
                    var output = _engines[i].Handle(message, Now);
                    combined.Messages.AddRange(output.Messages);
                    combined.Committed.AddRange(output.Committed);
                }

                merged[i] = combined;
            });
            Route(merged);
        }
    }

    private DateTimeOffset Now => _origin + _clock.Elapsed;

    private void Route(EngineOutput?[] outputs)
    {
        for (var from = 0; from < outputs.Length; from++)
        {
            var output = outputs[from];
            if (output is null)
            {
                continue;
            }

            foreach (var _ in output.Committed)
            {
                CommitTimes[from].Add(_clock.Elapsed);
            }

            foreach (var m in output.Messages)
            {
                for (var to = 0; to < _engines.Length; to++)
                {
                    if (to != from && (m.Recipient is null || m.Recipient.Equals(_keys[to])))
                    {
                        _inboxes[to].Add(m.Message);
                    }
                }
            }
        }
    }
}
