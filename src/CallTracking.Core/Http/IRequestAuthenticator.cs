using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// Adds a provider's credentials to one attempt's message (query parameter, header, token), asynchronously and inside
    /// the retry scope: a token flow may fetch a token first (through <see cref="AuthenticationContext.SendAsync"/>), cache it,
    /// and fetch a new one once when the provider answers 401. Secrets stay SecureString until this moment.
    /// </summary>
    public interface IRequestAuthenticator
    {
        Task ApplyAsync(AuthenticationContext context, CancellationToken cancellationToken);

        /// <summary>
        /// Called when an authenticated attempt was answered 401: drop a cached token and return true when applying again can
        /// succeed (a fresh token); false when the credential itself is wrong (then the 401 is the answer).
        /// </summary>
        bool Invalidate(string endpoint);

        /// <summary>Every form in which a secret of this credential could appear in text (raw, URL-escaped, base64…), for redaction.</summary>
        IEnumerable<string> SecretForms();
    }

    /// <summary>What an authenticator works on: the message of one attempt and a way to send its own requests (a token).</summary>
    public sealed class AuthenticationContext
    {
        private readonly Func<ApiRequest, CancellationToken, Task<ApiResponse>> _send;

        public AuthenticationContext(HttpRequestMessage message, ApiRequest request, ApiEndpoint endpoint, Func<ApiRequest, CancellationToken, Task<ApiResponse>> send)
        {
            Message = message;
            Request = request;
            Endpoint = endpoint;
            _send = send;
        }

        public HttpRequestMessage Message { get; }
        public ApiRequest Request { get; }
        public ApiEndpoint Endpoint { get; }

        /// <summary>
        /// Sends an auxiliary request (getTokenKey, signIn) on the same connection without authenticating it, judged by the
        /// provider's interpreter; it is part of the calling attempt, so it is retried with it.
        /// </summary>
        public Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken) => _send(request, cancellationToken);

        /// <summary>Appends name=value to the message's query (the value escaped).</summary>
        public void AddQueryParameter(string name, string value)
        {
            var uri = Message.RequestUri!;
            var pair = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
            var query = uri.Query;
            var builder = new UriBuilder(uri) { Query = string.IsNullOrEmpty(query) || query == "?" ? pair : query.Substring(1) + "&" + pair };
            Message.RequestUri = builder.Uri;
        }
    }
}
