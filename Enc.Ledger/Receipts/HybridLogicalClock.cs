namespace Enc.Ledger.Receipts;

/// <summary>
/// A hybrid logical clock (Kulkarni et al., 2014): readings never go backwards and stay close to wall time,
/// even when the wall clock steps back or a remote node's clock runs ahead. Thread-safe.
/// </summary>
public sealed class HybridLogicalClock
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private HybridLogicalTimestamp _last;

    /// <summary>Creates a clock reading wall time from <paramref name="time"/>.</summary>
    public HybridLogicalClock(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>The latest reading handed out or observed.</summary>
    public HybridLogicalTimestamp Last
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    /// <summary>A reading for a local event (or a message about to be sent): strictly after every earlier one.</summary>
    public HybridLogicalTimestamp Now()
    {
        var wall = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            _last = wall > _last.WallMilliseconds ? new HybridLogicalTimestamp(wall, 0) : Tick(_last);
            return _last;
        }
    }

    /// <summary>
    /// Merges a reading received from another node and returns one strictly after both it and every
    /// earlier local reading.
    /// </summary>
    public HybridLogicalTimestamp Observe(HybridLogicalTimestamp remote)
    {
        var wall = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            var max = Math.Max(wall, Math.Max(_last.WallMilliseconds, remote.WallMilliseconds));
            if (max == wall && wall > _last.WallMilliseconds && wall > remote.WallMilliseconds)
            {
                _last = new HybridLogicalTimestamp(wall, 0);
            }
            else
            {
                var counter = 0u;
                if (max == _last.WallMilliseconds)
                {
                    counter = Math.Max(counter, _last.Counter);
                }

                if (max == remote.WallMilliseconds)
                {
                    counter = Math.Max(counter, remote.Counter);
                }

                _last = Tick(new HybridLogicalTimestamp(max, counter));
            }

            return _last;
        }
    }

    private static HybridLogicalTimestamp Tick(HybridLogicalTimestamp t) =>
        t.Counter == uint.MaxValue ? new HybridLogicalTimestamp(t.WallMilliseconds + 1, 0) : t with { Counter = t.Counter + 1 };
}
