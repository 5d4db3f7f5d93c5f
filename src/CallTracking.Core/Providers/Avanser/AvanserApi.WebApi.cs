namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>The WebAPI's call-reporting names (getCDR, getAudio); the wire contract is docs/wire-avanser.md.</summary>
    public static partial class AvanserApi
    {
        // ---- getCDR [notes] (code) -----------------------------------------------------------------------------------
        /// <summary>[notes] code: action=getCDR.</summary>
        public const string GetCdrAction = "getCDR";
        /// <summary>[notes] code: action=getAudio&amp;call_id.</summary>
        public const string GetAudioAction = "getAudio";
        /// <summary>[notes] code.</summary>
        public const string DateFrom = "date_from";
        /// <summary>[notes] code.</summary>
        public const string DateTo = "date_to";
        /// <summary>[notes] code: records with a greater id.</summary>
        public const string LastId = "last_id";
        /// <summary>[notes] code.</summary>
        public const string Limit = "limit";
        /// <summary>[notes] code: getAudio's parameter.</summary>
        public const string CallId = "call_id";
        /// <summary>[assumed] `YYYY-MM-DD HH:MM:SS` in UTC (the notes give the names, not the format; the date form of the portal's exports).</summary>
        public const string DateFormat = "yyyy-MM-dd HH:mm:ss";
        /// <summary>[assumed] default 100, at most 1000 per page (the notes give `limit` without bounds).</summary>
        public const int DefaultCdrPageSize = 1000;
        public const int MaxCdrPageSize = 1000;
        /// <summary>[assumed] without -Start, the last 90 days before -End (a bounded default so a bare Get-CallLog does not walk the whole history).</summary>
        public const int DefaultCdrDays = 90;

        // ---- getCDR's yes/no flags [notes] (code) ---------------------------------------------------------------------
        public const string EvaluationsFlag = "evaluations";
        public const string FeaturesFlag = "features";
        /// <summary>[notes] code: `wav` (the switch is -Audio).</summary>
        public const string AudioFlag = "wav";
        public const string WebFlag = "web";
        public const string DetailedFlag = "detailed";
        public const string LocalTimeFlag = "localtime";
        /// <summary>[notes] code: yes/no values.</summary>
        public const string Yes = "yes";

        // ---- getCDR reply [notes] (code); `count`, `last_id` [assumed] ---------------------------------------------------
        /// <summary>[notes] code: {"calls":[…]}.</summary>
        public const string CallsRoot = "calls";
        public static class CdrFields
        {
            public const string Id = "id";
            /// <summary>[assumed] format `YYYY-MM-DD HH:MM:SS`, UTC (the account's local time with localtime=yes).</summary>
            public const string Date = "date";
            /// <summary>Seconds.</summary>
            public const string Duration = "duration";
            /// <summary>The tracking number called.</summary>
            public const string AnswerNumber = "answer_number";
            public const string AnswerName = "answer_name";
            public const string TargetNumber = "target_number";
            public const string TargetName = "target_name";
            public const string CallerNumber = "caller_number";
            public const string Country = "country";
            public const string State = "state";
            public const string Location = "location";
            public const string StatusCode = "status_code";
            public const string StatusName = "status_name";
            public const string SpoolerId = "spooler_id";
            public const string Label = "label";
            public const string Type = "type";
            /// <summary>[seed] the reporting APIs report them.</summary>
            public const string CustomId = "custom_id";
            public const string CustomGroup = "custom_group";
            // web=yes [notes] (misspellings AVANSER's own)
            public const string WebReferrer = "webReferrer";
            public const string WebUrl = "webUrl";
            public const string WebLanding = "webLandning";
            public const string WebConversion = "webConversion";
            public const string WebCampaign = "webCampagin";
            public const string WebKeyword = "webKeyword";
            public const string WebMedium = "webMedium";
            public const string WebSource = "webSource";
            public const string Ip = "IP";
            public const string IpLocation = "IPlocation";
            /// <summary>wav=yes [notes]: the getAudio URL, "" when none.</summary>
            public const string Audio = "audio";
            /// <summary>evaluations=yes [notes]: eval_&lt;id&gt; fields.</summary>
            public const string EvaluationPrefix = "eval_";
            /// <summary>features=yes [assumed]: the callback's featNN / cd_cpNN names [seed].</summary>
            public const string FeatureNamePrefix = "feat";
            public const string FeatureValuePrefix = "cd_cp";
            // detailed=yes [assumed]: the feed's concepts
            public const string UniqueId = "unique_id";
            public const string TzDate = "tz_date";
            public const string UnixDate = "u_date";
            public const string CallDirection = "call_direction";
        }

        /// <summary>[assumed] audio/wav when the reply names no type (the sandbox's and the portal's format).</summary>
        public const string DefaultAudioExtension = ".wav";

        /// <summary>[assumed] getAudio's recording is any reply that is not a JSON, XML, HTML or text body (those are AVANSER's
        /// answers, errors included, and are judged as such): audio/*, application/octet-stream, or no media type.</summary>
        public static bool IsAudioReply(string? mediaType)
        {
            if (string.IsNullOrEmpty(mediaType)) return true;
            var m = mediaType!.ToLowerInvariant();
            return !(m.StartsWith("text/", System.StringComparison.Ordinal) || m.Contains("json") || m.Contains("xml") || m.Contains("html"));
        }
    }
}
