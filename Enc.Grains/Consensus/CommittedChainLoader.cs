using Enc.Consensus.Blocks;
using Enc.Grains.Interfaces.Consensus;

namespace Enc.Grains.Consensus;

/// <summary>
/// Loads the certified chain from the round grains (one grain per height) for a validator that
/// starts or catches up: heights are requested a window at a time, concurrently, instead of one
/// call after another, and the chain ends at the first height that has no recorded block. The
/// window starts small (a catch-up usually misses a height or two, and every request past the tip
/// activates an empty round grain) and doubles after every full window, up to <see cref="MaxWindow"/>.
/// </summary>
public static class CommittedChainLoader
{
    /// <summary>Heights requested in the first window.</summary>
    public const int FirstWindow = 4;

    /// <summary>Most heights requested at once.</summary>
    public const int MaxWindow = 64;

    /// <summary>
    /// The blocks recorded from <paramref name="from"/> on, in height order, up to (not including) the
    /// first height <paramref name="fetch"/> reports as undecided (null).
    /// </summary>
    /// <param name="fetch">The recorded block of one height (the round grain's <see cref="IConsensusRoundGrain.GetBlockAsync"/>).</param>
    /// <param name="from">First height to load (at least 1).</param>
    /// <param name="firstWindow">Heights requested in the first window (at least 1).</param>
    /// <param name="maxWindow">Most heights requested at once (at least <paramref name="firstWindow"/>).</param>
    public static async Task<List<CommittedBlock>> LoadAsync(
        Func<long, Task<ConsensusBlockRecord?>> fetch, long from, int firstWindow = FirstWindow, int maxWindow = MaxWindow)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentOutOfRangeException.ThrowIfLessThan(from, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindow, firstWindow);
        var chain = new List<CommittedBlock>();
        for (long start = from, window = firstWindow; ; start += window, window = Math.Min(window * 2, maxWindow))
        {
            var records = await Task.WhenAll(Enumerable.Range(0, (int)window).Select(i => fetch(start + i)));
            foreach (var record in records)
            {
                if (record is null)
                {
                    return chain;
                }

                chain.Add(new CommittedBlock(ConsensusBlock.Decode(record.EncodedBlock), CommitCertificate.Decode(record.Certificate.Encoded)));
            }
        }
    }
}
