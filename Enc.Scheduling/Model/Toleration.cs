namespace Enc.Scheduling.Model;

/// <summary>Allows an instance onto nodes carrying a matching taint.</summary>
public sealed record Toleration
{
    /// <summary>Taint key to match; empty with <see cref="TolerationOperator.Exists"/> matches every taint.</summary>
    public string Key { get; init; } = "";

    /// <summary>Comparison operator.</summary>
    /// <value>Defaults to <see cref="TolerationOperator.Equal"/>.</value>
    public TolerationOperator Operator { get; init; } = TolerationOperator.Equal;

    /// <summary>Value compared with the taint's when <see cref="Operator"/> is <c>Equal</c>.</summary>
    public string Value { get; init; } = "";

    /// <summary>Effect to match; <see langword="null"/> matches every effect.</summary>
    public TaintEffect? Effect { get; init; }

    /// <summary>For <c>NoExecute</c>: how long a running instance may stay after the taint appears; <see langword="null"/> means forever.</summary>
    public long? TolerationSeconds { get; init; }

    /// <summary>True when this toleration matches <paramref name="taint"/>.</summary>
    public bool Tolerates(Taint taint)
    {
        if (Effect is { } effect && effect != taint.Effect)
        {
            return false;
        }

        if (Operator == TolerationOperator.Exists)
        {
            return Key.Length == 0 || string.Equals(Key, taint.Key, StringComparison.Ordinal);
        }

        return string.Equals(Key, taint.Key, StringComparison.Ordinal) && string.Equals(Value, taint.Value, StringComparison.Ordinal);
    }
}
