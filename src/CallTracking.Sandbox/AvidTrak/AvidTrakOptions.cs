using System;
using System.Globalization;

namespace CallTracking.Sandbox.AvidTrak
{
    /// <summary>The AvidTrak emulator's options: its accounts and pincodes, balances, prices and how much data it generates.
    /// Set them with <c>options.For&lt;AvidTrakOptions&gt;()</c> (or <c>options.AvidTrak()</c>) before building the sandbox.</summary>
    public sealed class AvidTrakOptions
    {
        /// <summary>The agency's user id.</summary>
        public string AgencyUserId { get; set; } = "sandbox-agency";

        /// <summary>The agency's pincode.</summary>
        public string AgencyPincode { get; set; } = "sandbox-agency-pin";

        /// <summary>Clients under the agency: user id sandbox-client-N, pincode sandbox-client-N-pin (N = 1…); odd N are
        /// pro accounts, even N lite.</summary>
        public int ClientCount { get; set; } = 3;

        /// <summary>A client that is not under an agency (user id sandbox-individual, pincode sandbox-individual-pin); false = none.</summary>
        public bool Individual { get; set; } = true;

        public decimal AgencyBalance { get; set; } = 250.00m;

        /// <summary>Every client under the agency starts with this balance.</summary>
        public decimal ClientBalance { get; set; } = 100.00m;

        /// <summary>The individual client's balance: enough for one local number, so a second purchase shows "Insufficient balance".</summary>
        public decimal IndividualBalance { get; set; } = 5.00m;

        /// <summary>What purchase_number takes from the balance for a local number (and search_number shows as monthly_fee).</summary>
        public decimal LocalNumberPrice { get; set; } = 3.00m;

        /// <summary>The same for a toll-free number.</summary>
        public decimal TollNumberPrice { get; set; } = 5.00m;

        /// <summary>Numbers each account owns at the start.</summary>
        public int NumberCount { get; set; } = 6;

        /// <summary>Numbers available for purchase per area code (search_number offers the first of them not yet bought).</summary>
        public int InventoryPerAreaCode { get; set; } = 40;

        /// <summary>Days of generated call logs and visit data, ending at the sandbox's anchor.</summary>
        public int ActivityDays { get; set; } = 30;

        /// <summary>Calls per account per day, on average (0 = no calls).</summary>
        public int CallsPerDay { get; set; } = 8;

        /// <summary>The user id of the account whose pincode a test connection uses (Connect-CallTracking -Sandbox); null = the agency.</summary>
        public string? TestAccount { get; set; }

        /// <summary>The reply format a test connection asks for (json or xml; null = the module's default); carried as the
        /// test credential's "Format" value, which becomes the connection's Format setting.</summary>
        public string? TestFormat { get; set; }

        /// <summary>The user id of client <paramref name="n"/> (1-based).</summary>
        public static string ClientUserId(int n) => "sandbox-client-" + n.ToString(CultureInfo.InvariantCulture);

        /// <summary>The pincode of client <paramref name="n"/> (1-based).</summary>
        public static string ClientPincode(int n) => ClientUserId(n) + "-pin";

        public const string IndividualUserId = "sandbox-individual";
        public const string IndividualPincode = "sandbox-individual-pin";

        /// <summary>Throws for a value the emulator cannot work with, naming the option.</summary>
        internal void Validate(string parameterName)
        {
            if (string.IsNullOrWhiteSpace(AgencyUserId)) throw new ArgumentException("AvidTrakOptions.AgencyUserId must not be empty.", parameterName);
            if (string.IsNullOrWhiteSpace(AgencyPincode)) throw new ArgumentException("AvidTrakOptions.AgencyPincode must not be empty.", parameterName);
            if (ClientCount < 0 || ClientCount > 1000) throw Range(parameterName, nameof(ClientCount), ClientCount, "must be 0 to 1000");
            if (NumberCount < 0 || NumberCount > 1000) throw Range(parameterName, nameof(NumberCount), NumberCount, "must be 0 to 1000");
            if (InventoryPerAreaCode < 0 || InventoryPerAreaCode > 1000) throw Range(parameterName, nameof(InventoryPerAreaCode), InventoryPerAreaCode, "must be 0 to 1000");
            if (ActivityDays < 1 || ActivityDays > 3660) throw Range(parameterName, nameof(ActivityDays), ActivityDays, "must be 1 to 3660");
            if (CallsPerDay < 0 || CallsPerDay > 1000) throw Range(parameterName, nameof(CallsPerDay), CallsPerDay, "must be 0 to 1000");
            if (AgencyBalance < 0 || ClientBalance < 0 || IndividualBalance < 0) throw Range(parameterName, "balances", null, "must not be negative");
            if (LocalNumberPrice < 0 || TollNumberPrice < 0) throw Range(parameterName, "prices", null, "must not be negative");
            if (TestFormat != null && TestFormat != "json" && TestFormat != "xml")
                throw Range(parameterName, nameof(TestFormat), TestFormat, "must be json or xml");
        }

        private static ArgumentOutOfRangeException Range(string parameterName, string option, object? value, string rule) =>
            new ArgumentOutOfRangeException(parameterName, value, "AvidTrakOptions." + option + " " + rule + ".");
    }
}
