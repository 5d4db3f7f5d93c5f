using System.Collections.Generic;
using CallTracking.Core.Model;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>An AvidTrak call (call_logs, or all_lite_calls for an offline campaign's calls).</summary>
    public sealed class AvidTrakCallRecord : CallRecord
    {
        public AvidTrakCallRecord(string id, IReadOnlyDictionary<string, object?>? raw = null)
            : base(AvidTrakApi.ProviderName, id, raw)
        {
        }

        /// <summary>The SID of the tracking number called.</summary>
        public string? Sid { get; set; }
        /// <summary>The number's channel (gppc…), or lite.</summary>
        public string? Channel { get; set; }
        public string? Campaign { get; set; }
        public string? CallerState { get; set; }
        /// <summary>True for a call of an offline (lite) campaign (Get-CallLog -Offline: all_lite_calls).</summary>
        public bool Offline { get; set; }
    }
}
