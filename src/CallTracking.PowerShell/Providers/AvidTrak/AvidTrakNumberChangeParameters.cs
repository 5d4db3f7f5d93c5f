using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>
    /// Set-TrackingNumber on an AvidTrak connection: -Channel is assign_number (numbers of one channel share a request);
    /// the call settings are update_number_setting [seed]. Only what is given is sent.
    /// </summary>
    [CmdletParameters(AvidTrakApi.ProviderName, "Set-TrackingNumber")]
    public sealed class AvidTrakNumberChangeParameters : ProviderParameters
    {
        /// <summary>The channel to assign the number to (assign_number type): gppc, gseo, yppc, yseo, bppc, bseo, direct, universal, lite, linksource.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("type")]
        [SeedList(typeof(AvidTrakApi), nameof(AvidTrakApi.Channels))]
        public string? Channel { get; set; }

        /// <summary>Records calls (recording; CSV: true/false/yes/no/1/0).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BooleanTransformation(nameof(Recording))]
        public SwitchParameter Recording { get; set; }

        /// <summary>What the caller hears first (greet_caller).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("greet_caller")]
        public string? GreetCaller { get; set; }

        /// <summary>What the person answering hears before the call is connected (whisper_message).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("whisper_message")]
        public string? WhisperMessage { get; set; }

        /// <summary>Mails call data (enable_email; CSV: true/false/yes/no/1/0).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("enable_email")]
        [BooleanTransformation(nameof(EnableEmail))]
        public SwitchParameter EnableEmail { get; set; }

        /// <summary>The addresses call data is mailed to (email_alerts; CSV: several separated by ';'); an empty list clears them.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("email_alerts")]
        [StringListTransformation(nameof(EmailAlert))]
        public string[]? EmailAlert { get; set; }

        public override ProviderOptions ToOptions() => new AvidTrakNumberUpdate
        {
            Channel = IsBound(nameof(Channel)) ? Base.AllowedValues.Canonical(Channel, AvidTrakApi.Channels) : null,
            Recording = SwitchState(nameof(Recording), Recording),
            GreetCaller = IsBound(nameof(GreetCaller)) ? GreetCaller : null,
            WhisperMessage = IsBound(nameof(WhisperMessage)) ? WhisperMessage : null,
            EnableEmail = SwitchState(nameof(EnableEmail), EnableEmail),
            EmailAlerts = IsBound(nameof(EmailAlert)) ? (EmailAlert ?? new string[0]) : null,
        };
    }
}
