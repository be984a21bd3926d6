namespace Enc.Scheduling.State;

/// <summary>
/// Process-independent 64-bit hashing for tie-breaks and sampling offsets.
/// </summary>
/// <remarks>
/// <see cref="string.GetHashCode()"/> is randomized per process, so it would give different
/// placements on different validators. FNV-1a over UTF-16 code units, finished with the
/// SplitMix64 mixer, is stable everywhere and cheap.
/// </remarks>
public static class StableHash
{
    /// <summary>Hash of a string.</summary>
    public static ulong Of(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>Combines two hashes into a well-mixed one (order matters).</summary>
    public static ulong Combine(ulong a, ulong b) => Mix(a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2)));

    /// <summary>SplitMix64 finalizer.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
