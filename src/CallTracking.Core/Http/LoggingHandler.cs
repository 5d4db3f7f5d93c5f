using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// Logs each attempt (method, redacted URL, status, time) to the listener of the current operation. It sits at the end
    /// of the handler chain, so it sees the URL as sent (credentials applied) and proves the redaction: no token reaches a log.
    /// </summary>
    public sealed class LoggingHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var listener = RequestDiagnostics.Current;
            if (listener is null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            var operation = ApiRequest.OperationOf(request)?.Name ?? request.Method.Method;
            var attempt = ApiRequest.AttemptOf(request);
            var watch = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                listener.OnRequest(new RequestLogEntry(operation, request.Method.Method, SecretRedactor.RedactUri(request.RequestUri), (int)response.StatusCode, watch.Elapsed, attempt, null));
                return response;
            }
            catch (Exception ex)
            {
                var what = ex is OperationCanceledException ? "cancelled" : ex.GetType().Name;
                listener.OnRequest(new RequestLogEntry(operation, request.Method.Method, SecretRedactor.RedactUri(request.RequestUri), null, watch.Elapsed, attempt, what));
                throw;
            }
        }
    }
}
