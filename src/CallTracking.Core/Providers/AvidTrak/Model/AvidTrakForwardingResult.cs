using CallTracking.Core.Model;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>A row of Set-/Remove-CallForwarding on AvidTrak: the shared result, with the number's SID as AvidTrak names it.</summary>
    public sealed class AvidTrakForwardingResult : ForwardingResult
    {
        public AvidTrakForwardingResult(string action) : base(AvidTrakApi.ProviderName, action)
        {
        }

        /// <summary>The number's SID (or the number, when the row gave one); null for -AllPro/-AllLite.</summary>
        public string? Sid => Id;
    }
}
