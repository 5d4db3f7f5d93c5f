using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Model;
using Polly;
using Polly.Retry;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// Sends one request of one connection, with one retry budget (at most 1 + MaxRetry attempts, whatever failed). Every
    /// attempt runs inside the retry scope: a fresh message, the provider's authenticator (async: it may fetch or renew a
    /// token), the send, the body read whole under the attempt's timeout and size cap, the provider's response interpreter,
    /// and the caller's reader. So a page cut off mid-way, an error inside an HTTP 200 and a stale token are each judged
    /// where a retry can still act on them — and an unsafe operation (a purchase) is never sent again once it may have
    /// reached the server. Backoff, jitter and Retry-After are Polly's.
    /// </summary>
    public sealed class ApiExecutor
    {
        private static readonly ResiliencePropertyKey<TimeSpan> WaitedKey = new ResiliencePropertyKey<TimeSpan>("ct.waited");

        private readonly IReadOnlyDictionary<string, ApiEndpoint> _endpoints;
        private readonly IRequestAuthenticator _authenticator;
        private readonly IResponseInterpreter _interpreter;
        private readonly RetrySettings _retry;
        private readonly TimeSpan _timeout;
        private readonly long _maxResponseBytes;
        private readonly Func<string, string> _scrub;
        private readonly ResiliencePipeline _pipeline;

        public ApiExecutor(string provider, IReadOnlyDictionary<string, ApiEndpoint> endpoints, IRequestAuthenticator authenticator,
            IResponseInterpreter interpreter, RetrySettings retry, TimeSpan timeout, long maxResponseBytes, Func<string, string> scrubSecrets)
        {
            Provider = provider ?? throw new ArgumentNullException(nameof(provider));
            _endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
            _authenticator = authenticator ?? throw new ArgumentNullException(nameof(authenticator));
            _interpreter = interpreter ?? throw new ArgumentNullException(nameof(interpreter));
            _retry = retry ?? throw new ArgumentNullException(nameof(retry));
            _timeout = timeout;
            _maxResponseBytes = maxResponseBytes;
            _scrub = scrubSecrets ?? (s => s);
            _pipeline = retry.MaxRetry <= 0 ? ResiliencePipeline.Empty : BuildPipeline(retry);
        }

        public string Provider { get; }

        public IReadOnlyDictionary<string, ApiEndpoint> Endpoints => _endpoints;

        /// <summary>
        /// Sends <paramref name="request"/>; <paramref name="read"/> turns the successful reply into the result inside the
        /// retry scope and owns the response (dispose it when done, or hand it to the result, as a lazy page does). A
        /// <see cref="TransientContentException"/> from it (a body that does not parse) is retried for reads.
        /// </summary>
        public async Task<T> SendAsync<T>(ApiRequest request, Func<ApiResponse, T> read, CancellationToken cancellationToken)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (read is null) throw new ArgumentNullException(nameof(read));
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            var attempts = new AttemptCounter();
            try
            {
                var outcome = await _pipeline.ExecuteOutcomeAsync(
                    async (ctx, state) =>
                    {
                        try
                        {
                            var result = await state.Executor.AttemptAsync(state.Request, state.Read, ++state.Attempts.Count, ctx.CancellationToken).ConfigureAwait(false);
                            return Outcome.FromResult(result);
                        }
                        catch (Exception ex)
                        {
                            return Outcome.FromException<T>(ex);
                        }
                    },
                    context,
                    new AttemptState<T>(this, request, read, attempts)).ConfigureAwait(false);
                if (outcome.Exception is AttemptFailedException failed) throw Scrubbed(failed.Error, request);
                if (outcome.Exception is CallTrackingException readerError) throw Scrubbed(readerError, request); // a provider's reader judged the reply
                outcome.ThrowIfException();
                return outcome.Result!;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        /// <summary>Sends and parses the whole body with <paramref name="parse"/> (the response is released afterwards).</summary>
        public Task<T> ReadAsync<T>(ApiRequest request, Func<ReadOnlyMemory<byte>, T> parse, CancellationToken cancellationToken)
            => SendAsync(request, response =>
            {
                using (response) return parse(response.Body);
            }, cancellationToken);

        private ResiliencePipeline BuildPipeline(RetrySettings retry)
        {
            var options = new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetry,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome.Exception)),
                // The server said when: honour it; otherwise Polly's exponential backoff with jitter.
                DelayGenerator = args => new ValueTask<TimeSpan?>((args.Outcome.Exception as AttemptFailedException)?.RetryAfter),
                OnRetry = args =>
                {
                    args.Context.Properties.Set(WaitedKey, args.Context.Properties.GetValue(WaitedKey, TimeSpan.Zero) + args.RetryDelay);
                    var failed = args.Outcome.Exception as AttemptFailedException;
                    RequestDiagnostics.Current?.OnRetry(failed?.Error.Operation ?? "request", args.AttemptNumber + 2, args.RetryDelay, failed?.Reason ?? "failure");
                    return default;
                },
            };
            return new ResiliencePipelineBuilder().AddRetry(options).Build();
        }

        private bool ShouldRetry(ResilienceContext context, Exception? exception)
        {
            if (context.CancellationToken.IsCancellationRequested) return false;
            if (!(exception is AttemptFailedException failed) || !failed.Retryable) return false;
            var left = _retry.MaxTotalWait - context.Properties.GetValue(WaitedKey, TimeSpan.Zero);
            if (left <= TimeSpan.Zero) return false;
            // Waiting less than the server asked would be refused again; waiting beyond the cap is not ours to do.
            return !(failed.RetryAfter.HasValue && failed.RetryAfter.Value > left);
        }

        private async Task<T> AttemptAsync<T>(ApiRequest request, Func<ApiResponse, T> read, int attempt, CancellationToken cancellationToken)
        {
            var endpoint = EndpointOf(request);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (_timeout > TimeSpan.Zero && _timeout != Timeout.InfiniteTimeSpan) timeout.CancelAfter(_timeout);
            var renewed = false;
            while (true)
            {
                using var message = request.CreateMessage(endpoint.BaseUri, attempt);
                await AuthenticateAsync(message, request, endpoint, attempt, cancellationToken, timeout).ConfigureAwait(false);

                var exchange = await ExchangeAsync(message, request, endpoint, cancellationToken, timeout).ConfigureAwait(false);
                if (exchange.Failure != null)
                {
                    // A token that expired: fetch a fresh one once and send again (the server refused before acting).
                    if (exchange.Status == 401 && !renewed && _authenticator.Invalidate(endpoint.Name))
                    {
                        renewed = true;
                        continue;
                    }
                    throw HttpFailure(request, exchange.Failure);
                }

                var reply = exchange.Reply!;
                try
                {
                    return read(reply);
                }
                catch (TransientContentException ex)
                {
                    reply.Dispose();
                    throw Unreadable(request, exchange.Status, ex);
                }
                catch
                {
                    reply.Dispose();
                    throw;
                }
            }
        }

        private async Task AuthenticateAsync(HttpRequestMessage message, ApiRequest request, ApiEndpoint endpoint, int attempt, CancellationToken user, CancellationTokenSource timeout)
        {
            try
            {
                await _authenticator.ApplyAsync(new AuthenticationContext(message, request, endpoint, (aux, ct) => SendAuxiliaryAsync(aux, attempt, user, ct)), timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (user.IsCancellationRequested)
            {
                throw;
            }
            catch (AttemptFailedException)
            {
                throw; // a token request that failed, already judged
            }
            catch (OperationCanceledException ex)
            {
                throw TransportFailure(request, ex, timedOut: true, requestWritten: false);
            }
            catch (CallTrackingException ex)
            {
                throw new AttemptFailedException(ex, retryable: false, retryAfter: null, reason: "authentication failed");
            }
        }

        /// <summary>A token request (no authentication of its own), one attempt, judged by the interpreter.</summary>
        private async Task<ApiResponse> SendAuxiliaryAsync(ApiRequest request, int attempt, CancellationToken user, CancellationToken attemptToken)
        {
            var endpoint = EndpointOf(request);
            using var message = request.CreateMessage(endpoint.BaseUri, attempt);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(attemptToken);
            var exchange = await ExchangeAsync(message, request, endpoint, user, timeout).ConfigureAwait(false);
            if (exchange.Failure != null) throw HttpFailure(request, exchange.Failure);
            return exchange.Reply!;
        }

        /// <summary>What one exchange gave: a reply the interpreter accepted, or its failure (the response then disposed).</summary>
        private sealed class Exchange
        {
            public Exchange(int status, ResponseFailure? failure, ApiResponse? reply)
            {
                Status = status;
                Failure = failure;
                Reply = reply;
            }

            public int Status { get; }
            public ResponseFailure? Failure { get; }
            public ApiResponse? Reply { get; }
        }

        /// <summary>Sends one message, reads its body within the attempt's timeout, and asks the provider's interpreter.</summary>
        private async Task<Exchange> ExchangeAsync(HttpRequestMessage message, ApiRequest request, ApiEndpoint endpoint, CancellationToken user, CancellationTokenSource timeout)
        {
            var response = await SendOnceAsync(message, request, endpoint, user, timeout).ConfigureAwait(false);
            var streamed = await TryStreamAsync(response, request).ConfigureAwait(false);
            if (streamed != null) return streamed;
            var body = await ReadBodyAsync(response, request, user, timeout).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var mediaType = body.Headers.ContentType?.MediaType;
            ResponseFailure? failure;
            try
            {
                failure = _interpreter.Interpret(new ResponseContext(request, status, response.Headers, mediaType, body.Memory));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                response.Dispose();
                throw Unreadable(request, status, ex);
            }
            if (failure == null) return new Exchange(status, null, new ApiResponse(status, body.Memory, mediaType, response));
            response.Dispose();
            return new Exchange(status, failure, null);
        }

        private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage message, ApiRequest request, ApiEndpoint endpoint, CancellationToken user, CancellationTokenSource timeout)
        {
            try
            {
                return await endpoint.CreateClient().SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (user.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                throw TransportFailure(request, ex, timedOut: timeout.IsCancellationRequested, requestWritten: null);
            }
        }

        /// <summary>A download's successful reply of a media type it streams: handed over unread (see ApiRequest.StreamWhen).</summary>
        private async Task<Exchange?> TryStreamAsync(HttpResponseMessage response, ApiRequest request)
        {
            var status = (int)response.StatusCode;
            if (request.StreamWhen is null || status < 200 || status > 299 || response.Content is null) return null;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!request.StreamWhen(mediaType)) return null;
            try
            {
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                return new Exchange(status, null, new ApiResponse(status, stream, response.Content.Headers.ContentLength, mediaType, response));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                response.Dispose();
                throw TransportFailure(request, ex, timedOut: false, requestWritten: true);
            }
        }

        private async Task<BufferedBody> ReadBodyAsync(HttpResponseMessage response, ApiRequest request, CancellationToken user, CancellationTokenSource timeout)
        {
            try
            {
                var content = response.Content ?? new ByteArrayContent(Array.Empty<byte>());
                var body = content as BufferedBody ?? await BufferedBody.LoadAsync(content, _maxResponseBytes, timeout.Token).ConfigureAwait(false);
                if (!ReferenceEquals(body, response.Content))
                {
                    response.Content?.Dispose();
                    response.Content = body; // disposing the response now returns the pooled buffer
                }
                return body;
            }
            catch (OperationCanceledException) when (user.IsCancellationRequested)
            {
                response.Dispose();
                throw;
            }
            catch (ResponseTooLargeException ex)
            {
                response.Dispose();
                var kind = request.Operation.Safety == OperationSafety.Unsafe ? CallTrackingErrorKind.OutcomeUnknown : CallTrackingErrorKind.ProviderFailure;
                throw new AttemptFailedException(Error(request, kind, ex.Message, (int)response.StatusCode, null, null, ex), retryable: false, retryAfter: null, reason: "reply too large");
            }
            catch (Exception ex)
            {
                response.Dispose();
                // The reply started but did not arrive whole: the server has acted on the request.
                throw TransportFailure(request, ex, timedOut: timeout.IsCancellationRequested, requestWritten: true);
            }
        }

        private ApiEndpoint EndpointOf(ApiRequest request)
        {
            if (_endpoints.TryGetValue(request.Operation.Endpoint, out var endpoint)) return endpoint;
            throw new InvalidOperationException(Provider + " has no API named '" + request.Operation.Endpoint + "' for " + request.Operation.Name + ".");
        }

        // ---- Failures ------------------------------------------------------------------------------------------------

        private AttemptFailedException HttpFailure(ApiRequest request, ResponseFailure failure)
        {
            var unsafeOperation = request.Operation.Safety == OperationSafety.Unsafe;
            var kind = failure.Kind;
            if (unsafeOperation && failure.Transient && !failure.ServerDidNotAct) kind = CallTrackingErrorKind.OutcomeUnknown;
            var providerMessage = failure.ProviderMessage is null ? null : _scrub(failure.ProviderMessage);
            var what = failure.HttpStatus.HasValue ? "HTTP " + failure.HttpStatus.Value : "the provider's reply";
            if (failure.ProviderCode != null && failure.HttpStatus.HasValue && failure.ProviderCode != failure.HttpStatus.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                what += ", code " + _scrub(failure.ProviderCode);
            else if (failure.ProviderCode != null && !failure.HttpStatus.HasValue)
                what = "code " + _scrub(failure.ProviderCode);
            var text = Lead(request) + what + (providerMessage is null ? "." : ": " + providerMessage.TrimEnd('.') + ".");
            if (kind == CallTrackingErrorKind.OutcomeUnknown)
                text += " The provider may have carried it out; it was not repeated. Check the account before trying again.";
            var error = Error(request, kind, text, failure.HttpStatus, failure.ProviderCode, providerMessage, null);
            error.NotSent = failure.ServerDidNotAct || failure.Kind == CallTrackingErrorKind.Authentication;
            var retryable = failure.ServerDidNotAct || (failure.Transient && !unsafeOperation);
            return new AttemptFailedException(error, retryable, failure.RetryAfter, what);
        }

        /// <param name="requestWritten">true: the request surely reached the server; null: unknown; false: surely not sent.</param>
        private AttemptFailedException TransportFailure(ApiRequest request, Exception ex, bool timedOut, bool? requestWritten)
        {
            var refused = requestWritten != true && RetryClassifier.IsConnectionRefused(ex);
            var tls = requestWritten != true && RetryClassifier.IsTlsFailure(ex);
            var notSent = refused || tls || requestWritten == false;
            var unsafeOperation = request.Operation.Safety == OperationSafety.Unsafe;
            var kind = notSent || !unsafeOperation ? CallTrackingErrorKind.ProviderFailure : CallTrackingErrorKind.OutcomeUnknown;
            string what;
            if (timedOut) what = "no complete reply within " + _timeout.TotalSeconds + " s (-TimeoutSec)";
            else if (tls) what = "the secure connection could not be set up (" + _scrub(Innermost(ex).Message) + ")";
            else if (refused) what = "the provider could not be reached (" + _scrub(Innermost(ex).Message) + ")";
            else what = "the connection failed (" + _scrub(Innermost(ex).Message) + ")";
            var text = Lead(request) + what + ".";
            if (notSent) text += " Nothing was sent.";
            else if (kind == CallTrackingErrorKind.OutcomeUnknown) text += " The request may have reached the provider; it was not repeated. Check the account before trying again.";
            var error = Error(request, kind, text, null, null, null, new IOException(_scrub(ex.GetType().Name + ": " + ex.Message)));
            error.NotSent = notSent;
            // A refused connection did nothing: any operation may retry it. A TLS failure will fail the same way again.
            var retryable = refused || (!tls && !unsafeOperation);
            return new AttemptFailedException(error, retryable, null, timedOut ? "timeout" : ex.GetType().Name);
        }

        private AttemptFailedException Unreadable(ApiRequest request, int status, Exception ex)
        {
            var unsafeOperation = request.Operation.Safety == OperationSafety.Unsafe;
            var kind = unsafeOperation ? CallTrackingErrorKind.OutcomeUnknown : CallTrackingErrorKind.ProviderFailure;
            var text = Lead(request) + "the reply (HTTP " + status + ") could not be read: " + _scrub(ex.Message).TrimEnd('.') + ".";
            if (unsafeOperation) text += " The provider may have carried it out; it was not repeated. Check the account before trying again.";
            var error = Error(request, kind, text, status, null, null, ex is CallTrackingException ? null : ex);
            return new AttemptFailedException(error, retryable: !unsafeOperation, retryAfter: null, reason: "unreadable reply body");
        }

        /// <summary>
        /// The error as it leaves the executor: no secret, in any form, in its message, provider code and message, target
        /// or inner exception (a reply may echo the Authorization header, and a provider's reader may quote the reply). The
        /// connection's secrets and the request's own (the values of its query parameters named as secrets: a new account's
        /// password, a client's pin) are both removed.
        /// </summary>
        private CallTrackingException Scrubbed(CallTrackingException error, ApiRequest request)
        {
            var scrub = ScrubberFor(request);
            var message = scrub(error.Message);
            var code = error.ProviderCode is null ? null : scrub(error.ProviderCode);
            var providerMessage = error.ProviderMessage is null ? null : scrub(error.ProviderMessage);
            var target = error.Target is null ? null : scrub(error.Target);
            var inner = error.InnerException;
            if (inner != null && scrub(inner.ToString()) != inner.ToString())
                inner = new IOException(scrub(inner.GetType().Name + ": " + inner.Message));
            if (message == error.Message && code == error.ProviderCode && providerMessage == error.ProviderMessage && target == error.Target && ReferenceEquals(inner, error.InnerException))
                return error;
            return new CallTrackingException(error.Provider, error.Operation, error.Kind, message, error.HttpStatus, code, providerMessage, inner) { Target = target, NotSent = error.NotSent };
        }

        /// <summary>The connection's scrubber, extended by the request's secret query values (every encoded form, longest first).</summary>
        private Func<string, string> ScrubberFor(ApiRequest request)
        {
            List<string>? forms = null;
            foreach (var pair in request.Query.Pairs)
            {
                if (pair.Value.Length < 3 || !SecretNames.IsSecret(pair.Key)) continue;
                (forms ??= new List<string>()).AddRange(SecretRedactor.EncodedForms(pair.Value));
            }
            if (forms is null) return _scrub;
            var ordered = forms.Where(f => !string.IsNullOrEmpty(f)).Distinct().OrderByDescending(f => f.Length).Cast<string?>().ToList();
            var connection = _scrub;
            return text => SecretRedactor.RedactValues(connection(text), ordered);
        }

        private string Lead(ApiRequest request)
            => Provider + " could not " + request.Operation.Description + (request.Target is null ? string.Empty : " '" + _scrub(request.Target) + "'") + ": ";

        private CallTrackingException Error(ApiRequest request, CallTrackingErrorKind kind, string text, int? status, string? code, string? message, Exception? inner)
            => new CallTrackingException(Provider, request.Operation.Name, kind, text, status, code, message, inner) { Target = request.Target };

        private static Exception Innermost(Exception ex)
        {
            var e = ex;
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }

        private sealed class AttemptCounter
        {
            public int Count;
        }

        private sealed class AttemptState<T>
        {
            public AttemptState(ApiExecutor executor, ApiRequest request, Func<ApiResponse, T> read, AttemptCounter attempts)
            {
                Executor = executor;
                Request = request;
                Read = read;
                Attempts = attempts;
            }

            public ApiExecutor Executor { get; }
            public ApiRequest Request { get; }
            public Func<ApiResponse, T> Read { get; }
            public AttemptCounter Attempts { get; }
        }
    }

    /// <summary>One attempt's failure as the retry strategy sees it: the error to surface and whether another attempt may go out.</summary>
    internal sealed class AttemptFailedException : Exception
    {
        public AttemptFailedException(CallTrackingException error, bool retryable, TimeSpan? retryAfter, string reason)
            : base(error.Message, error)
        {
            Error = error;
            Retryable = retryable;
            RetryAfter = retryAfter;
            Reason = reason;
        }

        public CallTrackingException Error { get; }
        public bool Retryable { get; }
        public TimeSpan? RetryAfter { get; }
        public string Reason { get; }
    }
}
