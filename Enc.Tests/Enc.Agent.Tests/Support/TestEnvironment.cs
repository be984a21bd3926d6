namespace Enc.Agent.Tests.Support;

/// <summary>Reads the test environment; a missing variable fails the test with a message naming it (never a skip).</summary>
internal static class TestEnvironment
{
    /// <summary>The Docker engine endpoint from <c>ENC_TEST_DOCKER</c>.</summary>
    public static Uri DockerEndpoint => new(Required("ENC_TEST_DOCKER", "the Docker engine socket URI, e.g. unix:///var/run/docker.sock"));

    /// <summary>The offline test image from <c>ENC_TEST_IMAGE</c> (busybox:local, built by scripts/test.sh).</summary>
    public static string Image => Required("ENC_TEST_IMAGE", "an image present on the engine, e.g. busybox:local (scripts/test.sh builds it)");

    private static string Required(string name, string what) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: set it to {what}. Run the suite through scripts/test.sh to have it prepared.");
}
