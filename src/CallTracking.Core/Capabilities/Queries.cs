using System;

namespace CallTracking.Core.Capabilities
{
    /// <summary>
    /// A provider's own parameters for one function (call filters, a number type…), built by the
    /// provider's parameter class in the PowerShell layer and read only by that provider's client.
    /// </summary>
    public abstract class ProviderOptions
    {
        /// <summary>The provider these options are for; a client refuses another's.</summary>
        public abstract string Provider { get; }
    }

    /// <summary>Paging every list shares: stop after First records, ask PageSize per request.</summary>
    public abstract class ListQuery
    {
        /// <summary>Stop after this many records (-First); null = everything.</summary>
        public long? First { get; set; }
        /// <summary>Records per request (-PageSize); null = the module's default for the provider.</summary>
        public int? PageSize { get; set; }
        public ProviderOptions? Options { get; set; }

        /// <summary>
        /// The records flow into further commands that may change or remove them (Get-X | Set-X): a provider whose
        /// paging shifts when records change reads every page before handing out the first record, so none is skipped.
        /// </summary>
        public bool ReadAllFirst { get; set; }
    }

    /// <summary>Get-CallLog: calls in a time range, plus the provider's filters.</summary>
    public sealed class CallLogQuery : ListQuery
    {
        public DateTimeOffset? CreatedAfter { get; set; }
        public DateTimeOffset? CreatedBefore { get; set; }
    }

    /// <summary>Get-CallReport: grouped call counts in a time range, plus the provider's grouping and filters.</summary>
    public sealed class CallReportQuery : ListQuery
    {
        public DateTimeOffset? CreatedAfter { get; set; }
        public DateTimeOffset? CreatedBefore { get; set; }
    }

    /// <summary>Get-CallStatistic: statistics over a time range.</summary>
    public sealed class CallStatisticQuery
    {
        public DateTimeOffset? CreatedAfter { get; set; }
        public DateTimeOffset? CreatedBefore { get; set; }
        public ProviderOptions? Options { get; set; }
    }

    /// <summary>Get-TrackingNumber: the account's numbers, filtered by the provider's filters.</summary>
    public sealed class NumberQuery : ListQuery
    {
    }

    /// <summary>New-TrackingNumber: what to buy is the provider's (offer and country, a number from a search…).</summary>
    public sealed class NumberPurchase
    {
        public ProviderOptions? Options { get; set; }
    }

    /// <summary>Set-TrackingNumber: the number (id or +E164) and the provider's changes.</summary>
    public sealed class NumberChange
    {
        public NumberChange(string id) => Id = id;
        public string Id { get; }
        public ProviderOptions? Options { get; set; }
    }

    /// <summary>Remove-TrackingNumber: the number and the provider's release options (where it goes).</summary>
    public sealed class NumberRelease
    {
        public NumberRelease(string id) => Id = id;
        public string Id { get; }
        public ProviderOptions? Options { get; set; }
    }
}
