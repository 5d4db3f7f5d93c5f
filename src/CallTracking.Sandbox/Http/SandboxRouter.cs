using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Sandbox.Logging;

namespace CallTracking.Sandbox.Http
{
    /// <summary>Shared by the in-process handler and the loopback listener, so both behave identically:
    /// owning emulator and its operation name, then faults, then the emulator, then the log.</summary>
    internal sealed class SandboxRouter
    {
        private static readonly byte[] MalformedJson = Encoding.UTF8.GetBytes("{\"calls\":[{\"id\":1,");
        private static readonly byte[] NoEffectBody = Encoding.UTF8.GetBytes("{\"status\":200,\"message\":\"ok\"}");

        // Longest prefix first; prefixes never overlap (checked when the sandbox is built), so the order is only a guard.
        private readonly (SandboxEndpoint Endpoint, ISandboxEmulator Emulator)[] _routes;
        private readonly SandboxFaults _faults;
        private readonly SandboxRequestLog _log;
        private readonly SandboxClock _clock;
        private readonly CancellationTokenSource _closing = new CancellationTokenSource();

        public SandboxRouter(IReadOnlyList<ISandboxEmulator> emulators, SandboxFaults faults, SandboxRequestLog log, SandboxClock clock)
        {
            _routes = emulators.SelectMany(e => e.Endpoints.Select(p => (p, e))).OrderByDescending(r => r.p.PathPrefix.Length).ToArray();
            _faults = faults;
            _log = log;
            _clock = clock;
        }

        /// <summary>Cancelled when the sandbox is disposed: ends what an in-process reply still holds open (a stalled or
        /// endless body), as stopping the listener ends it over loopback.</summary>
        public CancellationToken Closing => _closing.Token;

        public void Close()
        {
            try { _closing.Cancel(); } catch (ObjectDisposedException) { }
        }

        public async Task<SandboxHttpResponse> HandleAsync(SandboxHttpRequest request, CancellationToken cancellationToken)
        {
            var started = _clock.Now;
            var watch = Stopwatch.StartNew();
            ISandboxEmulator? emulator = null;
            foreach (var route in _routes)
                if (route.Endpoint.Owns(request.RawPath)) { emulator = route.Emulator; break; }
            var operation = OperationOf(emulator, request);

            var rule = _faults.Match(request, operation);
            SandboxHttpResponse? response = null;
            try
            {
                // TrickleBody's Delay is the pause between its writes, not a wait before the reply.
                if (rule != null && rule.Delay > TimeSpan.Zero && rule.Kind != FaultKind.TrickleBody)
                    await Task.Delay(rule.Delay, cancellationToken).ConfigureAwait(false);
                response = await RespondAsync(request, emulator, rule, cancellationToken).ConfigureAwait(false);
                return response;
            }
            finally
            {
                var status = response is null || response.TransportFault == TransportFault.DropConnection
                    || response.TransportFault == TransportFault.CloseWithoutReply ? 0 : response.StatusCode;
                _log.Add(new SandboxRequest(started, emulator?.Provider ?? "none", operation, request.Method, DecodePathForLog(request.RawPath),
                    SecretRedactor.RedactQuery(request.Query), SecretRedactor.RedactBody(request.Body), request.Authorization != null,
                    status, rule?.Kind.ToString(), watch.Elapsed));
            }
        }

        private static string? OperationOf(ISandboxEmulator? emulator, SandboxHttpRequest request)
        {
            if (emulator is null) return null;
            try { return emulator.OperationOf(request); }
            catch (Exception) { return null; } // naming is best effort: a bug here must not fail the request
        }

