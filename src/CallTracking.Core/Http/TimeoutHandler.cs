using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// A per-attempt timeout (HttpClient's own timeout spans all retries and looks like a cancellation). It raises a
    /// <see cref="TimeoutException"/>, which reads may retry, and leaves a user's Ctrl+C a cancellation.
    /// </summary>
    public sealed class TimeoutHandler : DelegatingHandler
    {
        private readonly TimeSpan _timeout;

        public TimeoutHandler(TimeSpan timeout) => _timeout = timeout;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_timeout <= TimeSpan.Zero || _timeout == Timeout.InfiniteTimeSpan)
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            linked.CancelAfter(_timeout);
            try
            {
                return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("No reply within " + _timeout.TotalSeconds + " s (-TimeoutSec).");
            }
        }
    }
}
