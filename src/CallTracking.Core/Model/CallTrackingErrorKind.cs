namespace CallTracking.Core.Model
{
    /// <summary>What went wrong, in the terms a caller acts on (maps to PowerShell's ErrorCategory).</summary>
    public enum CallTrackingErrorKind
    {
        /// <summary>Credentials missing, wrong or refused.</summary>
        Authentication,
        /// <summary>The number, call or other object does not exist.</summary>
        NotFound,
        /// <summary>The provider (or our own validation) refused a parameter value.</summary>
        InvalidArgument,
        /// <summary>Rate limited; retries were exhausted.</summary>
        Throttled,
        /// <summary>The provider failed (5xx, unreadable reply, dropped connection) or refused for another reason.</summary>
        ProviderFailure,
        /// <summary>The request may or may not have reached the server and cannot safely be repeated (purchase, unrent, hang up).</summary>
        OutcomeUnknown,
        /// <summary>The provider has no such function (or the provider refused the method as unknown).</summary>
        NotSupported,
    }
}
