using System;

namespace CallTracking.Core.Model
{
    /// <summary>How one input row of a batched command went.</summary>
    public enum BatchRowStatus
    {
        /// <summary>Its request succeeded.</summary>
        Succeeded,
        /// <summary>Its request, or its own check before sending, failed: <see cref="BatchResult.Error"/> says why.</summary>
        Failed,
        /// <summary>It was not sent (declined at the prompt, or the command stopped first): <see cref="BatchResult.Reason"/> says why.</summary>
        NotSent,
    }

    /// <summary>
    /// One input row of a batched command (Import-Csv rows piped into a command that sends many rows per request): which
    /// row, what it asked for, which request carried it, and how it went. One is written per input row, in input order.
    /// </summary>
    public class BatchResult
    {
        public BatchResult(string provider, string action)
        {
            Provider = provider ?? throw new ArgumentNullException(nameof(provider));
            Action = action ?? string.Empty;
        }

        /// <summary>The provider's name as Connect-CallTracking -Provider takes it.</summary>
        public string Provider { get; }

        /// <summary>The row's position (1 = the first row this command received).</summary>
        public long Row { get; set; }

        /// <summary>The provider's id of the number the row acted on (null when the row acted on no single number).</summary>
        public string? Id { get; set; }

        /// <summary>The number the row acted on, E.164, when known.</summary>
        public string? Number { get; set; }

        /// <summary>What the command does ("set call forwarding").</summary>
        public string Action { get; }

        /// <summary>What the row asked for, in the provider's terms ("forward_number=4105551234").</summary>
        public string? Change { get; set; }

        /// <summary>Which request of this command carried the row (1 = the first); null when it was not sent.</summary>
        public int? Request { get; set; }

        public BatchRowStatus Status { get; set; } = BatchRowStatus.NotSent;

        public bool Succeeded => Status == BatchRowStatus.Succeeded;

        /// <summary>Why the row failed: the error record (in PowerShell, the same record written to the error stream).</summary>
        public object? Error { get; set; }

        /// <summary>The failure as the module raised it (null when the row did not fail).</summary>
        public Exception? Exception { get; set; }

        /// <summary>Why a row was not sent ("declined at the prompt"); null otherwise.</summary>
        public string? Reason { get; set; }

        /// <summary>What the provider returned for the row (the number bought, say), when anything.</summary>
        public object? Value { get; set; }

        public override string ToString()
            => "row " + Row + " " + (Id ?? Number ?? string.Empty) + ": " + Status + (Exception is null ? string.Empty : " (" + Exception.Message + ")");
    }

    /// <summary>A row of Set-CallForwarding or Remove-CallForwarding.</summary>
    public class ForwardingResult : BatchResult
    {
        public ForwardingResult(string provider, string action) : base(provider, action)
        {
        }

        /// <summary>The number calls are forwarded to, E.164 (null when forwarding is removed).</summary>
        public string? ForwardNumber { get; set; }

        /// <summary>The extension dialled at the forward number, when any.</summary>
        public string? Extension { get; set; }

        /// <summary>Which numbers the row changes: "numbers" (the row's own), or a group the provider names (all online numbers…).</summary>
        public string? Scope { get; set; }
    }

    /// <summary>A number bought by New-TrackingNumber when the provider buys many in one request.</summary>
    public sealed class NumberPurchaseResult : BatchResult
    {
        public NumberPurchaseResult(string provider, string action) : base(provider, action)
        {
        }

        /// <summary>ISO 3166-1 alpha-2 country of the number.</summary>
        public string? Country { get; set; }

        /// <summary>True for a toll-free number, false for a local one.</summary>
        public bool? TollFree { get; set; }

        /// <summary>The number as the provider returned it after the purchase (null when it was not bought, or the reply did not list it).</summary>
        public TrackingNumber? TrackingNumber => Value as TrackingNumber;
    }

    /// <summary>A row of Add-/Remove-SmartReplacementNumber: one web-site number.</summary>
    public sealed class SmartReplacementResult : BatchResult
    {
        public SmartReplacementResult(string provider, string action, bool remove) : base(provider, action)
        {
            Remove = remove;
        }

        /// <summary>The web site's number: E.164 when it is a phone number, else as given.</summary>
        public string? SitePhone { get; set; }

        /// <summary>True when the row takes the number off the list (Remove-SmartReplacementNumber).</summary>
        public bool Remove { get; }

        /// <summary>After the change: true when the number is on the list, false when it was taken off; null when the row did not succeed.</summary>
        public bool? Listed => Succeeded ? !Remove : (bool?)null;
    }

    /// <summary>A row of Add-MetroTrackingNumber: one tracking number (its SID in Id) for one metro site number.</summary>
    public sealed class MetroAllocationResult : BatchResult
    {
        public MetroAllocationResult(string provider, string action) : base(provider, action)
        {
        }

        /// <summary>The metro site id the number is allocated to.</summary>
        public string? SiteId { get; set; }
    }
}
