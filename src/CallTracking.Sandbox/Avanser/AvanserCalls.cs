using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CallTracking.Sandbox.Avanser
{
    /// <summary>One computed call record: every value follows from (seed, index), so 20,000 or 20 million cost no memory.</summary>
    public sealed class AvanserCall
    {
        internal AvanserCall() { }

        public long Index { get; internal set; }
        public long Id { get; internal set; }
        public DateTimeOffset Start { get; internal set; }
        public DateTimeOffset End => Start.AddSeconds(Duration);
        public int Duration { get; internal set; }
        public int TalkDuration { get; internal set; }
        public int ConnectionDuration { get; internal set; }
        public int StatusCode { get; internal set; }
        public string StatusName { get; internal set; } = "";
        public string Disposition { get; internal set; } = "";
        public string CallerNumber { get; internal set; } = "";
        public string CallerState { get; internal set; } = "";
        public string CallerLocation { get; internal set; } = "";
        public string CallerCountry { get; internal set; } = "AU";
        public string TrackingNumber { get; internal set; } = "";
        public string TrackingName { get; internal set; } = "";
        public string TargetNumber { get; internal set; } = "";
        public string TargetName { get; internal set; } = "";
        public string CustomId { get; internal set; } = "";
        public string CustomGroup { get; internal set; } = "";
        public bool HasAudio { get; internal set; }
        public string UniqueId { get; internal set; } = "";
        public string Label { get; internal set; } = "";
        public long SpoolerId { get; internal set; }
        public string WebSource { get; internal set; } = "";
        public string WebMedium { get; internal set; } = "";
        public string WebCampaign { get; internal set; } = "";
        public string WebKeyword { get; internal set; } = "";
        public string WebUrl { get; internal set; } = "";
        public string Gclid { get; internal set; } = "";
        public string Ip { get; internal set; } = "";
        /// <summary>call_param_01…09 (feed) = cd_cp01…09 (callback); 01–07 numbers, 08–09 text.</summary>
        public IReadOnlyList<string> Params { get; internal set; } = Array.Empty<string>();
        /// <summary>Evaluation answers: eval_&lt;id&gt; → value.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Evaluations { get; internal set; } = Array.Empty<KeyValuePair<string, string>>();
        public double Sentiment { get; internal set; }

        public long UnixStart => Start.ToUnixTimeSeconds();
    }

    /// <summary>The call records: ids FirstCallId+1 … FirstCallId+CallCount, ascending in time, evenly over CallSpan before the anchor.</summary>
    public sealed class AvanserCalls
    {
        internal static readonly (int Code, string Name, string Disposition, int Weight)[] Statuses =
        {
            (0, "Answered", "ANSWERED", 60), (1, "Missed", "NO ANSWER", 15), (2, "Busy", "BUSY", 5), (3, "Failed", "FAILED", 3),
            (4, "No Answer", "NO ANSWER", 10), (7, "IVR", "IVR", 2), (8, "Voicemail", "ANSWERED", 5),
        };

        private static readonly (string State, string City, string Area)[] Places =
        {
            ("NSW", "Sydney", "02"), ("VIC", "Melbourne", "03"), ("QLD", "Brisbane", "07"), ("WA", "Perth", "08"), ("SA", "Adelaide", "08"), ("ACT", "Canberra", "02"),
        };

        private static readonly string[] Sources = { "google", "bing", "facebook", "(direct)", "newsletter" };
        private static readonly string[] Mediums = { "cpc", "organic", "social", "(none)", "email" };
        private static readonly string[] Keywords = { "plumber sydney", "emergency plumber", "blocked drain", "hot water repair", "" };

        private readonly AvanserOptions _options;
        private readonly ulong _seed;
        private readonly IReadOnlyList<AvanserService> _services;

        internal AvanserCalls(AvanserOptions options, int seed, DateTimeOffset anchor, IReadOnlyList<AvanserService> initialServices)
        {
            _options = options;
            _seed = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ 0xA5A5_0000_A5A5UL;
            Anchor = anchor.ToUniversalTime();
            _services = initialServices;
        }

        public DateTimeOffset Anchor { get; }
        public long Count => _options.CallCount;
        public long FirstId => _options.FirstCallId + 1;

        /// <summary>The start of call <paramref name="index"/> (1…Count), whole seconds; index Count starts at the anchor.</summary>
        public DateTimeOffset StartOf(long index)
        {
            var span = _options.CallSpan.Ticks;
            var n = Math.Max(1, Count);
            var offset = (long)((decimal)span * (n - index) / n);
            var t = Anchor.UtcTicks - offset;
            return new DateTimeOffset(t - t % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        }

        /// <summary>The smallest index whose start is at or after <paramref name="time"/> (Count + 1 when none).</summary>
        public long FirstIndexAtOrAfter(DateTimeOffset time)
        {
            long lo = 1, hi = Count + 1;
            while (lo < hi)
            {
                var mid = lo + (hi - lo) / 2;
                if (StartOf(mid) >= time) hi = mid; else lo = mid + 1;
            }
            return lo;
        }

        public AvanserCall? ById(long id)
        {
            var index = id - _options.FirstCallId;
            return index >= 1 && index <= Count ? Get(index) : null;
        }

        /// <summary>Call <paramref name="index"/> (1…Count).</summary>
        public AvanserCall Get(long index)
        {
            if (index < 1 || index > Count) throw new ArgumentOutOfRangeException(nameof(index), index, "A call index is 1 to " + Count + ".");
            var id = _options.FirstCallId + index;
            var rng = new SplitMix64(SplitMix64.Mix(_seed ^ (ulong)id));
            var start = StartOf(index);
            var status = PickStatus(rng.Next(100));
            var place = Places[rng.Next(Places.Length)];
            var answered = status.Code == 0 || status.Code == 8;
            var duration = answered ? 20 + rng.Next(600) : status.Code == 7 ? 10 + rng.Next(60) : rng.Next(30);
            var connection = answered ? 1 + rng.Next(8) : 0;
            var call = new AvanserCall
            {
                Index = index,
                Id = id,
                Start = start,
                Duration = duration,
                ConnectionDuration = connection,
                TalkDuration = answered ? Math.Max(0, duration - connection) : 0,
                StatusCode = status.Code,
                StatusName = status.Name,
                Disposition = status.Disposition,
                CallerNumber = rng.Chance(4) ? "Private" : "+61-" + place.Area + (10000000 + rng.Next(89999999)).ToString(CultureInfo.InvariantCulture),
                CallerState = place.State,
                CallerLocation = place.City,
                HasAudio = answered && rng.Chance(80),
                UniqueId = "ECS8-" + start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + (100000 + rng.Next(900000)).ToString(CultureInfo.InvariantCulture),
                Label = rng.Chance(10) ? "follow-up" : "",
                SpoolerId = 1 + rng.Next(9),
                Sentiment = Math.Round(rng.Next(1001) / 100.0, 2),
            };
            if (_services.Count > 0)
            {
                var s = _services[(int)(id % _services.Count)];
                call.TrackingNumber = s.Number; call.TrackingName = s.Name; call.TargetNumber = s.Target; call.TargetName = s.TargetName;
                call.CustomId = s.CustomId; call.CustomGroup = s.CustomGroup;
            }
            else
            {
                call.TrackingNumber = "+61-0289996235"; call.TrackingName = "Tracking Service Name"; call.TargetNumber = "+61-0289995916"; call.TargetName = "Target Name";
            }
            if (rng.Chance(60))
            {
                var w = rng.Next(Sources.Length);
                call.WebSource = Sources[w]; call.WebMedium = Mediums[w]; call.WebKeyword = Keywords[rng.Next(Keywords.Length)];
                call.WebCampaign = "campaign-" + (1 + rng.Next(5)).ToString(CultureInfo.InvariantCulture);
                call.WebUrl = "https://www.example.com.au/services/" + (1 + rng.Next(20)).ToString(CultureInfo.InvariantCulture);
                call.Gclid = w == 0 ? "Cj0KCQ" + rng.Next(1_000_000).ToString("D6", CultureInfo.InvariantCulture) : "";
                call.Ip = "203.0." + rng.Next(256).ToString(CultureInfo.InvariantCulture) + "." + (1 + rng.Next(254)).ToString(CultureInfo.InvariantCulture);
            }
            var ps = new string[9];
            for (var p = 0; p < 7; p++) ps[p] = rng.Chance(20) ? (1 + rng.Next(9)).ToString(CultureInfo.InvariantCulture) : "0";
            ps[7] = rng.Chance(20) ? "ref-" + rng.Next(10000).ToString(CultureInfo.InvariantCulture) : "";
            ps[8] = "";
            call.Params = ps;
            call.Evaluations = answered
                ? new[] { new KeyValuePair<string, string>("eval_1", rng.Chance(50) ? "yes" : "no"), new KeyValuePair<string, string>("eval_2", (1 + rng.Next(5)).ToString(CultureInfo.InvariantCulture)) }
                : Array.Empty<KeyValuePair<string, string>>();
            return call;
        }

        private static (int Code, string Name, string Disposition, int Weight) PickStatus(int roll)
        {
            foreach (var s in Statuses)
            {
                if (roll < s.Weight) return s;
                roll -= s.Weight;
            }
            return Statuses[0];
        }

        /// <summary>A small deterministic WAV (8 kHz, 8-bit mono, 0.25 s of a tone that depends on the call id).</summary>
        public static byte[] Audio(long callId)
        {
            const int rate = 8000, samples = 2000;
            var freq = 300 + (int)(callId % 500);
            var bytes = new byte[44 + samples];
            void Text(int at, string s) { for (var i = 0; i < s.Length; i++) bytes[at + i] = (byte)s[i]; }
            void Int(int at, int v) { bytes[at] = (byte)v; bytes[at + 1] = (byte)(v >> 8); bytes[at + 2] = (byte)(v >> 16); bytes[at + 3] = (byte)(v >> 24); }
            void Short(int at, int v) { bytes[at] = (byte)v; bytes[at + 1] = (byte)(v >> 8); }
            Text(0, "RIFF"); Int(4, 36 + samples); Text(8, "WAVE"); Text(12, "fmt "); Int(16, 16); Short(20, 1); Short(22, 1);
            Int(24, rate); Int(28, rate); Short(32, 1); Short(34, 8); Text(36, "data"); Int(40, samples);
            for (var i = 0; i < samples; i++) bytes[44 + i] = (byte)(128 + (int)(60 * Math.Sin(2 * Math.PI * freq * i / rate)));
            return bytes;
        }

        internal static string Local(DateTimeOffset utc, TimeSpan offset) => utc.ToOffset(offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        internal static string Tz(DateTimeOffset utc, TimeSpan offset)
        {
            var local = utc.ToOffset(offset);
            var sign = offset < TimeSpan.Zero ? "-" : "+";
            var abs = offset.Duration();
            return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + sign + abs.Hours.ToString("D2", CultureInfo.InvariantCulture) + abs.Minutes.ToString("D2", CultureInfo.InvariantCulture);
        }

        /// <summary>The seed's callback tags of a call (name without brackets → value).</summary>
        public Dictionary<string, string> CallbackTags(AvanserCall c, Uri? audioBase)
        {
            var o = _options.TimeZoneOffset;
            var e164 = (Func<string, string>)(n => n.StartsWith("+", StringComparison.Ordinal) ? "+" + n.Substring(1).Replace("-", "").TrimStart() : n);
            var inv = CultureInfo.InvariantCulture;
            var tags = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["clientid"] = _options.ClientId, ["callid"] = c.Id.ToString(inv), ["uniqueid"] = c.UniqueId, ["bnum"] = c.TrackingNumber,
                ["adname"] = c.TrackingName, ["target"] = c.TargetNumber, ["targetname"] = c.TargetName, ["ani"] = c.CallerNumber,
                ["tzdate"] = Tz(c.Start, o), ["duration"] = c.Duration.ToString(inv), ["callstatus"] = c.StatusName, ["callcode"] = c.StatusCode.ToString(inv),
                ["clocation"] = c.CallerLocation, ["cstate"] = c.CallerState, ["ccountry"] = c.CallerCountry, ["tag"] = c.CustomId, ["curl"] = c.CustomGroup,
                ["unixtime"] = c.UnixStart.ToString(inv), ["calldate"] = c.Start.ToOffset(o).ToString("dd/MM/yyyy", inv), ["ucalldate"] = c.UnixStart.ToString(inv),
                ["label"] = c.Label, ["ivr"] = c.StatusCode == 7 ? "1,2" : "",
                ["dl:url"] = c.WebUrl, ["dl:source"] = c.WebSource, ["dl:medium"] = c.WebMedium, ["dl:term"] = c.WebKeyword, ["dl:campaign"] = c.WebCampaign,
                ["dl:location"] = c.WebUrl.Length > 0 ? c.CallerLocation : "", ["dl:state"] = c.WebUrl.Length > 0 ? c.CallerState : "", ["dl:country"] = c.WebUrl.Length > 0 ? "AU" : "",
                ["web:usercode"] = c.WebUrl.Length > 0 ? (1_000_000_000 + c.Id % 1_000_000_000).ToString(inv) : "",
                ["web:sessioncode"] = c.WebUrl.Length > 0 ? c.UnixStart.ToString(inv) : "", ["web:gclid"] = c.Gclid,
                ["audio"] = c.HasAudio && audioBase != null ? audioBase + "?action=getAudio&call_id=" + c.Id.ToString(inv) : "",
                ["aparty:e164"] = e164(c.CallerNumber), ["aparty:state"] = c.CallerState, ["aparty:country"] = c.CallerCountry,
                ["bparty:e164"] = e164(c.TrackingNumber), ["cparty:e164"] = e164(c.TargetNumber), ["cparty:country"] = "AU",
                ["call:disposition"] = c.Disposition, ["call:utcdate"] = c.Start.ToString("yyyy-MM-dd HH:mm:ss", inv), ["call:direction"] = "call-in",
                ["sentiment:score"] = c.Sentiment.ToString("0.##", inv), ["sentiment:agent"] = Math.Round(c.Sentiment * 0.9, 2).ToString("0.##", inv),
                ["sentiment:caller"] = Math.Round(c.Sentiment * 0.8, 2).ToString("0.##", inv), ["sentiment:talkMost"] = c.Id % 2 == 0 ? "agent" : "caller",
                ["sentiment:communication"] = Math.Round(c.Sentiment * 0.7, 2).ToString("0.##", inv), ["sentiment:conduct"] = Math.Round(c.Sentiment * 0.6, 2).ToString("0.##", inv),
                ["sentiment:politeness"] = Math.Round(c.Sentiment * 0.5, 2).ToString("0.##", inv), ["sentiment:highRisk"] = c.Sentiment < 2 ? "1" : "0",
                ["sentiment:badAttitude"] = c.Sentiment < 1 ? "1" : "0", ["sentiment:slangUsed"] = c.Id % 7 == 0 ? "1" : "0", ["sentiment:profanityUsed"] = c.Id % 13 == 0 ? "1" : "0",
            };
            for (var p = 1; p <= 10; p++)
            {
                var n = p.ToString("D2", inv);
                tags["cd_cp" + n] = p <= 9 ? c.Params[p - 1] : "";
                tags["feat" + n] = "feature" + n;
            }
            return tags;
        }

        /// <summary>The seed's full tag list, in its order (the query a callback without a template gets).</summary>
        public static readonly IReadOnlyList<(string Query, string Tag)> FullTagList = BuildTagList();

        private static IReadOnlyList<(string, string)> BuildTagList()
        {
            var list = new List<(string, string)>
            {
                ("clientid", "clientid"), ("callid", "callid"), ("callstatus", "callstatus"), ("callcode", "callcode"), ("uniqueid", "uniqueid"), ("adname", "adname"),
                ("bnum", "bnum"), ("duration", "duration"), ("unixtime", "unixtime"), ("tzdate", "tzdate"), ("calldate", "calldate"), ("ucalldate", "ucalldate"),
                ("ani", "ani"), ("target", "target"), ("clocation", "clocation"), ("cstate", "cstate"), ("ccountry", "ccountry"), ("targetname", "targetname"), ("label", "label"),
            };
            for (var p = 1; p <= 10; p++)
            {
                var n = p.ToString("D2", CultureInfo.InvariantCulture);
                list.Add(("cd_cp" + n, "cd_cp" + n));
                list.Add(("feat" + n, "feat" + n));
            }
            foreach (var t in new[] { "ivr", "dl:url", "dl:source", "dl:medium", "dl:term", "dl:campaign", "dl:location", "dl:state", "dl:country", "web:usercode", "web:sessioncode", "web:gclid", "audio",
                "aparty:e164", "aparty:state", "aparty:country", "bparty:e164", "cparty:e164", "cparty:country", "call:disposition", "call:utcdate", "call:direction",
                "sentiment:score", "sentiment:agent", "sentiment:caller", "sentiment:talkMost", "sentiment:communication", "sentiment:conduct", "sentiment:politeness",
                "sentiment:highRisk", "sentiment:badAttitude", "sentiment:slangUsed", "sentiment:profanityUsed" })
                list.Add((t, t));
            list.Add(("custom_id", "tag"));
            list.Add(("custom_group", "curl"));
            return list;
        }

        /// <summary>The callback URL of <paramref name="call"/>: every [[tag]] of <paramref name="template"/> replaced (URL-encoded); a
        /// template with no tag gets the seed's full tag list appended as its query.</summary>
        public Uri CallbackUrl(Uri template, AvanserCall call, Uri? audioBase)
        {
            var tags = CallbackTags(call, audioBase);
            var text = template.OriginalString;
            if (text.IndexOf("[[", StringComparison.Ordinal) < 0)
            {
                var sb = new StringBuilder(text);
                var first = text.IndexOf('?') < 0;
                foreach (var (query, tag) in FullTagList)
                {
                    sb.Append(first ? '?' : '&').Append(query).Append("=[[").Append(tag).Append("]]");
                    first = false;
                }
                text = sb.ToString();
            }
            return new Uri(Substitute(text, tags));
        }

        internal static string Substitute(string text, IReadOnlyDictionary<string, string> values)
        {
            var sb = new StringBuilder(text.Length + 256);
            var at = 0;
            while (at < text.Length)
            {
                var open = text.IndexOf("[[", at, StringComparison.Ordinal);
                var close = open < 0 ? -1 : text.IndexOf("]]", open + 2, StringComparison.Ordinal);
                if (close < 0) { sb.Append(text, at, text.Length - at); break; }
                sb.Append(text, at, open - at);
                var name = text.Substring(open + 2, close - open - 2);
                sb.Append(values.TryGetValue(name, out var v) ? Uri.EscapeDataString(v) : "");
                at = close + 2;
            }
            return sb.ToString();
        }
    }
}
