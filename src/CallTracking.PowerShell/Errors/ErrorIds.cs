namespace CallTracking.PowerShell.Errors
{
    /// <summary>
    /// The stable ErrorIds of docs/cmdlets.md. A script catches them as FullyQualifiedErrorId "&lt;ErrorId&gt;,&lt;cmdlet class&gt;".
    /// </summary>
    public static class ErrorIds
    {
        /// <summary>No connection (none made, or the one given was disconnected). Terminating, ConnectionError.</summary>
        public const string NoConnection = "NoConnection";
        /// <summary>Our validation (CallTrackingArgumentException) or HTTP 400/422. InvalidArgument.</summary>
        public const string InvalidArgument = "InvalidArgument";
        /// <summary>HTTP 401/403. AuthenticationError.</summary>
        public const string AuthenticationFailed = "AuthenticationFailed";
        /// <summary>HTTP 404. ObjectNotFound.</summary>
        public const string NotFound = "NotFound";
        /// <summary>429 after retries. LimitsExceeded.</summary>
        public const string Throttled = "Throttled";
        /// <summary>Transport failure (ConnectionError) or 5xx / unreadable reply (InvalidResult).</summary>
        public const string ProviderFailure = "ProviderFailure";
        /// <summary>A purchase, unrent or hang-up that may have reached the server and was not repeated. InvalidResult.</summary>
        public const string OutcomeUnknown = "OutcomeUnknown";
        /// <summary>A parameter set for another provider than the connection's. InvalidArgument.</summary>
        public const string WrongProvider = "WrongProvider";
        /// <summary>The provider has no such function (or answered that the method is unknown). NotImplemented.</summary>
        public const string NotSupported = "NotSupported";
        /// <summary>-OutFile could not be written (path, permissions, disk). WriteError.</summary>
        /// <summary>A line or request that holds no callback or SMS forward (ConvertFrom-CallbackUri, Receive-CallEvent). Non-terminating, InvalidData.</summary>
        public const string NotACallback = "NotACallback";
        /// <summary>The callback listener could not start (port in use, no permission for the prefix). Terminating, ResourceUnavailable.</summary>
        public const string ListenerFailed = "ListenerFailed";
        public const string OutFileFailed = "OutFileFailed";
        /// <summary>A data-feed row that is not a record (Get-CallDataFeed; the message names the row). Non-terminating, InvalidData.</summary>
        public const string InvalidFeedRow = "InvalidFeedRow";
        /// <summary>A data feed that cannot be read on (malformed JSON/XML, broken CSV; names the row). Non-terminating, InvalidData.</summary>
        public const string InvalidFeed = "InvalidFeed";
    }
}
