using System;
using System.Net.Http.Headers;
using CallTracking.Core.Model;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// Decides, inside the retry scope and for every attempt, whether a provider's reply is a success, from its status,
    /// headers and body: an RPC API may say "Authentication Failed" inside an HTTP 200, so the status alone cannot tell.
    /// </summary>
    public interface IResponseInterpreter
    {
        /// <summary>Null when the reply is a success (its body is then read by the operation); otherwise what failed.</summary>
        ResponseFailure? Interpret(ResponseContext response);
    }

    /// <summary>One attempt's reply as the interpreter sees it (the body already read whole).</summary>
    public sealed class ResponseContext
    {
        public ResponseContext(ApiRequest request, int status, HttpResponseHeaders headers, string? mediaType, ReadOnlyMemory<byte> body)
        {
            Request = request;
            Status = status;
            Headers = headers;
            MediaType = mediaType;
            Body = body;
        }

        public ApiRequest Request { get; }
        public int Status { get; }
        public HttpResponseHeaders Headers { get; }
        public string? MediaType { get; }
        public ReadOnlyMemory<byte> Body { get; }
        public bool IsSuccessStatus => Status >= 200 && Status <= 299;
    }

    /// <summary>How a reply failed, and whether the failure allows sending again.</summary>
    public sealed class ResponseFailure
    {
        public ResponseFailure(CallTrackingErrorKind kind, int? httpStatus, string? providerCode, string? providerMessage)
        {
            Kind = kind;
            HttpStatus = httpStatus;
            ProviderCode = providerCode;
            ProviderMessage = providerMessage;
        }

        public CallTrackingErrorKind Kind { get; }
        public int? HttpStatus { get; }
        public string? ProviderCode { get; }
        public string? ProviderMessage { get; }

        /// <summary>The server refused before acting (429): any operation may be sent again.</summary>
        public bool ServerDidNotAct { get; set; }

        /// <summary>A passing failure (5xx, 408): reads and idempotent writes may be sent again; an unsafe one is OutcomeUnknown.</summary>
        public bool Transient { get; set; }

        /// <summary>The provider's Retry-After, when it gave one.</summary>
        public TimeSpan? RetryAfter { get; set; }
    }
}
