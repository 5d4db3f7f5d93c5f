using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Model;

namespace CallTracking.Core.Capabilities
{
    // Providers whose number changes are asynchronous: New-, Set- and Remove-TrackingNumber submit a request and return a
    // ProvisioningRequest at once; Get-/Wait-ProvisioningRequest read it until it finishes.

    /// <summary>Get-ProvisioningRequest and Wait-ProvisioningRequest.</summary>
    public interface IProvisioningRequests
    {
        /// <summary>The requests, filtered by the provider's options (a status…).</summary>
        Task<IReadOnlyList<ProvisioningRequest>> ListRequestsAsync(ProviderOptions? options, CancellationToken cancellationToken);
        Task<ProvisioningRequest> GetRequestAsync(string id, CancellationToken cancellationToken);
    }

    /// <summary>
    /// New-, Set- and Remove-TrackingNumber for a provider that provisions asynchronously (each submit is sent once). A
    /// client with this capability is used in place of INumberPurchase/INumberSettings/INumberRelease.
    /// </summary>
    public interface INumberProvisioning
    {
        void Validate(NumberPurchase purchase);
        string Describe(NumberPurchase purchase);
        Task<ProvisioningRequest> RequestNumberAsync(NumberPurchase purchase, CancellationToken cancellationToken);

        void Validate(NumberChange change);
        string Describe(NumberChange change);
        Task<ProvisioningRequest> RequestChangeAsync(NumberChange change, CancellationToken cancellationToken);

        void Validate(NumberRelease release);
        string Describe(NumberRelease release);
        Task<ProvisioningRequest> RequestReleaseAsync(NumberRelease release, CancellationToken cancellationToken);
    }

    /// <summary>
    /// Waits for provisioning requests: polls each pending one with back-off (1 s doubling to 30 s) until it finishes or
    /// the timeout passes. Many requests are polled together (one round reads each still-pending request once).
    /// </summary>
    public static class ProvisioningWait
    {
        public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
        public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

        /// <summary>
        /// The requests as they finished (same order as given); one still pending at the timeout comes back pending.
        /// <paramref name="progress"/> gets (finished, total) after each round.
        /// </summary>
        public static async Task<IReadOnlyList<ProvisioningRequest>> WaitAsync(IProvisioningRequests requests, IReadOnlyList<ProvisioningRequest> pending,
            TimeSpan? timeout, Action<int, int>? progress, CancellationToken cancellationToken, TimeSpan? firstDelay = null)
        {
            if (requests is null) throw new ArgumentNullException(nameof(requests));
            var current = new List<ProvisioningRequest>(pending);
            var deadline = timeout.HasValue ? DateTimeOffset.UtcNow + timeout.Value : (DateTimeOffset?)null;
            var delay = firstDelay ?? FirstDelay;
            while (true)
            {
                var finished = 0;
                foreach (var r in current) if (r.IsFinished) finished++;
                progress?.Invoke(finished, current.Count);
                if (finished == current.Count) return current;
                var wait = delay;
                if (deadline.HasValue)
                {
                    var left = deadline.Value - DateTimeOffset.UtcNow;
                    if (left <= TimeSpan.Zero) return current;
                    if (left < wait) wait = left;
                }
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, delay.Ticks * 2));
                for (var i = 0; i < current.Count; i++)
                    if (!current[i].IsFinished) current[i] = await requests.GetRequestAsync(current[i].Id, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
