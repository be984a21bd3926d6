namespace Enc.Scheduling.Validation;

/// <summary>Thrown when a snapshot, request or options object is invalid; lists every invalid field.</summary>
public sealed class SchedulingValidationException : ArgumentException
{
    /// <summary>Creates the exception from the errors found.</summary>
    public SchedulingValidationException(IReadOnlyList<ValidationError> errors)
        : base(string.Join("; ", errors), errors.Count > 0 ? errors[0].Field : null) => Errors = errors;

    /// <summary>Every invalid field.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Throws when <paramref name="errors"/> is not empty.</summary>
    public static void ThrowIfAny(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new SchedulingValidationException(errors);
        }
    }
}
