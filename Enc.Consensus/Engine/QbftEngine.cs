using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Engine;

/// <summary>
/// One validator's QBFT state machine (QBFT specification, L1 <c>node.dfy</c>: <c>NodeNext</c>
/// and its <c>Upon*</c> sub-steps), with weighted quorums. It performs no I/O and reads no clock:
/// the host feeds it messages (<see cref="Handle"/>) and the time (<see cref="Tick"/>), and
/// carries out the returned <see cref="EngineOutput"/> (send messages, arm one timer, persist
/// committed blocks and evidence). Not thread-safe: drive one engine from one thread or grain.
/// </summary>
public sealed partial class QbftEngine
{
    private readonly QbftOptions _options;
    private readonly IConsensusSigner _signer;
    private readonly VerifiedSignatureCache _signatures;
    private readonly ValidatorSetHistory _history;
    private readonly IDecisionSource _source;
    private readonly IDecisionValidator _decisionValidator;
    private readonly List<CommittedBlock> _chain = [];
    private readonly HeightMessageLog _log = new();

    private EngineOutput _output = new();
    private DateTimeOffset _now;
    private bool _started;

    // Per-height state (QBFT spec L1 NodeState).
    private int _round;
    private ProposalMessage? _acceptedProposal;
    private int _lastPreparedRound = -1;
    private ConsensusBlock? _lastPreparedBlock;
    private List<SignedPayload> _lastPreparedJustification = [];
    private int _commitSentRound = -1;
    private int _proposedRound = -1;
    private DateTimeOffset _roundTimeoutAt;
    private DateTimeOffset? _blockTimerAt;
    private bool _idle;

    /// <summary>Creates an engine positioned after <paramref name="committed"/> (an already verified chain prefix, possibly empty).</summary>
    public QbftEngine(
        QbftOptions options,
        IConsensusSigner signer,
        IConsensusVerifier verifier,
        ValidatorSet genesis,
        IDecisionSource source,
        IDecisionValidator decisionValidator,
        IEnumerable<CommittedBlock>? committed = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _signer = signer ?? throw new ArgumentNullException(nameof(signer));
        _signatures = new VerifiedSignatureCache(verifier ?? throw new ArgumentNullException(nameof(verifier)));
        _history = new ValidatorSetHistory(genesis, verifier);
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _decisionValidator = decisionValidator ?? throw new ArgumentNullException(nameof(decisionValidator));
        foreach (var block in committed ?? [])
        {
            AppendCommitted(block);
        }

        Height = _chain.Count + 1;
    }

    /// <summary>The height being decided (committed height + 1).</summary>
    public long Height { get; private set; }

    /// <summary>The current round within <see cref="Height"/>.</summary>
    public int Round => _round;

    /// <summary>This validator's key.</summary>
    public ValidatorKey PublicKey => _signer.PublicKey;

    /// <summary>The committed chain, height 1 first.</summary>
    public IReadOnlyList<CommittedBlock> Chain => _chain;

    /// <summary>Validator sets per height derived from the chain.</summary>
    public ValidatorSetHistory Validators => _history;

    /// <summary>The validator set of the current height.</summary>
    public ValidatorSet CurrentValidators => _history.SetFor(Height);

    /// <summary>
    /// True while the current height waits for work (<see cref="QbftOptions.ProposeEmptyBlocks"/> is
    /// false and nothing is pending): no timers run until <see cref="Wake"/> or a message for the height.
    /// </summary>
    public bool IsIdle => _idle;

    /// <summary>True when this engine's key is a validator of the current height.</summary>
    public bool IsValidator => CurrentValidators.Contains(_signer.PublicKey);

    private CommittedBlock? Tip => _chain.Count == 0 ? null : _chain[^1];

    private Hash256 TipHash => _chain.Count == 0 ? Hash256.Zero : _chain[^1].Block.Hash;

    /// <summary>Starts the first height: arms timers and, for the round-0 proposer, proposes when due.</summary>
    public EngineOutput Start(DateTimeOffset now)
    {
        Begin(now);
        if (!_started)
        {
            _started = true;
            StartHeight();
        }

        return Finish();
    }

    /// <summary>Processes one incoming message.</summary>
    public EngineOutput Handle(ConsensusMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        Begin(now);
        Dispatch(message);
        return Finish();
    }

    /// <summary>
    /// Tells an idle height that decisions are pending: arms its timers (the round-0 proposer
    /// proposes when <see cref="QbftOptions.BlockInterval"/> has passed). No effect unless <see cref="IsIdle"/>
    /// and the decision source offers something for this height (a submission that is already stale,
    /// such as an inventory equal to the committed one, leaves the height idle instead of starting
    /// rounds that could only end in an empty block).
    /// </summary>
    public EngineOutput Wake(DateTimeOffset now)
    {
        Begin(now);
        if (_started && _idle && HasWorkForHeight())
        {
            ArmHeightTimers();
            Evaluate();
        }

        return Finish();
    }

    /// <summary>Advances time: fires the block timer and the round timer when due.</summary>
    public EngineOutput Tick(DateTimeOffset now)
    {
        Begin(now);
        if (_started)
        {
            if (_blockTimerAt is { } due && now >= due)
            {
                _blockTimerAt = null;
                UponBlockTimeout();
            }

            if (IsValidator && now >= _roundTimeoutAt)
            {
                UponRoundTimeout();
            }

            Evaluate();
        }

        return Finish();
    }

    private void Begin(DateTimeOffset now)
    {
        _now = now;
        _output = new EngineOutput();
    }

    private EngineOutput Finish()
    {
        var output = _output;
        if (_started && !_idle)
        {
            var timer = IsValidator ? _roundTimeoutAt : (DateTimeOffset?)null;
            if (_blockTimerAt is { } block && (timer is null || block < timer))
            {
                timer = block;
            }

            output.NextTimer = timer;
        }

        return output;
    }

    private void Dispatch(ConsensusMessage message)
    {
        if (message is NewBlockMessage newBlock)
        {
            UponNewBlock(newBlock);
            Evaluate();
            return;
        }

        if (message.Height < Height)
        {
            AnswerLaggingValidator(message);
            return;
        }

        if (message.Height > Height || !_started)
        {
            BufferFuture(message);
            return;
        }

        if (!IsValidator)
        {
            return;
        }

        if (_idle)
        {
            // Another validator started this height: run its timers from now on.
            ArmHeightTimers();
        }

        switch (message)
        {
            case ProposalMessage proposal:
                UponProposal(proposal);
                break;
            case PrepareMessage prepare:
                RecordVote(prepare, prepare.Payload, MessageType.Prepare);
                break;
            case CommitMessage commit:
                RecordVote(commit, commit.Payload, MessageType.Commit);
                break;
            case RoundChangeMessage roundChange:
                RecordRoundChange(roundChange);
                break;
        }

        Evaluate();
    }

    /// <summary>
    /// Applies enabled sub-steps until none is (QBFT spec L1 <c>NodeNext</c>: compose
    /// <c>NodeNextSubStep</c>s until only stuttering steps remain).
    /// </summary>
    private void Evaluate()
    {
        var progressed = true;
        while (progressed && _started && IsValidator)
        {
            var height = Height;
            progressed = UponPrepareQuorum() || UponCommitQuorum() || UponRoundChangeQuorum() || UponRoundChangeSkip();
            if (Height != height)
            {
                progressed = true;
            }
        }
    }

    private void Reject(ConsensusMessage message, string reason, string detail) =>
        _output.Rejections.Add(new RejectedMessage(message, reason, detail));

    private void Multicast(ConsensusMessage message) => _output.Messages.Add(new OutgoingMessage(null, message));
}
