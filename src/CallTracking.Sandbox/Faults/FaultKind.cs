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

        /// <summary>HTTP 200 whose body is the emulator's own error envelope (<see cref="FaultRule.ProviderCode"/>,
        /// <see cref="FaultRule.ProviderMessage"/>), as providers that report errors in the body do.</summary>
        ProviderErrorIn200,
    }
}
