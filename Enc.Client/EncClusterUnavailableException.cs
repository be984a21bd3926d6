namespace Enc.Client;

/// <summary>The cluster could not be reached (no gateway answered, or the membership table is unreachable).</summary>
public sealed class EncClusterUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EncClusterUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
