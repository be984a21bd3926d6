namespace Enc.Agent.Drivers;

/// <summary>A task could not be started (missing image, bad command, refused network mode, engine error).</summary>
public sealed class TaskStartException : Exception
{
    /// <summary>Creates the exception with the reason shown to users.</summary>
    public TaskStartException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
