namespace Enc.Crypto.Tests;

/// <summary>Locates the shared test vectors: <c>../shared/vectors/</c> relative to the repository root.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string VectorsRoot { get; } =
        Environment.GetEnvironmentVariable("ENC_VECTORS") is { Length: > 0 } overridden
            ? overridden
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "vectors"));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Enc.sln")) || File.Exists(Path.Combine(dir.FullName, "Enc.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Enc.sln not found above " + AppContext.BaseDirectory);
    }
}
