namespace CallTracking.Sandbox
{
    /// <summary>What a <see cref="FaultRule"/> does to a matching request.</summary>
    public enum FaultKind
    {
        Latency,
        TooManyRequests,
        ServerError,
        DropConnection,
        TruncatedBody,
        MalformedBody,
    }
}
