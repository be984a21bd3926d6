using Enc.Consensus.Messages;

namespace Enc.Consensus.Simulation;

/// <summary>
/// Seeded network over simulated time: per-message random delay (which also reorders), loss and a
/// two-sided partition until <see cref="SimulationScenario.HealAtMs"/>, then bounded delay and no
/// loss. Events are processed in (time, sequence) order, so a run is a pure function of the seed.
/// </summary>
public sealed class SimulatedNetwork
{
    private readonly PriorityQueue<SimulationEvent, (long Time, long Sequence)> _queue = new();
    private readonly SimulationScenario _scenario;
    private readonly Random _random;
    private long _sequence;

    /// <summary>Creates the network of <paramref name="scenario"/>.</summary>
    public SimulatedNetwork(SimulationScenario scenario)
    {
        _scenario = scenario;
        _random = new Random(unchecked((scenario.Seed * 7919) + 17));
    }

    /// <summary>Current simulated time in ms.</summary>
    public long NowMs { get; private set; }

    /// <summary>Messages handed to the network.</summary>
    public long Sent { get; private set; }

    /// <summary>Messages lost to drops or partitions.</summary>
    public long Dropped { get; private set; }

    /// <summary>Events still queued.</summary>
    public int Pending => _queue.Count;

    /// <summary>Randomness for faulty behaviour, drawn from the same seeded stream.</summary>
    public Random Random => _random;

    /// <summary>Sends <paramref name="message"/> from validator <paramref name="fromValidator"/> to endpoint <paramref name="toEndpoint"/> (validator <paramref name="toValidator"/>).</summary>
    public void Send(int fromValidator, int toEndpoint, int toValidator, ConsensusMessage message)
    {
        Sent++;
        var unstable = NowMs < _scenario.HealAtMs;
        if (unstable)
        {
            var split = _scenario.PartitionSide is { } side && side[fromValidator] != side[toValidator];
            if (split || _random.NextDouble() < _scenario.DropProbability)
            {
                Dropped++;
                return;
            }
        }

        var maxDelay = unstable ? _scenario.UnstableMaxDelayMs : _scenario.StableMaxDelayMs;
        Enqueue(NowMs + 1 + _random.Next(maxDelay), new SimulationEvent(toEndpoint, message, 0));
    }

    /// <summary>Schedules a timer event for <paramref name="endpoint"/>.</summary>
    public void ScheduleTimer(int endpoint, long dueMs) =>
        Enqueue(Math.Max(dueMs, NowMs), new SimulationEvent(endpoint, null, dueMs));

    /// <summary>Takes the next event, advancing simulated time; false when none is left.</summary>
    public bool TryNext(out SimulationEvent next)
    {
        if (!_queue.TryDequeue(out next!, out var priority))
        {
            return false;
        }

        NowMs = priority.Time;
        return true;
    }

    private void Enqueue(long time, SimulationEvent e) => _queue.Enqueue(e, (time, _sequence++));
}
