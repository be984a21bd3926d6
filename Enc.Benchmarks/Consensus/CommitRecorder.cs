using System.Diagnostics;
using Enc.Consensus.Blocks;
using Enc.Grains.Consensus;
using Enc.Grains.Consensus.Scheduling;
using Enc.Grains.Interfaces.Consensus;

namespace Enc.Benchmarks.Consensus;

/// <summary>
/// A commit handler shared by every silo of the benchmark cluster: the round grain calls it once
/// per height, right after it recorded the block (certificate verified, state and receipt written).
/// It records when, and how many placements the block committed.
/// </summary>
internal sealed class CommitRecorder : IConsensusCommitHandler
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private long _placements;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Time since the recorder was created.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Placements committed so far.</summary>
    public long Placements
    {
        get
        {
            lock (_lock)
            {
                return _placements;
            }
        }
    }

    /// <inheritdoc />
    public Task OnCommittedAsync(IGrainFactory grains, ConsensusBlock block, ConsensusBlockRecord record)
    {
        var placements = block.Decisions.Count(d => d.Type == DecisionTypes.Placement);
        TaskCompletionSource changed;
        lock (_lock)
        {
            _placements += placements;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task OnEvidenceAsync(IGrainFactory grains, long height, byte[] encodedEvidence) => Task.CompletedTask;

    /// <summary>Waits until at least <paramref name="placements"/> placements are committed; returns the time it happened.</summary>
    public async Task<TimeSpan> WaitForPlacementsAsync(long placements, TimeSpan timeout)
    {
        var deadline = _clock.Elapsed + timeout;
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_placements >= placements)
                {
                    return _clock.Elapsed;
                }

                changed = _changed.Task;
            }

            var left = deadline - _clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{Placements} of {placements} placements committed within {timeout}.");
            }

            await changed.WaitAsync(left).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
