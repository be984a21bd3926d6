namespace Enc.Cli.Output;

/// <summary>How a command prints its result.</summary>
public enum OutputFormat
{
    /// <summary>Human-readable, aligned columns.</summary>
    Table = 0,

    /// <summary>Indented JSON for scripts.</summary>
    Json = 1,
}
