using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Consensus.Messages;
using Enc.Consensus.Simulation;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Tests.Engine;

/// <summary><see cref="QbftOptions.ProposeEmptyBlocks"/> = false: a height with nothing pending sends and times nothing until work or a message arrives.</summary>
public sealed class IdleHeightTests
{
    private static readonly QbftOptions Options = new() { ProposeEmptyBlocks = false, BaseRoundTimeout = TimeSpan.FromSeconds(1) };
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void SingleValidator_StaysIdleWithoutWork_AndCommitsWhenWoken()
    {
        var scheme = new SimulatedSignatureScheme();
        var signer = scheme.CreateSigner("idle/solo");
        var source = new ListDecisionSource();
        var engine = new QbftEngine(Options, signer, scheme, new ValidatorSet([new Validator(signer.PublicKey, 1)]), source, new AcceptAllDecisionValidator());

        var started = engine.Start(T0);
        Assert.True(engine.IsIdle);
        Assert.Empty(started.Messages);
        Assert.Null(started.NextTimer);
        Assert.Empty(engine.Tick(T0.AddHours(1)).Messages);

        var decision = new Decision("test.decision", [7]);
        source.Pending.Add(decision);
        var woken = engine.Wake(T0.AddHours(1));

        var committed = Assert.Single(woken.Committed);
        Assert.Equal([decision], committed.Block.Decisions);
        Assert.Empty(source.Pending);
        Assert.True(engine.IsIdle);
        Assert.Equal(2, engine.Height);
        Assert.Null(woken.NextTimer);
    }

    [Fact]
    public void IdleValidator_WakesOnAProposalForItsHeight_AndPrepares()
    {
        var scheme = new SimulatedSignatureScheme();
        var signers = Enumerable.Range(0, 4).Select(i => scheme.CreateSigner($"idle/{i}")).ToArray();
        var set = new ValidatorSet(signers.Select(s => new Validator(s.PublicKey, 1)));
        var sources = signers.Select(_ => new ListDecisionSource()).ToArray();
        var engines = signers.Select((s, i) => new QbftEngine(Options, s, scheme, set, sources[i], new AcceptAllDecisionValidator())).ToArray();
        foreach (var engine in engines)
        {
            Assert.Null(engine.Start(T0).NextTimer);
        }

        var proposer = Array.FindIndex(signers, s => s.PublicKey.Equals(set.ProposerFor(1, 0)));
        var other = (proposer + 1) % 4;
        sources[proposer].Pending.Add(new Decision("test.decision", [1]));
        var proposal = Assert.Single(engines[proposer].Wake(T0).Messages.Select(m => m.Message).OfType<ProposalMessage>());

        var reply = engines[other].Handle(proposal, T0.AddSeconds(5));

        Assert.False(engines[other].IsIdle);
        Assert.Single(reply.Messages.Select(m => m.Message).OfType<PrepareMessage>());
        Assert.Equal(T0.AddSeconds(6), reply.NextTimer);
    }

    [Fact]
    public void WakeWithNothingPending_LeavesTheHeightIdle_AndSendsNothing()
    {
        var scheme = new SimulatedSignatureScheme();
        var signers = Enumerable.Range(0, 4).Select(i => scheme.CreateSigner($"idle/stale/{i}")).ToArray();
        var set = new ValidatorSet(signers.Select(s => new Validator(s.PublicKey, 1)));
        var engines = signers.Select(s => new QbftEngine(Options, s, scheme, set, new ListDecisionSource(), new AcceptAllDecisionValidator())).ToArray();
        foreach (var engine in engines)
        {
            engine.Start(T0);
        }

        // Every validator is woken (as by a submission its pool then finds stale), proposer included.
        foreach (var engine in engines)
        {
            var woken = engine.Wake(T0.AddSeconds(1));
            Assert.Empty(woken.Messages);
            Assert.Null(woken.NextTimer);
            Assert.True(engine.IsIdle);
        }

        Assert.All(engines, e => Assert.Empty(e.Tick(T0.AddHours(1)).Messages));
        Assert.All(engines, e => Assert.Equal(1, e.Height));
    }

    private sealed class ListDecisionSource : IDecisionSource
    {
        public List<Decision> Pending { get; } = [];

        // Like a validator's pool: decisions of the committed parent are no longer pending.
        public IReadOnlyList<Decision> PendingDecisions(long height, CommittedBlock? parent, int maxCount)
        {
            Pending.RemoveAll(d => parent is not null && parent.Block.Decisions.Contains(d));
            return Pending.Take(maxCount).ToList();
        }
    }
}
