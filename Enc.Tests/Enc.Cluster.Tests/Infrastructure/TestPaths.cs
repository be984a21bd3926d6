namespace Enc.Cluster.Tests.Infrastructure;

/// <summary>Locates the repository root (the directory holding <c>Enc.sln</c>).</summary>
public static class TestPaths
{
    /// <summary>The repository root.</summary>
    public static string RepositoryRoot { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Enc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Enc.sln not found above " + AppContext.BaseDirectory);
    }
}
