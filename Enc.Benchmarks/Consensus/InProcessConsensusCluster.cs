using System.Collections.Concurrent;
using System.Diagnostics;
using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Consensus.Messages;
using Enc.Consensus.Validators;

namespace Enc.Benchmarks.Consensus;

/// <summary>
/// n QBFT engines in one process joined by an in-process transport shaped like the grain model:
/// every engine has a mailbox drained by at most one thread-pool work item at a time, and a message
/// is handled as soon as it is routed (no step barrier), so a validator never waits for the slowest
/// one. Timers run on the wall clock. Each engine gets its own verifier (the constructor's <c>verifierFor</c>),
/// so no validator profits from another's decoding caches, as on separate machines.
/// </summary>
internal sealed class InProcessConsensusCluster
{
    private readonly QbftEngine[] _engines;
    private readonly ConcurrentQueue<ConsensusMessage?>[] _mailboxes;
    private readonly int[] _draining;
    private readonly Timer?[] _timers;
    private readonly ValidatorKey[] _keys;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTimeOffset _origin = DateTimeOffset.UtcNow;
    private readonly ManualResetEventSlim _done = new();
    private long _target;
    private int _finished;
    private volatile bool _stopped;
    private Exception? _failure;

    public InProcessConsensusCluster(IReadOnlyList<IConsensusSigner> signers, Func<int, IConsensusVerifier> verifierFor, Enc.Consensus.Engine.IDecisionSource source, QbftOptions options)
    {
        var genesis = new ValidatorSet(signers.Select(s => new Validator(s.PublicKey, 1)));
        _engines = signers.Select((s, i) => new QbftEngine(options, s, verifierFor(i), genesis, source, AcceptAllDecisionValidator.Instance)).ToArray();
        _mailboxes = signers.Select(_ => new ConcurrentQueue<ConsensusMessage?>()).ToArray();
        _draining = new int[signers.Count];
        _timers = new Timer?[signers.Count];
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
        _target = height;
        var outputs = new EngineOutput[_engines.Length];
        for (var i = 0; i < _engines.Length; i++)
        {
            lock (_engines[i])
            {
                outputs[i] = _engines[i].Start(Now);
            }
        }

        for (var i = 0; i < _engines.Length; i++)
        {
            Carry(i, outputs[i]);
        }

        _done.Wait();
        _stopped = true; // validators keep going on their own (the proposer proposes the next height): stop them
        lock (_timers)
        {
            foreach (var timer in _timers)
            {
                timer?.Dispose();
            }
        }

        if (_failure is not null)
        {
            throw new InvalidOperationException("A validator failed.", _failure);
        }
    }

    private DateTimeOffset Now => _origin + _clock.Elapsed;

    private void Post(int to, ConsensusMessage? message)
    {
        if (_stopped)
        {
            return;
        }

        _mailboxes[to].Enqueue(message);
        if (Interlocked.CompareExchange(ref _draining[to], 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(Drain, to, preferLocal: false);
        }
    }

    /// <summary>Handles the mailbox of one validator until it is empty (a null entry is a timer tick).</summary>
    private void Drain(int i)
    {
        try
        {
            while (true)
            {
                while (!_stopped && _mailboxes[i].TryDequeue(out var message))
                {
                    EngineOutput output;
                    lock (_engines[i])
                    {
                        output = message is null ? _engines[i].Tick(Now) : _engines[i].Handle(message, Now);
                    }

                    Carry(i, output);
                }

                Volatile.Write(ref _draining[i], 0);
                if (_mailboxes[i].IsEmpty || Interlocked.CompareExchange(ref _draining[i], 1, 0) != 0)
                {
                    return;
                }
            }
        }
        catch (Exception e)
        {
            _failure = e;
            _done.Set();
        }
    }

    private void Carry(int from, EngineOutput output)
    {
        foreach (var _ in output.Committed)
        {
            CommitTimes[from].Add(_clock.Elapsed);
            if (CommitTimes[from].Count == _target && Interlocked.Increment(ref _finished) == _engines.Length)
            {
                _done.Set();
            }
        }

        foreach (var m in output.Messages)
        {
            for (var to = 0; to < _engines.Length; to++)
            {
                if (to != from && (m.Recipient is null || m.Recipient.Equals(_keys[to])))
                {
                    Post(to, m.Message);
                }
            }
        }

        if (output.NextTimer is { } due)
        {
            var delay = due - Now;
            lock (_timers)
            {
                var timer = _timers[from] ??= new Timer(state => Post((int)state!, null), from, Timeout.Infinite, Timeout.Infinite);
                timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
            }
        }
    }
}
