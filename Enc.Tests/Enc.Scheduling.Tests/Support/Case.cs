namespace Enc.Scheduling.Tests.Support;

/// <summary>A named table-test case; the name is what xUnit shows.</summary>
public sealed record Case<T>(string Name, T Data)
{
    public override string ToString() => Name;
}
