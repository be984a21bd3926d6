using System.Collections.Concurrent;

namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>
/// Which grain state writes (and reads) <see cref="FailingGrainStorage"/> fails: while a state (by state name and
/// grain key) is armed, each of its writes throws <see cref="InjectedStorageFailureException"/> without reaching the
/// real storage; while its reads are armed, so does each read (the grain cannot activate). Shared by every silo of a
/// test cluster; safe for concurrent use.
/// </summary>
public sealed class StorageFailures
{
    private readonly ConcurrentDictionary<(string StateName, string GrainKey), int> _armed = new();
    private readonly ConcurrentDictionary<(string StateName, string GrainKey), bool> _armedReads = new();
    private int _failed;

    /// <summary>How many writes failed so far.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Fails every write of state <paramref name="stateName"/> of the grain keyed <paramref name="grainKey"/> until <see cref="Disarm"/>.</summary>
    public void Arm(string stateName, string grainKey) => _armed[(stateName, grainKey)] = 0;

    /// <summary>Lets the next <paramref name="successes"/> writes of that state through, then fails every one until <see cref="Disarm"/>.</summary>
    public void ArmAfter(string stateName, string grainKey, int successes) => _armed[(stateName, grainKey)] = successes;

    /// <summary>Lets writes of that state through again.</summary>
    public void Disarm(string stateName, string grainKey) => _armed.TryRemove((stateName, grainKey), out _);

    /// <summary>Fails every read of state <paramref name="stateName"/> of the grain keyed <paramref name="grainKey"/> until <see cref="DisarmReads"/>.</summary>
    public void ArmReads(string stateName, string grainKey) => _armedReads[(stateName, grainKey)] = true;

    /// <summary>Lets reads of that state through again.</summary>
    public void DisarmReads(string stateName, string grainKey) => _armedReads.TryRemove((stateName, grainKey), out _);

    /// <summary>Throws when reads of the state are armed to fail.</summary>
    public void ThrowIfReadArmed(string stateName, GrainId grainId)
    {
        if (_armedReads.ContainsKey((stateName, grainId.Key.ToString()!)))
        {
            Interlocked.Increment(ref _failed);
            throw new InjectedStorageFailureException($"injected failure reading state '{stateName}' of {grainId}");
        }
    }

    /// <summary>Throws when the write is armed to fail.</summary>
    public void ThrowIfArmed(string stateName, GrainId grainId)
    {
        var key = (stateName, grainId.Key.ToString()!);
        while (_armed.TryGetValue(key, out var successes) && successes > 0)
        {
            if (_armed.TryUpdate(key, successes - 1, successes))
            {
                return;
            }
        }

        if (_armed.ContainsKey(key))
        {
            Interlocked.Increment(ref _failed);
            throw new InjectedStorageFailureException($"injected failure writing state '{stateName}' of {grainId}");
        }
    }
}
