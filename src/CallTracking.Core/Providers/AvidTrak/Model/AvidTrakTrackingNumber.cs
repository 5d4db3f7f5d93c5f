using System;
using System.Collections.Generic;
using CallTracking.Core.Model;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// An AvidTrak number (list_numbers, purchase_number): its SID is the Id; the shared fields plus its type, area code,
    /// channel, forwarding extension and call settings.
    /// </summary>
    public sealed class AvidTrakTrackingNumber : TrackingNumber
    {
        public AvidTrakTrackingNumber(string sid, string number, IReadOnlyDictionary<string, object?>? raw = null)
            : base(AvidTrakApi.ProviderName, sid, number, raw)
        {
        }

        /// <summary>The number's SID (the same as Id): what AvidTrak's methods take as sid.</summary>
        public string Sid => Id;
        /// <summary>toll or local.</summary>
        public string? NumberType { get; set; }
        public string? AreaCode { get; set; }
        /// <summary>The marketing channel (gppc, gseo, … lite for an offline number); null when unassigned.</summary>
        public string? Channel { get; set; }
        /// <summary>The extension dialled at the forward number (ForwardTo).</summary>
        public string? Extension { get; set; }
        public bool? Recording { get; set; }
        /// <summary>What the caller hears when connected.</summary>
        public string? GreetCaller { get; set; }
        /// <summary>What the receiver hears on answering.</summary>
        public string? WhisperMessage { get; set; }
        /// <summary>Call data mailed to the account's default address.</summary>
        public bool? EnableEmail { get; set; }
        /// <summary>Further addresses call data is mailed to.</summary>
        public IReadOnlyList<string> EmailAlerts
        {
            get => _emailAlerts;
            set => _emailAlerts = ValueList.Of(value);
        }

        private ValueList _emailAlerts = ValueList.Empty;

        /// <summary>True for a number assigned to a channel (online, or lite for offline).</summary>
        public bool Assigned => Channel != null;
    }
}
