using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>One tag of the HTTP callback (or SMS forward): the [[tag]], the query parameter a template names it by, and the
    /// property of the typed record it lands in (a dotted path for the sub-objects: "Sentiment.TalkMost").</summary>
    public sealed class AvanserCallbackTag
    {
        public AvanserCallbackTag(string tag, string parameter, string property, string source, string description)
        {
            Tag = tag;
            Parameter = parameter;
            Property = property;
            Source = source;
            Description = description;
        }

        /// <summary>The tag as AVANSER writes it between [[ and ]] ("dl:url").</summary>
        public string Tag { get; }
        /// <summary>The query parameter New-CallbackUriTemplate gives it ("dl_url").</summary>
        public string Parameter { get; }
        /// <summary>The typed property it lands in.</summary>
        public string Property { get; }
        /// <summary>[seed], [notes] or [assumed] with the reason.</summary>
        public string Source { get; }
        public string Description { get; }

        /// <summary>The placeholder AVANSER replaces: [[tag]].</summary>
        public string Placeholder => "[[" + Tag + "]]";

        public override string ToString() => Placeholder;
    }

    public static partial class AvanserApi
    {
        // ---- HTTP callback [seed] "HTTP Callback" and "HTTP Callback: Full Parameter List" -------------------------------------------
        // The callback URL is the customer's own: AVANSER replaces each [[tag]] in it with the call's value. The query parameter
        // names are the customer's choice too; where the seed's example URL names one (clientid=[[clientid]], custom_id=[[tag]],
        // custom_group=[[curl]]) the template uses it [seed]; for the other tags the seed names none, and the template uses the
        // tag with ':' written '_' ("dl:url" → dl_url) [assumed: ':' is legal in a query name but easily mangled by proxies and
        // log tools]. ConvertFrom-CallbackUri reads a parameter by the template's name, by the tag itself ("dl:url") and by the
        // seed's example name, ignoring case, so a URL written by hand by either convention converts.

        private static AvanserCallbackTag T(string tag, string parameter, string property, string source, string description)
            => new AvanserCallbackTag(tag, parameter, property, source, description);

        private static string P(string tag) => tag.Replace(':', '_');

        /// <summary>Every tag of the seed's callback list, once, in the seed's order (the example's custom_id/custom_group last).</summary>
        public static readonly IReadOnlyList<AvanserCallbackTag> CallbackTagDefinitions = BuildCallbackTags();

        private static IReadOnlyList<AvanserCallbackTag> BuildCallbackTags()
        {
            var list = new List<AvanserCallbackTag>
            {
                T("clientid", "clientid", "ClientId", "[seed]", "AVANSER's Client ID, unique for each account"),
                T("callid", "callid", "Id", "[seed]", "AVANSER's Call ID, unique for each call"),
                T("callstatus", "callstatus", "Status", "[seed]", "Descriptive text of the call status"),
                T("callcode", "callcode", "StatusCode", "[seed]", "Call status code 0,1,2,3,4,7,8"),
                T("uniqueid", "uniqueid", "UniqueId", "[seed]", "Unique id (tag) for each call"),
                T("adname", "adname", "TrackingName", "[seed]", "adSource name: the tracking number's friendly name"),
                T("bnum", "bnum", "CalledNumber", "[seed]", "Service tracking number (format +CC-LOCAL), E.164 here"),
                T("duration", "duration", "TotalDuration", "[seed]", "Call duration in seconds"),
                T("unixtime", "unixtime", "UnixTime", "[seed]", "Unix timestamp of the call"),
                T("tzdate", "tzdate", "CreatedAt", "[seed]", "ISO 8601 date with time zone"),
                T("calldate", "calldate", "CallDate", "[seed]", "Call date, day/month/year"),
                T("ucalldate", "ucalldate", "CallDateUtc", "[seed]", "UTC timestamp of the call (seconds)"),
                T("ani", "ani", "CallerNumber", "[seed]", "Calling number (format +CC-LOCAL) or \"Private\" (then CallerNumber is empty and CallerPrivate true)"),
                T("target", "target", "ConnectedTo", "[seed]", "Answer point the call was sent to"),
                T("clocation", "clocation", "CallerCity", "[seed]", "Detected caller location"),
                T("cstate", "cstate", "CallerState", "[seed]", "Detected caller state"),
                T("ccountry", "ccountry", "CallerCountry", "[seed]", "Detected caller country"),
                T("targetname", "targetname", "TargetName", "[seed]", "Answer point name as configured in the Portal"),
                T("label", "label", "Label", "[seed]", "Call label set through the dialler"),
            };
            for (var i = 1; i <= FeatureCount; i++)
            {
                var n = i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
                list.Add(T("cd_cp" + n, "cd_cp" + n, "Features[" + i + "].Value", "[seed]", "Feature tracking: value of feature #" + i));
                list.Add(T("feat" + n, "feat" + n, "Features[" + i + "].Name", "[seed]", "Feature tracking: name of feature #" + i));
            }
            list.AddRange(new[]
            {
                T("ivr", "ivr", "IvrSelections", "[seed]", "IVR selections"),
                T("dl:url", P("dl:url"), "Web.Url", "[seed]", "Dynamic numbers: the page the user visited"),
                T("dl:source", P("dl:source"), "Web.Source", "[seed]", "Dynamic numbers: search source"),
                T("dl:medium", P("dl:medium"), "Web.Medium", "[seed]", "Dynamic numbers: search medium"),
                T("dl:term", P("dl:term"), "Web.Term", "[seed]", "Dynamic numbers: search keywords"),
                T("dl:campaign", P("dl:campaign"), "Web.Campaign", "[seed]", "Dynamic numbers: search campaign"),
                T("dl:location", P("dl:location"), "Web.Location", "[seed]", "Dynamic numbers: the user's location"),
                T("dl:state", P("dl:state"), "Web.State", "[seed]", "Dynamic numbers: the user's state"),
                T("dl:country", P("dl:country"), "Web.Country", "[seed]", "Dynamic numbers: the user's country"),
                T("web:usercode", P("web:usercode"), "Analytics.UserCode", "[seed]", "Google Analytics user code"),
                T("web:sessioncode", P("web:sessioncode"), "Analytics.SessionCode", "[seed]", "Google Analytics session code"),
                // [seed] "GA Client Id" is not a tag of its own but [[web:usercode]].[[web:sessioncode]]; the parameter name is
                // [assumed] (the seed names none): ga_clientid. Analytics.ClientId is also computed from the two codes.
                T("web:usercode]].[[web:sessioncode", "ga_clientid", "Analytics.ClientId", "[seed] tag pair; [assumed] parameter name", "Google Analytics client id (user code.session code)"),
                T("web:gclid", P("web:gclid"), "Analytics.Gclid", "[seed]", "Google click id"),
                T("audio", "audio", "RecordingUrl", "[seed]", "Downloadable audio URL"),
                T("aparty:e164", P("aparty:e164"), "APartyNumber.E164", "[seed]", "A-party (caller/callee) number, E.164"),
                T("aparty:state", P("aparty:state"), "APartyNumber.State", "[seed]", "A-party number's state"),
                T("aparty:country", P("aparty:country"), "APartyNumber.Country", "[seed]", "A-party number's country"),
                T("bparty:e164", P("bparty:e164"), "BPartyNumber.E164", "[seed]", "B-party (service) number, E.164"),
                T("cparty:e164", P("cparty:e164"), "CPartyNumber.E164", "[seed]", "C-party (caller/callee) number, E.164"),
                T("cparty:country", P("cparty:country"), "CPartyNumber.Country", "[seed]", "C-party number's country"),
                T("call:disposition", P("call:disposition"), "Disposition", "[seed]", "Hangup: IVR, BUSY, ANSWERED, NO ANSWER, FAILED"),
                T("call:utcdate", P("call:utcdate"), "UtcDate", "[seed]", "UTC call timestamp ([assumed] read as ISO 8601, 'Y-m-d H:i:s' in UTC, or Unix seconds: the seed gives no example)"),
                T("call:direction", P("call:direction"), "Direction", "[seed]", "Call direction, call-in or call-out"),
                T("sentiment:score", P("sentiment:score"), "Sentiment.Score", "[seed]", "Sentiment analysis: summary score"),
                T("sentiment:agent", P("sentiment:agent"), "Sentiment.Agent", "[seed]", "Sentiment analysis: agent score"),
                T("sentiment:caller", P("sentiment:caller"), "Sentiment.Caller", "[seed]", "Sentiment analysis: caller score"),
                T("sentiment:talkMost", P("sentiment:talkMost"), "Sentiment.TalkMost", "[seed]", "Sentiment analysis: who talked the most"),
                T("sentiment:communication", P("sentiment:communication"), "Sentiment.Communication", "[seed]", "Sentiment analysis: communication score"),
                T("sentiment:conduct", P("sentiment:conduct"), "Sentiment.Conduct", "[seed]", "Sentiment analysis: conduct score"),
                T("sentiment:politeness", P("sentiment:politeness"), "Sentiment.Politeness", "[seed]", "Sentiment analysis: agent politeness score"),
                T("sentiment:highRisk", P("sentiment:highRisk"), "Sentiment.HighRisk", "[seed]", "Sentiment analysis: call marked as high risk ([assumed] a yes/no flag: 1/0, true/false, yes/no)"),
                T("sentiment:badAttitude", P("sentiment:badAttitude"), "Sentiment.BadAttitude", "[seed]", "Sentiment analysis: bad agent attitude detected ([assumed] yes/no flag)"),
                T("sentiment:slangUsed", P("sentiment:slangUsed"), "Sentiment.SlangUsed", "[seed]", "Sentiment analysis: slang was used ([assumed] yes/no flag)"),
                T("sentiment:profanityUsed", P("sentiment:profanityUsed"), "Sentiment.ProfanityUsed", "[seed]", "Sentiment analysis: profanities were used ([assumed] yes/no flag)"),
                // [seed] example URL only: custom_id=[[tag]] and custom_group=[[curl]], "managed by the Telco API".
                T("tag", "custom_id", "CustomId", "[seed] example URL", "custom_id, set per number through the Telco API"),
                T("curl", "custom_group", "CustomGroup", "[seed] example URL", "custom_group, set per number through the Telco API"),
            });
            return list;
        }

        /// <summary>[seed] Feature tracking has call parameters and feature names #1 to #10.</summary>
        public const int FeatureCount = 10;

        /// <summary>The tags as -Tag of New-CallbackUriTemplate takes them (tab completion and validation read this list).</summary>
        public static readonly IReadOnlyList<string> CallbackTags = CallbackTagDefinitions.Where(t => t.Tag.IndexOf(']') < 0).Select(t => t.Tag)
            .Concat(new[] { GaClientIdTag }).ToList();

        /// <summary>The -Tag name of the GA client id pair ([assumed]: the seed's row has no single tag).</summary>
        public const string GaClientIdTag = "web:clientid";

        /// <summary>[seed] The tags of the seed's example URL, in its order: the default of New-CallbackUriTemplate without -Tag or -All.</summary>
        public static readonly IReadOnlyList<string> CallbackExampleTags = new[]
        {
            "clientid", "callid", "uniqueid", "bnum", "adname", "target", "targetname", "ani", "tzdate", "duration", "callstatus",
            "callcode", "clocation", "cstate", "ccountry", "tag", "curl",
        };

        /// <summary>[seed] Example callback URL's host and path (a placeholder; the customer's own server in practice).</summary>
        public const string CallbackExampleBaseUri = "https://www.client.com.au/avanser/call";

        /// <summary>[seed] ani is "Private" for a withheld number.</summary>
        public const string PrivateCaller = "Private";

        /// <summary>[assumed] AVANSER is an Australian provider and its numbers come as +CC-LOCAL: a national number without
        /// the +CC is read as Australian.</summary>
        public const string DefaultCountry = "AU";

        /// <summary>[seed] calldate is day/month/year.</summary>
        public const string CallDateFormat = "d/M/yyyy";

        /// <summary>The definition of a tag (by tag name or by parameter name, case ignored); null when none.</summary>
        public static AvanserCallbackTag? FindCallbackTag(string tagOrParameter)
        {
            if (string.Equals(tagOrParameter, GaClientIdTag, StringComparison.OrdinalIgnoreCase) || string.Equals(tagOrParameter, "ga_clientid", StringComparison.OrdinalIgnoreCase))
                return CallbackTagDefinitions.First(t => t.Parameter == "ga_clientid");
            return CallbackTagDefinitions.FirstOrDefault(t => string.Equals(t.Tag, tagOrParameter, StringComparison.OrdinalIgnoreCase))
                   ?? CallbackTagDefinitions.FirstOrDefault(t => string.Equals(t.Parameter, tagOrParameter, StringComparison.OrdinalIgnoreCase));
        }

        // ---- SMS forward ------------------------------------------------------------------------------------------------------------------
        // [seed] "HTTP url is called upon receiving an sms from an sms enabled number" (a virtual mobile tracking number); the
        // seed links the SMS forward reference but lists no parameter. Every name below is [assumed], chosen to match the
        // callback's own tags where the meaning is the same (clientid, bnum, ani, tzdate, unixtime), plus the message itself.
        // A URL is read as an SMS forward when it carries SmsMessage (or SmsMessageAliases) and no callid.

        /// <summary>Every SMS forward parameter, tag = parameter name ([assumed] all: the seed lists none).</summary>
        public static readonly IReadOnlyList<AvanserCallbackTag> SmsForwardFields = new[]
        {
            T("smsid", "smsid", "Id", "[assumed] (no SMS forward field is public; the message's id, as callid is the call's)", "The message's id"),
            T("clientid", "clientid", "ClientId", "[assumed] (as the callback's clientid)", "AVANSER's Client ID"),
            T("bnum", "bnum", "ToNumber", "[assumed] (as the callback's bnum: the virtual mobile tracking number)", "The tracking number that received the SMS, E.164"),
            T("ani", "ani", "FromNumber", "[assumed] (as the callback's ani: the sender)", "The sender's number, E.164"),
            T("message", "message", "Message", "[assumed] (the usual name for the text)", "The message text"),
            T("tzdate", "tzdate", "ReceivedAt", "[assumed] (as the callback's tzdate)", "When it was received, ISO 8601 with time zone"),
            T("unixtime", "unixtime", "UnixTime", "[assumed] (as the callback's unixtime)", "When it was received, Unix seconds"),
            T("tag", "custom_id", "CustomId", "[assumed] (as the callback's custom_id)", "custom_id of the number"),
            T("curl", "custom_group", "CustomGroup", "[assumed] (as the callback's custom_group)", "custom_group of the number"),
        };

        /// <summary>[assumed] Other names of the message text a hand-written forward URL may use.</summary>
        public static readonly IReadOnlyList<string> SmsMessageAliases = new[] { "message", "text", "sms", "body" };

        /// <summary>[assumed] Other names of the sender and receiver ("from", "to") a hand-written forward URL may use.</summary>
        public static readonly IReadOnlyList<string> SmsFromAliases = new[] { "ani", "from", "sender" };
        public static readonly IReadOnlyList<string> SmsToAliases = new[] { "bnum", "to", "recipient" };

        /// <summary>[assumed] Other names of the time received (ISO 8601) a hand-written forward URL may use.</summary>
        public static readonly IReadOnlyList<string> SmsDateAliases = new[] { "tzdate", "date", "received" };

        /// <summary>The query parameter Receive-CallEvent -Token checks (a secret: never shown, never kept in Raw). [assumed]: the
        /// customer adds token=… to the URL they give AVANSER, as the seed's example URL shows any fixed parameter may be.</summary>
        public const string CallbackTokenParameter = "token";
    }
}