        private async Task<SandboxHttpResponse> RespondAsync(SandboxHttpRequest request, ISandboxEmulator? emulator,
            FaultRule? rule, CancellationToken cancellationToken)
        {
            if (rule is null || rule.Kind == FaultKind.Latency)
                return await ProcessAsync(request, emulator, cancellationToken).ConfigureAwait(false);

            var safe = request.Method == "GET" || request.Method == "HEAD";
            SandboxHttpResponse? processed = null;
            // Kinds that deliver the normal reply badly need it; a mutation only takes effect with AfterProcessing.
            var needsReply = rule.Kind == FaultKind.TruncatedBody || rule.Kind == FaultKind.TrickleBody || rule.Kind == FaultKind.OversizedBody;
            if (rule.AfterProcessing || (needsReply && safe))
                processed = await ProcessAsync(request, emulator, cancellationToken).ConfigureAwait(false);

            switch (rule.Kind)
            {
                case FaultKind.TooManyRequests:
                {
                    var r = SandboxHttpResponse.Error(429, "rate_limited", "Too many requests; retry later.");
                    return AddRetryAfter(r, rule, defaultSeconds: 1);
                }
                case FaultKind.ServerError:
                {
                    var r = SandboxHttpResponse.Error(rule.StatusCode, "server_error", "The server failed to complete the request.");
                    return AddRetryAfter(r, rule, defaultSeconds: null);
                }
                case FaultKind.DropConnection:
                    return new SandboxHttpResponse(200, SandboxHttpResponse.JsonContentType, Array.Empty<byte>())
                        { TransportFault = TransportFault.DropConnection };
                case FaultKind.TruncatedBody:
                {
                    // Without AfterProcessing a mutation must not happen, so there is no real body to cut: cut a stand-in.
                    var source = processed ?? new SandboxHttpResponse(200, SandboxHttpResponse.JsonContentType, NoEffectBody);
                    var body = await source.RenderAsync(cancellationToken).ConfigureAwait(false);
                    var r = new SandboxHttpResponse(source.StatusCode, source.ContentType, body) { TransportFault = TransportFault.TruncatedBody };
                    r.Headers.AddRange(source.Headers);
                    return r;
                }
                case FaultKind.CloseWithoutReply:
                    return new SandboxHttpResponse(200, SandboxHttpResponse.JsonContentType, Array.Empty<byte>())
                        { TransportFault = TransportFault.CloseWithoutReply };
                case FaultKind.TrickleBody:
                case FaultKind.OversizedBody:
                {
                    var source = processed ?? new SandboxHttpResponse(200, SandboxHttpResponse.JsonContentType, NoEffectBody);
                    var body = await source.RenderAsync(cancellationToken).ConfigureAwait(false);
                    var r = new SandboxHttpResponse(source.StatusCode, source.ContentType, body)
                    {
                        TransportFault = TransportFault.PacedBody,
                        FaultBody = rule.Kind == FaultKind.TrickleBody
                            ? FaultBody.Trickle(body, rule.TrickleBytes, rule.Delay)
                            : FaultBody.Oversized(body, rule.ClaimedLength),
                    };
                    r.Headers.AddRange(source.Headers);
                    return r;
                }
                case FaultKind.EndlessBody:
                    return new SandboxHttpResponse(200, SandboxHttpResponse.JsonContentType, Array.Empty<byte>())
                        { TransportFault = TransportFault.PacedBody, FaultBody = FaultBody.Endless() };
                case FaultKind.EchoAuthorization:
                    // As a misconfigured server does: the credential comes back in the reply (never in the log).
                    return SandboxHttpResponse.Error(rule.StatusCode, "unauthorized",
                        "Authorization: " + (request.Authorization ?? "(none)") + "; query: " + request.RawQuery);
                case FaultKind.Redirect:
                    return new SandboxHttpResponse(rule.StatusCode, SandboxHttpResponse.JsonContentType, Array.Empty<byte>())
                        .WithHeader("Location", (rule.Location ?? "/").Replace("{query}", request.RawQuery));
                case FaultKind.MalformedBody:
                    return new SandboxHttpResponse(200, SandboxHttpResponse.JsonContentType, MalformedJson);
                case FaultKind.ProviderErrorIn200:
                    // No emulator owns the path: there is no provider envelope to imitate, so answer as without the rule.
                    return emulator is null
                        ? processed ?? NotServed(request)
                        : Guard(() => emulator.ProviderErrorIn200(request, rule.ProviderCode, rule.ProviderMessage));
                default:
                    throw new InvalidOperationException("Unknown fault kind " + rule.Kind);
            }
        }

        private static SandboxHttpResponse AddRetryAfter(SandboxHttpResponse response, FaultRule rule, int? defaultSeconds)
        {
            if (rule.RetryAfterDate is { } date)
                return response.WithHeader("Retry-After", date.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
            if (rule.RetryAfter is { } after)
                return response.WithHeader("Retry-After", ((long)Math.Ceiling(Math.Max(0, after.TotalSeconds))).ToString(CultureInfo.InvariantCulture));
            return defaultSeconds is { } s ? response.WithHeader("Retry-After", s.ToString(CultureInfo.InvariantCulture)) : response;
        }

        private static async Task<SandboxHttpResponse> ProcessAsync(SandboxHttpRequest request, ISandboxEmulator? emulator, CancellationToken cancellationToken)
        {
            if (emulator is null) return NotServed(request);
            try
            {
                return await emulator.HandleAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception)
            {
                return EmulatorFailed();
            }
        }

        private static SandboxHttpResponse Guard(Func<SandboxHttpResponse> respond)
        {
            try { return respond(); }
            catch (Exception) { return EmulatorFailed(); }
        }

        // An emulator bug must look like a server failure, never leak the request (which may hold secrets).
        private static SandboxHttpResponse EmulatorFailed() =>
            SandboxHttpResponse.Error(500, "server_error", "The sandbox failed to handle the request.");

        private static SandboxHttpResponse NotServed(SandboxHttpRequest request) =>
            SandboxHttpResponse.Error(404, "not_found", "No sandbox API serves " + DecodePathForLog(request.RawPath) + ".");

        private static string DecodePathForLog(string rawPath)
        {
            try { return Uri.UnescapeDataString(rawPath); }
            catch (UriFormatException) { return rawPath; }
        }
    }
}
