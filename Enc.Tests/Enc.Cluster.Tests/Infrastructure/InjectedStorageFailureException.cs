namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>A storage write that <see cref="StorageFailures"/> made fail (stands for a database that did not answer).</summary>
[GenerateSerializer]
[Alias("Enc.Tests.InjectedStorageFailureException")]
public sealed class InjectedStorageFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InjectedStorageFailureException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InjectedStorageFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InjectedStorageFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
