using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Consensus.Messages;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Simulation;

/// <summary>
/// Runs one <see cref="SimulationScenario"/>: builds the validators (honest and faulty), drives
/// their engines over a <see cref="SimulatedNetwork"/> until every honest validator reaches the
/// target height or the liveness budget is spent, then checks the properties with
/// <see cref="SimulationPropertyChecker"/>.
/// </summary>
public sealed class SimulationRunner
{
    /// <summary>Upper bound on processed events, against runaway scenarios.</summary>
    public const int MaxEvents = 3_000_000;

    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    private readonly IConsensusVerifier _verifier;
    private readonly Func<int, IConsensusSigner> _signerFactory;
    private readonly Func<int, byte[]>? _proofOfPossession;

    /// <summary>Creates a runner with the given signature scheme (signer per validator index).</summary>
    public SimulationRunner(IConsensusVerifier verifier, Func<int, IConsensusSigner> signerFactory, Func<int, byte[]>? proofOfPossession = null)
    {
        _verifier = verifier;
        _signerFactory = signerFactory;
        _proofOfPossession = proofOfPossession;
    }

    /// <summary>A runner over the fast <see cref="SimulatedSignatureScheme"/> stand-in.</summary>
    public static SimulationRunner WithSimulatedSignatures(int seed)
    {
        var scheme = new SimulatedSignatureScheme();
        var signers = new Dictionary<int, IConsensusSigner>();
        IConsensusSigner Signer(int i) => signers.TryGetValue(i, out var s) ? s : signers[i] = scheme.CreateSigner($"{seed}/{i}");
        return new SimulationRunner(scheme, Signer, i => scheme.ProofOfPossession(Signer(i)));
    }

    /// <summary>Runs <paramref name="scenario"/> and returns its checked result.</summary>
    public SimulationResult Run(SimulationScenario scenario, QbftOptions? options = null)
    {
        options ??= new QbftOptions
        {
            BaseRoundTimeout = TimeSpan.FromMilliseconds(400),
            MaxRoundTimeout = TimeSpan.FromSeconds(6),
            BlockInterval = TimeSpan.FromMilliseconds(20),
        };

        var signers = Enumerable.Range(0, scenario.Count).Select(_signerFactory).ToArray();
        var genesis = new ValidatorSet(signers.Select((s, i) => new Validator(s.PublicKey, scenario.Weights[i])));
        var changes = PlannedChanges(scenario, signers);
        var network = new SimulatedNetwork(scenario);
        var endpoints = new List<SimulatedEndpoint>();
        for (var i = 0; i < scenario.Count; i++)
        {
            var fault = scenario.Faults[i];
            var instances = fault switch { FaultKind.Silent => 0, FaultKind.Twins => 2, _ => 1 };
            if (instances == 0)
            {
                endpoints.Add(new SimulatedEndpoint(endpoints.Count, i, fault, signers[i], null));
            }

            for (var k = 0; k < instances; k++)
            {
                var source = new StandInDecisionSource(k == 0 ? $"v{i}" : $"v{i}-twin", fault == FaultKind.InfeasiblePlacements, changes);
                IDecisionValidator validator = fault == FaultKind.InfeasiblePlacements ? AcceptAllDecisionValidator.Instance : new StandInPlacementValidator();
                var engine = new QbftEngine(options, signers[i], _verifier, genesis, source, validator);
                source.Chain = () => engine.Chain;
                endpoints.Add(new SimulatedEndpoint(endpoints.Count, i, fault, signers[i], engine));
            }
        }

        var byKey = endpoints.GroupBy(e => e.Signer.PublicKey).ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToArray());
        var honest = endpoints.Where(e => e.Fault == FaultKind.Honest).ToList();
        foreach (var endpoint in endpoints.Where(e => e.Engine is not null))
        {
            Apply(endpoint, endpoint.Engine!.Start(Epoch), network, endpoints, byKey);
        }

        var deadline = scenario.HealAtMs + scenario.LivenessBudgetMs;
        var events = 0;
        while (network.TryNext(out var next) && network.NowMs <= deadline && events++ < MaxEvents)
        {
            var endpoint = endpoints[next.Endpoint];
            if (endpoint.Engine is null)
            {
                continue;
            }

            var now = Epoch.AddMilliseconds(network.NowMs);
            if (next.Message is { } message)
            {
                if (endpoint.Fault == FaultKind.Replay && endpoint.Seen.Count < 500)
                {
                    endpoint.Seen.Add(message);
                }

                Apply(endpoint, endpoint.Engine.Handle(message, now), network, endpoints, byKey);
            }
            else if (endpoint.TimerDueMs == next.TimerDueMs)
            {
                Apply(endpoint, endpoint.Engine.Tick(now), network, endpoints, byKey);
            }

            if (honest.All(e => e.Chain.Count >= scenario.TargetHeight))
            {
                break;
            }
        }

        var result = new SimulationResult(scenario) { EndTimeMs = network.NowMs, MessagesSent = network.Sent };
        if (events >= MaxEvents)
        {
            result.Violations.Add($"event budget of {MaxEvents} exhausted at t={network.NowMs}ms");
        }

        SimulationPropertyChecker.Check(scenario, endpoints, _verifier, result);
        return result;
    }

    private List<ValidatorSetChange> PlannedChanges(SimulationScenario scenario, IConsensusSigner[] signers)
    {
        if (!scenario.ChangeValidatorSet)
        {
            return [];
        }

        // Double the weight of the first honest validator: faulty weight stays below a third.
        var target = Array.FindIndex(scenario.Faults, f => f == FaultKind.Honest);
        return [ValidatorSetChange.SetWeight(signers[target].PublicKey, scenario.Weights[target] * 2)];
    }

    private static void Apply(SimulatedEndpoint from, EngineOutput output, SimulatedNetwork network, List<SimulatedEndpoint> endpoints, Dictionary<ValidatorKey, int[]> byKey)
    {
        from.Evidence.AddRange(output.Evidence);
        from.Rejections.AddRange(output.Rejections);
        foreach (var outgoing in output.Messages)
        {
            var recipients = outgoing.Recipient is null
                ? endpoints.Where(e => e.Id != from.Id).Select(e => e.Id)
                : byKey.GetValueOrDefault(outgoing.Recipient, []).Where(id => id != from.Id);
            foreach (var to in recipients)
            {
                foreach (var message in ByzantineBehavior.Transform(from, to, outgoing.Message, network.Random, endpoints))
                {
                    network.Send(from.Validator, to, endpoints[to].Validator, message);
                }
            }
        }

        if (from.Fault == FaultKind.Replay && from.Seen.Count > 0 && network.Random.Next(2) == 0)
        {
            var old = from.Seen[network.Random.Next(from.Seen.Count)];
            var to = network.Random.Next(endpoints.Count);
            network.Send(from.Validator, to, endpoints[to].Validator, old);
        }

        if (output.NextTimer is { } timer)
        {
            var due = (long)(timer - Epoch).TotalMilliseconds;
            if (from.TimerDueMs != due)
            {
                from.TimerDueMs = due;
                network.ScheduleTimer(from.Id, due);
            }
        }
    }
}
