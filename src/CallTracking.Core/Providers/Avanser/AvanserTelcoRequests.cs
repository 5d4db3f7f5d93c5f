using System.Collections.Generic;
using CallTracking.Core.Capabilities;

namespace CallTracking.Core.Providers.Avanser
{
    // What the cmdlets' AVANSER parameters ask of the Telco API (docs/wire-avanser.md); checked by the client before anything goes out.

    /// <summary>Get-TrackingNumber: services filtered by custom_id, custom_group, status.</summary>
    public sealed class AvanserServiceQuery : ProviderOptions
    {
        public override string Provider => AvanserApi.ProviderName;
        public string? CustomId { get; set; }
        public string? CustomGroup { get; set; }
        public string? Status { get; set; }
    }

    /// <summary>Find-TrackingNumber: the stock of one number class.</summary>
    public sealed class AvanserStockSearch : ProviderOptions
    {
        public override string Provider => AvanserApi.ProviderName;
        public string NumberClass { get; set; } = AvanserApi.DefaultNumberClass;
        public int? Limit { get; set; }
    }

    /// <summary>New-TrackingNumber (a new service) and Set-TrackingNumber (the fields to change; null = unchanged).</summary>
    public sealed class AvanserServiceRequest : ProviderOptions
    {
        public override string Provider => AvanserApi.ProviderName;
        public string? ServiceType { get; set; }
        public string? NumberClass { get; set; }
        public string? Number { get; set; }
        public string? Name { get; set; }
        public string? AnswerPoint { get; set; }
        public string? AnswerPointName { get; set; }
        public string? Recording { get; set; }
        public IReadOnlyList<string>? EmailNotifications { get; set; }
        public IReadOnlyList<string>? SmsNotifications { get; set; }
        public string? CallbackUri { get; set; }
        public string? SmsForwardUri { get; set; }
        public string? RequestCallbackUri { get; set; }
        public string? CustomId { get; set; }
        public string? CustomGroup { get; set; }
    }

    /// <summary>Get-ProvisioningRequest: requests filtered by status.</summary>
    public sealed class AvanserRequestQuery : ProviderOptions
    {
        public override string Provider => AvanserApi.ProviderName;
        public string? Status { get; set; }
    }
}
