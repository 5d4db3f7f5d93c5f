using System;
using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>Where an asynchronous provisioning request stands.</summary>
    public enum ProvisioningState
    {
        Pending,
        Completed,
        Failed,
    }

    /// <summary>
    /// A provisioning request a provider completes later (a new number, a change, a decommission): New-, Set- and
    /// Remove-TrackingNumber return it at once; Wait-ProvisioningRequest (or -Wait) waits for it to finish. Its Id binds by
    /// property name to Wait-/Get-ProvisioningRequest -Id.
    /// </summary>
    public class ProvisioningRequest : ProviderRecord
    {
        public ProvisioningRequest(string provider, string id, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, id, raw)
        {
        }

        /// <summary>The request id under its other name (binds to -RequestId).</summary>
        public string RequestId => Id;
        /// <summary>What is requested (new, update, decommission), as the provider words it.</summary>
        public string? Type { get; set; }
        /// <summary>The provider's status text.</summary>
        public string? Status { get; set; }
        public ProvisioningState State { get; set; }
        public bool IsFinished => State != ProvisioningState.Pending;
        /// <summary>The number the request concerns, E.164 where it reads as one (assigned at once for a new number).</summary>
        public string? Number { get; set; }
        /// <summary>The provider's id of the number (service) concerned.</summary>
        public string? NumberId { get; set; }
        public string? CustomId { get; set; }
        public string? CustomGroup { get; set; }
        public DateTimeOffset? SubmittedAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        /// <summary>Why it failed; null unless State is Failed.</summary>
        public string? Error { get; set; }

        public override string Kind => "provisioning request";

        public override string ToString() => Id;
    }
}
