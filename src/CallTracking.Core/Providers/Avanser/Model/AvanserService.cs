using System.Collections.Generic;
using CallTracking.Core.Model;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>An AVANSER service: a tracking number with its service type, answer point and notifications (Telco API, names assumed).</summary>
    public sealed class AvanserService : TrackingNumber
    {
        public AvanserService(string serviceId, string number, IReadOnlyDictionary<string, object?>? raw = null)
            : base(AvanserApi.ProviderName, serviceId, number, raw)
        {
        }

        /// <summary>VoiceMail, Prompt or Transfer [seed].</summary>
        public string? ServiceType { get; set; }
        /// <summary>GEO, TOLLFREE, FREECALL or MOBILE.</summary>
        public string? NumberClass { get; set; }
        /// <summary>The answer point (Transfer), E.164 where it reads as one.</summary>
        public string? Target { get; set; }
        public string? TargetName { get; set; }
        /// <summary>The recording played (VoiceMail, Prompt).</summary>
        public string? Recording { get; set; }
        // ValueList: Export-Csv writes "a@x.com; b@y.com", which splits back in Set-TrackingNumber.
        public IReadOnlyList<string> EmailNotifications { get => _email; set => _email = ValueList.Of(value); }
        public IReadOnlyList<string> SmsNotifications { get => _sms; set => _sms = ValueList.Of(value); }
        private ValueList _email = ValueList.Empty;
        private ValueList _sms = ValueList.Empty;
        public string? CallbackUri { get; set; }
        public string? SmsForwardUri { get; set; }
        public string? CustomId { get; set; }
        public string? CustomGroup { get; set; }
        /// <summary>pending (until its request completes), active or decommissioned.</summary>
        public string? Status { get; set; }
    }

    /// <summary>A number in AVANSER's stock (Find-TrackingNumber): its class and pool (private stock is listed first).</summary>
    public sealed class AvanserStockNumber : AvailableNumber
    {
        public AvanserStockNumber(string number, IReadOnlyDictionary<string, object?>? raw = null)
            : base(AvanserApi.ProviderName, number, raw)
        {
        }

        public string? NumberClass { get; set; }
        /// <summary>private or public.</summary>
        public string? Pool { get; set; }
        public string? State { get; set; }
    }
}
