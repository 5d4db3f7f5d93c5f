using System;

namespace CallTracking.Core.Model
{
    /// <summary>
    /// The one exception type for every provider failure. It carries what a script needs to decide (kind, HTTP status, the
    /// provider's code and message) and never a secret: messages are built from redacted values only.
    /// </summary>
    public class CallTrackingException : Exception
    {
        public CallTrackingException(
            string provider,
            string operation,
            CallTrackingErrorKind kind,
            string message,
            int? httpStatus = null,
            string? providerCode = null,
            string? providerMessage = null,
            Exception? innerException = null)
            : base(message, innerException)
        {
            Provider = provider ?? string.Empty;
            Operation = operation ?? string.Empty;
            Kind = kind;
            HttpStatus = httpStatus;
            ProviderCode = providerCode;
            ProviderMessage = providerMessage;
        }

        /// <summary>The provider's name as registered; empty when the failure is not a provider's.</summary>
        public string Provider { get; }
        /// <summary>The core operation that failed, ("<Provider>.<Function>").</summary>
        public string Operation { get; }
        public CallTrackingErrorKind Kind { get; }
        public int? HttpStatus { get; }
        public string? ProviderCode { get; }
        public string? ProviderMessage { get; }

        /// <summary>The request's target, when the failure concerns one object (a number, a call id).</summary>
        public string? Target { get; set; }

        /// <summary>True when the request was surely not carried out (never sent, refused before processing): safe to repeat.</summary>
        public bool NotSent { get; set; }
    }
}
