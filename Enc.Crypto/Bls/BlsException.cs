namespace Enc.Crypto.Bls;

/// <summary>
/// Thrown by BLS operations that cannot produce a value: a zero or out-of-range secret key, an
/// empty aggregate, an invalid point encoding passed to <see cref="Bls.Aggregate"/>, too little key
/// material for <see cref="Bls.KeyGen"/>, or a bad key file.
/// </summary>
/// <remarks>
/// Verification never throws for bad input: <see cref="Bls.Verify"/> and the other verifiers return
/// <see langword="false"/>. The message names the offending argument; <see cref="Code"/> says why.
/// </remarks>
public sealed class BlsException : Exception
{
    /// <summary>Creates an exception with a reason code, the offending parameter and a message.</summary>
    public BlsException(BlsErrorCode code, string? paramName, string message)
        : base(paramName is null ? message : $"{message} (parameter '{paramName}')")
    {
        Code = code;
        ParamName = paramName;
    }

    /// <summary>Creates an exception that wraps the exception that caused it.</summary>
    public BlsException(BlsErrorCode code, string? paramName, string message, Exception innerException)
        : base(paramName is null ? message : $"{message} (parameter '{paramName}')", innerException)
    {
        Code = code;
        ParamName = paramName;
    }

    /// <summary>Why the operation failed.</summary>
    public BlsErrorCode Code { get; }

    /// <summary>The name of the argument (or file) that was rejected, if any.</summary>
    public string? ParamName { get; }
}
