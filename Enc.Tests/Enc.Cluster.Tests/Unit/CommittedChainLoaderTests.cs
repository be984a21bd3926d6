using Enc.Consensus.Blocks;
using Enc.Consensus.Primitives;
using Enc.Grains.Consensus;
using Enc.Grains.Interfaces.Consensus;

namespace Enc.Cluster.Tests.Unit;

/// <summary>
/// Batched chain loading (windows of concurrent round-grain reads) against the simple one-height-at-a-time
/// loop it replaced: same blocks, same order, stops at the first undecided height, for chains of every
/// length around the window boundaries.
/// </summary>
public sealed class CommittedChainLoaderTests
{
    public static TheoryData<int, long> Chains()
    {
        var data = new TheoryData<int, long>();
        foreach (var length in new[] { 0, 1, 3, 4, 5, 11, 12, 13, 60, 61, 200 })
        {
            data.Add(length, 1);
        }

        data.Add(12, 5);
        data.Add(12, 12);
        data.Add(12, 13);
        return data;
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task LoadsTheSameChainAsOneHeightAtATime(int length, long from)
    {
        var records = Chain(length);
        var fetched = new List<long>();
        Task<ConsensusBlockRecord?> Fetch(long h)
        {
            lock (fetched)
            {
                fetched.Add(h);
            }

            return Task.FromResult(records.GetValueOrDefault(h));
        }

        var loaded = await CommittedChainLoader.LoadAsync(Fetch, from);

        var expected = new List<CommittedBlock>();
        for (var h = from; records.TryGetValue(h, out var record); h++)
        {
            expected.Add(new CommittedBlock(ConsensusBlock.Decode(record.EncodedBlock), CommitCertificate.Decode(record.Certificate.Encoded)));
        }

        Assert.Equal(expected.Select(b => b.Block.Hash), loaded.Select(b => b.Block.Hash));
        Assert.Equal(expected.Select(b => b.Certificate.Height), loaded.Select(b => b.Certificate.Height));
        var requests = (int)Math.Max(0, length - from + 1) + 1;
        Assert.InRange(fetched.Count, requests, requests + CommittedChainLoader.MaxWindow);
        Assert.Equal(fetched.Count, fetched.Distinct().Count());
    }

    [Fact]
    public async Task AGap_EndsTheChain_EvenWithLaterHeightsRecorded()
    {
        var records = Chain(10);
        records.Remove(6);
        var loaded = await CommittedChainLoader.LoadAsync(h => Task.FromResult(records.GetValueOrDefault(h)), 1);
        Assert.Equal([1L, 2, 3, 4, 5], loaded.Select(b => b.Block.Height));
    }

    [Fact]
    public async Task RequestsRunConcurrentlyWithinAWindow()
    {
        var records = Chain(8);
        var inFlight = 0;
        var most = 0;
        async Task<ConsensusBlockRecord?> Fetch(long h)
        {
            most = Math.Max(most, Interlocked.Increment(ref inFlight));
            await Task.Delay(20);
            Interlocked.Decrement(ref inFlight);
            return records.GetValueOrDefault(h);
        }

        var loaded = await CommittedChainLoader.LoadAsync(Fetch, 1, firstWindow: 4, maxWindow: 8);
        Assert.Equal(8, loaded.Count);
        Assert.True(most >= 2, $"at most {most} request(s) were in flight at once");
    }

    [Fact]
    public async Task InvalidArguments_AreRejectedByName()
    {
        Task<ConsensusBlockRecord?> None(long h) => Task.FromResult<ConsensusBlockRecord?>(null);
        Assert.Equal("from", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => CommittedChainLoader.LoadAsync(None, 0))).ParamName);
        Assert.Equal("firstWindow", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => CommittedChainLoader.LoadAsync(None, 1, 0))).ParamName);
        Assert.Equal("maxWindow", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => CommittedChainLoader.LoadAsync(None, 1, 8, 4))).ParamName);
    }

    private static Dictionary<long, ConsensusBlockRecord> Chain(int length)
    {
        var records = new Dictionary<long, ConsensusBlockRecord>();
        var parent = Hash256.Zero;
        var set = Hash256.Compute("test validator set"u8);
        for (var h = 1; h <= length; h++)
        {
            var block = new ConsensusBlock(h, parent, set, [new Decision("test.decision", BitConverter.GetBytes(h))]);
            var certificate = new CommitCertificate(h, 0, block.Hash, set, [0b0111], new byte[96]);
            records[h] = new ConsensusBlockRecord
            {
                Height = h,
                BlockHash = block.Hash.ToString(),
                ParentHash = parent.ToString(),
                Decisions = [],
                Certificate = new ConsensusCertificateInfo
                {
                    Height = h,
                    Round = 0,
                    BlockHash = block.Hash.ToString(),
                    ValidatorSetHash = set.ToString(),
                    Signers = [],
                    AggregateSignature = "",
                    Encoded = certificate.Encode(),
                },
                Validators = [],
                EncodedBlock = block.Encode(),
                RecordedAt = DateTimeOffset.UnixEpoch,
                Evidence = [],
            };
            parent = block.Hash;
        }

        return records;
    }
}
