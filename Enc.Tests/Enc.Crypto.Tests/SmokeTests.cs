namespace Enc.Crypto.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void VectorsFolderIsPresent() => Assert.True(Directory.Exists(TestPaths.VectorsRoot), TestPaths.VectorsRoot);
}
