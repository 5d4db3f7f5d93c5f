using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Sandbox.Logging;

namespace CallTracking.Sandbox.Http
{
    /// <summary>Shared by the in-process handler and the loopback listener, so both behave identically:
    /// faults first, then the owning emulator, then the log.</summary>
    internal sealed class SandboxRouter
    {
        private static readonly byte[] MalformedJson = Encoding.UTF8.GetBytes("{\"calls\":[{\"id\":1,");
        private static readonly byte[] NoEffectBody = Encoding.UTF8.GetBytes("{\"status\":200,\"message\":\"ok\"}");

        private readonly IReadOnlyList<IProviderEmulator> _emulators;
        private readonly SandboxFaults _faults;
        private readonly SandboxRequestLog _log;

        public SandboxRouter(IReadOnlyList<IProviderEmulator> emulators, SandboxFaults faults, SandboxRequestLog log)
        {
            _emulators = emulators;
            _faults = faults;
            _log = log;
        }

        public async Task<SandboxHttpResponse> HandleAsync(SandboxHttpRequest request, CancellationToken cancellationToken)
        {
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            IProviderEmulator? emulator = null;
            foreach (var e in _emulators)
                if (e.OwnsPath(request.RawPath)) { emulator = e; break; }

            var rule = _faults.Match(request.Method, request.RawPath);
            SandboxHttpResponse? response = null;
            try
            {
                if (rule != null && rule.Delay > TimeSpan.Zero)
                    await Task.Delay(rule.Delay, cancellationToken).ConfigureAwait(false);
                response = await RespondAsync(request, emulator, rule, cancellationToken).ConfigureAwait(false);
                return response;
            }
            finally
            {
                var status = response is null ? 0 : response.TransportFault == TransportFault.DropConnection ? 0 : response.StatusCode;
                _log.Add(new SandboxRequest(started, emulator?.Name ?? "none", request.Method, DecodePathForLog(request.RawPath),
                    RedactedQuery(request), SecretRedactor.RedactBody(request.Body), request.Authorization != null,
                    status, rule?.Kind.ToString(), clock.Elapsed));
            }
        }

        private async Task<SandboxHttpResponse> RespondAsync(SandboxHttpRequest request, IProviderEmulator? emulator,
            FaultRule? rule, CancellationToken cancellationToken)
        {
            if (rule is null || rule.Kind == FaultKind.Latency)
                return await ProcessAsync(request, emulator, cancellationToken).ConfigureAwait(false);

            var safe = request.Method == "GET" || request.Method == "HEAD";
            SandboxHttpResponse? processed = null;
            if (rule.AfterProcessing || (rule.Kind == FaultKind.TruncatedBody && safe))
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
                case FaultKind.MalformedBody:
                    return new SandboxHttpResponse(200, SandboxHttpResponse.JsonContentType, MalformedJson);
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

        private static async Task<SandboxHttpResponse> ProcessAsync(SandboxHttpRequest request, IProviderEmulator? emulator, CancellationToken cancellationToken)
        {
            if (emulator is null)
                return SandboxHttpResponse.Error(404, "not_found", "No sandbox API serves " + DecodePathForLog(request.RawPath) + ".");
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
                // An emulator bug must look like a server failure, never leak the request (which may hold secrets).
                return SandboxHttpResponse.Error(500, "server_error", "The sandbox failed to handle the request.");
            }
        }

        private static string DecodePathForLog(string rawPath)
        {
            try { return Uri.UnescapeDataString(rawPath); }
            catch (UriFormatException) { return rawPath; }
        }

        private static IReadOnlyDictionary<string, string> RedactedQuery(SandboxHttpRequest request)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in request.Query)
            {
                var value = SecretRedactor.IsSecret(pair.Key) ? SecretRedactor.Mask : pair.Value;
                result[pair.Key] = result.TryGetValue(pair.Key, out var previous) ? previous + "," + value : value;
            }
            return result;
        }
    }
}
