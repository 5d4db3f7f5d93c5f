using System;
using System.Linq;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.Avanser;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.Avanser
{
    /// <summary>
    /// A service's settings, for New-TrackingNumber and Set-TrackingNumber on an AVANSER connection (names assumed:
    /// docs/wire-avanser.md). They bind by property name from a CSV; -CallbackUri also from New-CallbackUriTemplate's object.
    /// </summary>
    public abstract class AvanserServiceParameters : ProviderParameters
    {
        /// <summary>The tracking number's name (name; the callback's adname).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        /// <summary>The answer point calls are transferred to (target; required for Transfer).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("target")]
        public string? AnswerPoint { get; set; }

        /// <summary>The answer point's name (target_name).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("target_name")]
        public string? AnswerPointName { get; set; }

        /// <summary>The recording played (recording; required for VoiceMail and Prompt).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Recording { get; set; }

        /// <summary>E-mail addresses notified of calls and messages (email_notifications; CSV: several separated by ';').</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("email_notifications", "EmailNotifications")]
        [StringListTransformation(nameof(EmailNotification))]
        public string[]? EmailNotification { get; set; }

        /// <summary>Mobile numbers notified by SMS (sms_notifications; CSV: several separated by ';').</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("sms_notifications", "SmsNotifications")]
        [StringListTransformation(nameof(SmsNotification))]
        public string[]? SmsNotification { get; set; }

        /// <summary>The per-call HTTP callback URL with [[tag]]s (callback_uri): a URL, or New-CallbackUriTemplate's object.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("callback_uri")]
        public string? CallbackUri { get; set; }

        /// <summary>Where SMS received by a MOBILE number are forwarded (sms_forward_uri).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("sms_forward_uri")]
        public string? SmsForwardUri { get; set; }

        /// <summary>Called by AVANSER when the provisioning request completes (request_callback_uri).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("request_callback_uri")]
        public string? RequestCallbackUri { get; set; }

        /// <summary>Your own id for the number, reported with its calls (custom_id) [seed].</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("custom_id")]
        public string? CustomId { get; set; }

        /// <summary>Your own group for the number, reported with its calls (custom_group) [seed].</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("custom_group")]
        public string? CustomGroup { get; set; }

        /// <summary>The settings given (on the command line or from the pipeline); null for those not given.</summary>
        protected AvanserServiceRequest Settings() => new AvanserServiceRequest
        {
            Name = Given(nameof(Name), Name),
            AnswerPoint = Given(nameof(AnswerPoint), AnswerPoint),
            AnswerPointName = Given(nameof(AnswerPointName), AnswerPointName),
            Recording = Given(nameof(Recording), Recording),
            EmailNotifications = IsBound(nameof(EmailNotification)) ? (EmailNotification ?? Array.Empty<string>()).Where(e => !string.IsNullOrWhiteSpace(e)).ToArray() : null,
            SmsNotifications = IsBound(nameof(SmsNotification)) ? (SmsNotification ?? Array.Empty<string>()).Where(e => !string.IsNullOrWhiteSpace(e)).ToArray() : null,
            CallbackUri = Given(nameof(CallbackUri), CallbackUri),
            SmsForwardUri = Given(nameof(SmsForwardUri), SmsForwardUri),
            RequestCallbackUri = Given(nameof(RequestCallbackUri), RequestCallbackUri),
            CustomId = Given(nameof(CustomId), CustomId),
            CustomGroup = Given(nameof(CustomGroup), CustomGroup),
        };

        private string? Given(string name, string? value) => IsBound(name) && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    /// <summary>New-TrackingNumber on an AVANSER connection: POST services, a provisioning request answered at once.</summary>
    [CmdletParameters(AvanserApi.ProviderName, "New-TrackingNumber")]
    public sealed class AvanserNewServiceParameters : AvanserServiceParameters
    {
        /// <summary>VoiceMail, Prompt or Transfer (service_type) [seed].</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("service_type")]
        [SeedList(typeof(AvanserApi), nameof(AvanserApi.ServiceTypes))]
        public string ServiceType { get; set; } = string.Empty;

        /// <summary>GEO (the default), TOLLFREE, FREECALL or MOBILE (number_class).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("number_class")]
        [SeedList(typeof(AvanserApi), nameof(AvanserApi.NumberClasses))]
        public string? NumberClass { get; set; }

        /// <summary>A number from Find-TrackingNumber (number; default: the first available, private stock first).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Number { get; set; }

        public override ProviderOptions ToOptions()
        {
            var s = Settings();
            s.ServiceType = Base.AllowedValues.Canonical(ServiceType, AvanserApi.ServiceTypes);
            s.NumberClass = Base.AllowedValues.Canonical(NumberClass, AvanserApi.NumberClasses);
            s.Number = string.IsNullOrWhiteSpace(Number) ? null : Number;
            return s;
        }
    }

    /// <summary>Set-TrackingNumber on an AVANSER connection: PUT services/{id} with what is given, a provisioning request.</summary>
    [CmdletParameters(AvanserApi.ProviderName, "Set-TrackingNumber")]
    public sealed class AvanserServiceUpdateParameters : AvanserServiceParameters
    {
        /// <summary>A new service type: VoiceMail, Prompt or Transfer (service_type).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("service_type")]
        [SeedList(typeof(AvanserApi), nameof(AvanserApi.ServiceTypes))]
        public string? ServiceType { get; set; }

        public override ProviderOptions ToOptions()
        {
            var s = Settings();
            s.ServiceType = IsBound(nameof(ServiceType)) ? Base.AllowedValues.Canonical(ServiceType, AvanserApi.ServiceTypes) : null;
            return s;
        }
    }

    /// <summary>Get-ProvisioningRequest on an AVANSER connection: GET requests filtered by status.</summary>
    [CmdletParameters(AvanserApi.ProviderName, "Get-ProvisioningRequest", ParameterSetName = Base.ParameterSets.List, PipelineByPropertyName = "false")]
    public sealed class AvanserRequestListParameters : ProviderParameters
    {
        /// <summary>Only requests in this state: pending, completed or failed.</summary>
        [Parameter]
        [SeedList(typeof(AvanserApi), nameof(AvanserApi.RequestStatuses))]
        public string? Status { get; set; }

        public override ProviderOptions ToOptions() => new AvanserRequestQuery { Status = Base.AllowedValues.Canonical(Status, AvanserApi.RequestStatuses) };
    }
}
