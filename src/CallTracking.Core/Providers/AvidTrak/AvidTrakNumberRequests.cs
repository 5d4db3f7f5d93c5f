using System;
using System.Collections.Generic;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;

namespace CallTracking.Core.Providers.AvidTrak
{
    // AvidTrak's options for the shared number, forwarding and call-log functions: built by its parameter classes in the
    // PowerShell layer (or by a script), read only by AvidTrakClient. Null = not given (not sent). Values are checked by the
    // client before anything goes out.

    /// <summary>Get-TrackingNumber: list_numbers filters [seed].</summary>
    public sealed class AvidTrakNumberQuery : ProviderOptions
    {
        public override string Provider => AvidTrakApi.ProviderName;
        /// <summary>toll or local.</summary>
        public string? NumberType { get; set; }
        /// <summary>assigned, unassigned or all.</summary>
        public string? AssignmentType { get; set; }
        public string? AreaCode { get; set; }
    }

    /// <summary>Find-TrackingNumber: search_number [seed].</summary>
    public sealed class AvidTrakNumberSearch : ProviderOptions
    {
        public override string Provider => AvidTrakApi.ProviderName;
        /// <summary>1 to 30.</summary>
        public int Quantity { get; set; }
        public string NumberType { get; set; } = string.Empty;
        public string AreaCode { get; set; } = string.Empty;
        /// <summary>ISO country; null = AvidTrak's default (US).</summary>
        public string? Country { get; set; }
    }

    /// <summary>New-TrackingNumber: purchase_number [seed]; several numbers become one request (spends money: sent once).</summary>
    public sealed class AvidTrakPurchase : ProviderOptions
    {
        public override string Provider => AvidTrakApi.ProviderName;
        public string NumberType { get; set; } = string.Empty;
        /// <summary>The numbers to buy, as found by Find-TrackingNumber (+E164 or national digits).</summary>
        public IReadOnlyList<string> Numbers { get; set; } = Array.Empty<string>();
        public string? Country { get; set; }
    }

    /// <summary>
    /// Set-TrackingNumber: assign_number (Channel, batched: one request per channel for many numbers) and
    /// update_number_setting (the call settings, one number per request) [seed]. Only what is set is sent.
    /// </summary>
    public sealed class AvidTrakNumberUpdate : ProviderOptions
    {
        public override string Provider => AvidTrakApi.ProviderName;
        internal AvidTrakNumberUpdate Copy() => (AvidTrakNumberUpdate)MemberwiseClone();

        /// <summary>gppc, gseo, yppc, yseo, bppc, bseo, direct, universal, lite or linksource (assign_number type).</summary>
        public string? Channel { get; set; }
        public bool? Recording { get; set; }
        public string? GreetCaller { get; set; }
        public string? WhisperMessage { get; set; }
        public bool? EnableEmail { get; set; }
        /// <summary>Addresses call data is mailed to (sent comma separated); an empty list clears them.</summary>
        public IReadOnlyList<string>? EmailAlerts { get; set; }

        public bool HasSettings => Recording.HasValue || GreetCaller != null || WhisperMessage != null || EnableEmail.HasValue || EmailAlerts != null;
    }

    /// <summary>Remove-TrackingNumber: return_number's location [seed] — telco deletes the number for good, agency gives it back.</summary>
    public sealed class AvidTrakRelease : ProviderOptions
    {
        public override string Provider => AvidTrakApi.ProviderName;
        /// <summary>telco or agency; required (no default: telco cannot be undone).</summary>
        public string? Location { get; set; }
    }

    /// <summary>Move-TrackingNumber: transfer_number to the client whose pin is given [seed] (sent once).</summary>
    public sealed class AvidTrakTransfer : ProviderOptions
    {
        public override string Provider => AvidTrakApi.ProviderName;
        /// <summary>The client's pincode (client_pin); unwrapped only while the request is built, never shown.</summary>
        public SecretValue? ClientPin { get; set; }
        /// <summary>The client's user name, for messages (the pin is never shown); null when only a pin was given.</summary>
        public string? ClientName { get; set; }

        public override string ToString() => "client " + (ClientName is null ? "(by pin)" : "'" + ClientName + "'");
    }

    /// <summary>Set-/Remove-CallForwarding: set_forwarding / remove_forwarding [seed].</summary>
    public sealed class AvidTrakForwarding : ProviderOptions
    {
        public override string Provider => AvidTrakApi.ProviderName;
        /// <summary>sid (the rows' numbers; the default), pro (every online number) or lite (every offline number).</summary>
        public string? Scope { get; set; }
        /// <summary>The extension dialled at the forward number (set_forwarding only).</summary>
        public string? Extension { get; set; }
    }

    /// <summary>Get-CallLog: call_logs, or all_lite_calls with Offline [seed].</summary>
    public sealed class AvidTrakCallQuery : ProviderOptions
    {
        public override string Provider => AvidTrakApi.ProviderName;
        public bool Offline { get; set; }
    }
}
