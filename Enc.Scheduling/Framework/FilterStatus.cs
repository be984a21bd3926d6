namespace Enc.Scheduling.Framework;

/// <summary>The verdict of a filter: a code and, when rejecting, a reason constant from <see cref="RejectionReasons"/>.</summary>
/// <remarks>A small struct holding a reference to a constant string: returning it allocates nothing.</remarks>
public readonly struct FilterStatus
{
    private FilterStatus(FilterCode code, string reason)
    {
        Code = code;
        Reason = reason;
    }

    /// <summary>The passing verdict.</summary>
    public static FilterStatus Success { get; } = new(FilterCode.Success, "");

    /// <summary>The result code.</summary>
    public FilterCode Code { get; }

    /// <summary>The rejection reason (one of <see cref="RejectionReasons"/>), empty on success.</summary>
    public string Reason { get; }

    /// <summary>True when the node passes.</summary>
    public bool IsSuccess => Code == FilterCode.Success;

    /// <summary>A rejection that preemption may resolve.</summary>
    public static FilterStatus Unschedulable(string reason) => new(FilterCode.Unschedulable, reason);

    /// <summary>A rejection that preemption cannot resolve.</summary>
    public static FilterStatus Unresolvable(string reason) => new(FilterCode.UnschedulableAndUnresolvable, reason);

    /// <inheritdoc/>
    public override string ToString() => IsSuccess ? "Success" : $"{Code}: {Reason}";
}
