using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Model;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// Sends one operation's request through the connection's pipeline and turns every failure into a
    /// <see cref="CallTrackingException"/> (no secret in it: URLs are redacted, the provider's message is scrubbed).
    /// Provider clients supply how their error bodies read.
    /// </summary>
    public sealed class ApiTransport
    {
        private readonly HttpClient _client;
        private readonly Func<string, string> _scrub;

        public ApiTransport(ProviderName provider, HttpClient client, Func<string, string> scrubSecrets)
        {
            Provider = provider;
            _client = client;
            _scrub = scrubSecrets;
        }

        public ProviderName Provider { get; }

        public Uri? BaseAddress => _client.BaseAddress;

        /// <summary>Reads a provider's error body: (provider code, provider message).</summary>
        public delegate (string? Code, string? Message) ErrorBodyReader(ReadOnlyMemory<byte> body);

        /// <summary>Sends and returns the successful reply's body (already buffered by the retry handler).</summary>
        public async Task<ApiResponse> SendAsync(HttpRequestMessage request, RequestOperation operation, ErrorBodyReader readError, CancellationToken cancellationToken)
        {
            operation.AttachTo(request);
            HttpResponseMessage response;
            try
            {
                // Headers-read: the retry handler has already read the body into a pooled buffer; letting HttpClient buffer it again
                // would copy every page once more into a growing (large-object) MemoryStream.
                response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                throw TransportFailure(operation, ex);
            }

            try
            {
                ReadOnlyMemory<byte> body;
                if (response.Content is BufferedBody buffered) body = buffered.Memory;
                else body = response.Content is null ? ReadOnlyMemory<byte>.Empty : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);

                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                    return new ApiResponse(status, body, response.Content?.Headers.ContentType?.MediaType, response);

                (string? Code, string? Message) error = (null, null);
                try { error = readError(body); } catch (Exception) { /* an unreadable error body still yields an error below */ }
                throw HttpFailure(operation, status, error.Code, error.Message);
            }
            catch (Exception ex) when (!(ex is CallTrackingException) && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                response.Dispose();
                throw TransportFailure(operation, ex);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        public CallTrackingException HttpFailure(RequestOperation operation, int status, string? code, string? message)
        {
            var kind = KindOf(status);
            if (operation.Safety == OperationSafety.Unsafe && status >= 500) kind = CallTrackingErrorKind.OutcomeUnknown;
            var providerMessage = message is null ? null : _scrub(message);
            var text = Provider + " " + operation.Name + (operation.Target is null ? string.Empty : " '" + operation.Target + "'")
                       + " failed with HTTP " + status + (providerMessage is null ? string.Empty : ": " + providerMessage);
            if (kind == CallTrackingErrorKind.OutcomeUnknown)
                text += " The provider may have carried it out; it was not repeated. Check the account before trying again.";
            return new CallTrackingException(Provider, operation.Name, kind, text, status, code, providerMessage) { Target = operation.Target };
        }

        private CallTrackingException TransportFailure(RequestOperation operation, Exception ex)
        {
            var refused = RetryClassifier.IsConnectionRefused(ex);
            var kind = refused || operation.Safety != OperationSafety.Unsafe ? CallTrackingErrorKind.ProviderFailure : CallTrackingErrorKind.OutcomeUnknown;
            var what = ex is TimeoutException ? ex.Message : ex is IOException || ex is HttpRequestException ? "the connection failed (" + _scrub(ex.Message) + ")" : _scrub(ex.Message);
            var text = Provider + " " + operation.Name + (operation.Target is null ? string.Empty : " '" + operation.Target + "'") + " failed: " + what;
            if (kind == CallTrackingErrorKind.OutcomeUnknown)
                text += " The request may have reached the provider; it was not repeated. Check the account before trying again.";
            return new CallTrackingException(Provider, operation.Name, kind, text, null, null, null, new IOException(_scrub(ex.GetType().Name + ": " + ex.Message))) { Target = operation.Target };
        }

        public static CallTrackingErrorKind KindOf(int status)
        {
            if (status == 401 || status == 403) return CallTrackingErrorKind.Authentication;
            if (status == 404 || status == 410) return CallTrackingErrorKind.NotFound;
            if (status == 400 || status == 409 || status == 422) return CallTrackingErrorKind.InvalidArgument;
            if (status == 429) return CallTrackingErrorKind.Throttled;
            return CallTrackingErrorKind.ProviderFailure;
        }
    }

    /// <summary>
    /// A successful reply: status, the whole body (one page at most, in a pooled buffer) and its media type. Dispose it
    /// once the body is parsed: that returns the buffer.
    /// </summary>
    public sealed class ApiResponse : IDisposable
    {
        private readonly IDisposable? _owner;

        public ApiResponse(int status, ReadOnlyMemory<byte> body, string? mediaType, IDisposable? owner = null)
        {
            Status = status;
            Body = body;
            MediaType = mediaType;
            _owner = owner;
        }

        public int Status { get; }
        public ReadOnlyMemory<byte> Body { get; }
        public string? MediaType { get; }

        public void Dispose() => _owner?.Dispose();
    }
}
