using System.Collections.Generic;
using System.Globalization;

namespace CallTracking.Core.Model
{
    /// <summary>What is left on a prepaid account: an exact decimal amount and its currency.</summary>
    public sealed class AccountBalance : ProviderRecord
    {
        public AccountBalance(string provider, string id, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, id, raw)
        {
        }

        /// <summary>The remaining balance (null when the reply's value does not read as a number: it is then in Raw).</summary>
        public decimal? Balance { get; set; }
        /// <summary>ISO 4217 currency code.</summary>
        public string? Currency { get; set; }
        /// <summary>The name of the connection the balance was read through (which account it is, in a runbook over many).</summary>
        public string? ConnectionName { get; set; }

        public override string Kind => "balance";

        public override string ToString()
            => (Balance.HasValue ? Balance.Value.ToString("0.00", CultureInfo.InvariantCulture) : "?") + (string.IsNullOrEmpty(Currency) ? string.Empty : " " + Currency);
    }
}
