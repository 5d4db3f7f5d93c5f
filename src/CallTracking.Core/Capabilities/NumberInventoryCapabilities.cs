using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Batching;
using CallTracking.Core.Model;

namespace CallTracking.Core.Capabilities
{
    // Number inventory functions beyond list/buy/change/release, and the batch forms of those a provider sends many rows
    // at a time (an array of ids in one request). A cmdlet prefers a provider's batch form when the client has it; the
    // rows go through Batching.BatchRun (grouped by key, chunked, one result per input row).

    /// <summary>Find-TrackingNumber: numbers a provider offers to buy.</summary>
    public interface INumberSearch
    {
        Task<IReadOnlyList<AvailableNumber>> SearchNumbersAsync(NumberSearch search, CancellationToken cancellationToken);
        /// <summary>Checks the search before anything is sent.</summary>
        void Validate(NumberSearch search);
    }

    /// <summary>New-TrackingNumber for a provider that buys several numbers in one request (spends money: sent once).</summary>
    public interface IBatchNumberPurchase
    {
        /// <summary>One row per number to buy (a row naming several numbers expands into one row each).</summary>
        IBatchOperation<NumberPurchase> PurchaseBatch();
    }

    /// <summary>Set-TrackingNumber for a provider that changes several numbers in one request (what batches is the provider's).</summary>
    public interface IBatchNumberSettings
    {
        IBatchOperation<NumberChange> UpdateBatch();
    }

    /// <summary>Remove-TrackingNumber for a provider that releases several numbers in one request (destroys state: sent once).</summary>
    public interface IBatchNumberRelease
    {
        IBatchOperation<NumberRelease> ReleaseBatch();
    }

    /// <summary>Move-TrackingNumber: numbers moved to another account (sent once).</summary>
    public interface INumberTransfer
    {
        IBatchOperation<NumberTransfer> TransferBatch();
    }

    /// <summary>Set-CallForwarding and Remove-CallForwarding: where calls to numbers are sent.</summary>
    public interface ICallForwarding
    {
        IBatchOperation<ForwardingChange> SetForwarding();
        IBatchOperation<ForwardingChange> RemoveForwarding();
    }

    /// <summary>Find-TrackingNumber: what to search for is the provider's.</summary>
    public sealed class NumberSearch
    {
        public ProviderOptions? Options { get; set; }
    }

    /// <summary>Move-TrackingNumber: one number (its id) and where it goes (the provider's options: an account, a pin…).</summary>
    public sealed class NumberTransfer
    {
        public NumberTransfer(string id) => Id = id;
        public string Id { get; }
        public ProviderOptions? Options { get; set; }
    }

    /// <summary>
    /// Set-/Remove-CallForwarding: one number (its id), or none when the provider's options name a whole group of numbers;
    /// the forward number (null to remove) and the provider's options (an extension, a group…).
    /// </summary>
    public sealed class ForwardingChange
    {
        public ForwardingChange(string? id) => Id = id;
        public string? Id { get; }
        /// <summary>The number calls go to, as given (normalised by the provider); null when forwarding is removed.</summary>
        public string? ForwardNumber { get; set; }
        public ProviderOptions? Options { get; set; }
    }
}
