using System;
using System.Collections.Generic;
using CallTracking.Core.Model;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>An SMS received on an AVANSER virtual mobile tracking number, as its SMS forward URL reports it (fields:
    /// AvanserApi.SmsForwardFields, all assumed).</summary>
    public sealed class AvanserSmsForward : ProviderRecord
    {
        public AvanserSmsForward(string id, IReadOnlyDictionary<string, object?>? raw = null)
            : base(AvanserApi.ProviderName, id, raw)
        {
        }

        public long? ClientId { get; set; }
        /// <summary>The sender, E.164 (as sent when it does not read as a number).</summary>
        public string? FromNumber { get; set; }
        /// <summary>The tracking number that received it, E.164.</summary>
        public string? ToNumber { get; set; }
        public string? Message { get; set; }
        public DateTimeOffset? ReceivedAt { get; set; }
        public DateTimeOffset? UnixTime { get; set; }
        public string? CustomId { get; set; }
        public string? CustomGroup { get; set; }
        /// <summary>The forward URL as received (the token's value replaced by ***).</summary>
        public string? SourceUri { get; set; }
        public long LineNumber { get; set; }

        public override string Kind => "sms";

        public override string ToString() => Id;
    }

    /// <summary>
    /// What New-CallbackUriTemplate builds: the URL with [[tag]] placeholders to give AVANSER (portal or Telco API). Its
    /// CallbackUri property binds by name to a -CallbackUri parameter; ToString() is the URL, so it also pastes as text.
    /// </summary>
    public sealed class AvanserCallbackTemplate
    {
        public AvanserCallbackTemplate(string callbackUri, Uri baseUri, IReadOnlyList<string> tags)
        {
            CallbackUri = callbackUri;
            BaseUri = baseUri;
            Tags = tags;
        }

        /// <summary>The URL with its [[tag]] placeholders (not escaped: AVANSER replaces them before calling it).</summary>
        public string CallbackUri { get; }
        public Uri BaseUri { get; }
        /// <summary>The tags it asks for, in its order.</summary>
        public IReadOnlyList<string> Tags { get; }
        public string Provider => AvanserApi.ProviderName;

        public override string ToString() => CallbackUri;
    }
}
