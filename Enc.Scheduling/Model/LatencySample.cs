namespace Enc.Scheduling.Model;

/// <summary>A measured round trip between two endpoints (node ids or zone names).</summary>
/// <param name="From">One endpoint.</param>
/// <param name="To">The other endpoint.</param>
/// <param name="RoundTripMicroseconds">Round-trip time in microseconds.</param>
public sealed record LatencySample(string From, string To, long RoundTripMicroseconds);
