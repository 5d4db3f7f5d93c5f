using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CallTracking.Core.Model;
using CallTracking.Core.Validation;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>
    /// Reads an AVANSER HTTP callback (or SMS forward) URL, or a web-server log line holding one, into an
    /// <see cref="AvanserCallRecord"/> (or <see cref="AvanserSmsForward"/>), and builds callback URL templates. A value that does
    /// not read as its type (a date, a number) leaves its property empty and stays in Raw: one bad value never costs the record.
    /// </summary>
    public static class AvanserCallbackParser
    {
        /// <summary>The mask that stands for the token's value in SourceUri.</summary>
        public const string Mask = "***";

        // "GET /path?query HTTP/1.1" in common/combined log format (and the request line of any access log).
        private static readonly Regex RequestLine = new Regex("\"(?:GET|POST|HEAD|PUT)\\s+(\\S+)(?:\\s+HTTP/[0-9.]+)?\"", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        private static readonly Regex Offset = new Regex("([+-]\\d{2})(\\d{2})$", RegexOptions.CultureInvariant);

        // ---- Templates -----------------------------------------------------------------------------------------------------

        /// <summary>
        /// The callback URL for <paramref name="baseUri"/> asking for <paramref name="tags"/> (AvanserApi.CallbackTags names;
        /// none = the seed's example URL's tags). The base URI's own query is kept, placeholders are appended.
        /// </summary>
        public static AvanserCallbackTemplate BuildTemplate(Uri baseUri, IEnumerable<string>? tags)
        {
            if (baseUri is null) throw new ArgumentNullException(nameof(baseUri));
            if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
                throw new CallTrackingArgumentException("BaseUri", baseUri.OriginalString, "an absolute http:// or https:// URL such as " + AvanserApi.CallbackExampleBaseUri);
            var wanted = (tags ?? Array.Empty<string>()).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
            if (wanted.Count == 0) wanted = AvanserApi.CallbackExampleTags.ToList();
            var definitions = new List<AvanserCallbackTag>();
            var names = new List<string>();
            foreach (var tag in wanted)
            {
                var d = AvanserApi.FindCallbackTag(tag);
                if (d is null || !AvanserApi.CallbackTags.Contains(tag, StringComparer.OrdinalIgnoreCase) && !string.Equals(d.Parameter, tag, StringComparison.OrdinalIgnoreCase))
                    throw new CallTrackingArgumentException("Tag", tag, "one of the AVANSER callback tags: " + string.Join(", ", AvanserApi.CallbackTags));
                if (definitions.Contains(d)) continue;
                definitions.Add(d);
                names.Add(d.Parameter == "ga_clientid" ? AvanserApi.GaClientIdTag : d.Tag);
            }
            var text = baseUri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            var query = baseUri.Query.TrimStart('?');
            var sb = new StringBuilder(text);
            sb.Append('?');
            if (query.Length > 0) sb.Append(query).Append('&');
            sb.Append(string.Join("&", definitions.Select(d => d.Parameter + "=" + d.Placeholder)));
            return new AvanserCallbackTemplate(sb.ToString(), baseUri, names);
        }

        // ---- Finding the URL in a line ------------------------------------------------------------------------------------

        /// <summary>The URL (or /path?query) a line holds: the line itself, a log line's request, or the first URL in it; null when none.</summary>
        public static string? ExtractUri(string? line)
        {
            if (string.IsNullOrWhiteSpace(line)) return null;
            var t = line!.Trim();
            if ((t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) && t.IndexOfAny(new[] { ' ', '\t' }) < 0) return t;
            if (t.StartsWith("/", StringComparison.Ordinal) && t.IndexOf('?') > 0 && t.IndexOfAny(new[] { ' ', '\t' }) < 0) return t;
            if (t.StartsWith("?", StringComparison.Ordinal) && t.IndexOfAny(new[] { ' ', '\t' }) < 0) return t;
            try
            {
                var request = RequestLine.Match(t);
                if (request.Success && request.Groups[1].Value.IndexOf('?') >= 0) return request.Groups[1].Value;
            }
            catch (RegexMatchTimeoutException)
            {
                // A hostile line: look at its words below.
            }
            // The words of the line (split at white space and quotes: linear, whatever the line holds), first an absolute
            // URL with a query anywhere in a word ("url=https://…"), then a /path?query word.
            var words = t.Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries);
            foreach (var word in words)
            {
                var at = word.IndexOf("http", StringComparison.OrdinalIgnoreCase);
                if (at < 0) continue;
                var candidate = word.Substring(at);
                if ((candidate.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || candidate.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) && candidate.IndexOf('?') > 0)
                    return candidate.TrimEnd(')', ']', ',', ';', '.');
            }
            foreach (var word in words)
                if (word.Length > 1 && word[0] == '/' && word[1] != '/' && word.IndexOf('?') > 0) return word.TrimEnd(')', ']', ',', ';', '.');
            return null;
        }

        private static readonly char[] WordBreaks = { ' ', '\t', '"', '\'', '<', '>', '\r', '\n' };

        // ---- Parsing ------------------------------------------------------------------------------------------------------

        /// <summary>The query of a URL (or /path?query, or ?query) as name/value pairs, unescaped, in order.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string uriOrQuery)
        {
            var q = uriOrQuery ?? string.Empty;
            var at = q.IndexOf('?');
            if (at >= 0) q = q.Substring(at + 1);
            var hash = q.IndexOf('#');
            if (hash >= 0) q = q.Substring(0, hash);
            var list = new List<KeyValuePair<string, string>>();
            foreach (var part in q.Split('&'))
            {
                if (part.Length == 0) continue;
                var eq = part.IndexOf('=');
                var name = Unescape(eq < 0 ? part : part.Substring(0, eq));
                var value = eq < 0 ? string.Empty : Unescape(part.Substring(eq + 1));
                if (name.Length > 0) list.Add(new KeyValuePair<string, string>(name, value));
            }
            return list;
        }

        private static string Unescape(string s)
        {
            try { return Uri.UnescapeDataString(s.Replace('+', ' ')); }
            catch (UriFormatException) { return s; }
        }

        /// <summary>
        /// Reads one line (a URL, a /path?query or a log line). Returns the record (AvanserCallRecord or AvanserSmsForward), or
        /// null with <paramref name="error"/> saying why the line holds no callback.
        /// </summary>
        public static ProviderRecord? TryParseLine(string? line, long lineNumber, out string? error)
        {
            var uri = ExtractUri(line);
            if (uri is null)
            {
                error = "holds no URL with a query (expected a callback URL such as " + AvanserApi.CallbackExampleBaseUri + "?callid=…, or a web-server log line with one)";
                return null;
            }
            return TryParse(uri, lineNumber, out error);
        }

        /// <summary>Reads a callback or SMS forward URL (absolute, /path?query or ?query).</summary>
        public static ProviderRecord? TryParse(string uri, long lineNumber, out string? error)
        {
            var pairs = ParseQuery(uri);
            var source = RedactToken(uri);
            var raw = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in pairs)
            {
                if (string.Equals(p.Key, AvanserApi.CallbackTokenParameter, StringComparison.OrdinalIgnoreCase)) continue; // a secret
                raw[p.Key] = raw.TryGetValue(p.Key, out var before) && before is string b && b.Length > 0 ? b + "," + p.Value : p.Value;
            }
            string? Get(params string[] names)
            {
                foreach (var n in names)
                    if (raw.TryGetValue(n, out var v) && v is string s && s.Length > 0 && !IsPlaceholder(s)) return s;
                return null;
            }

            var callId = Get("callid");
            var uniqueId = Get("uniqueid");
            var message = Get(AvanserApi.SmsMessageAliases.ToArray());
            if (callId is null && uniqueId is null && message is null)
            {
                error = raw.Count == 0
                    ? "has a URL without query parameters (" + source + "): no callid, uniqueid or SMS message"
                    : "has no callid or uniqueid (an AVANSER callback) and no message (an SMS forward) among its parameters (" + string.Join(", ", raw.Keys) + ")";
                return null;
            }
            error = null;
            if (callId is null && uniqueId is null) return ReadSms(raw, Get, source, lineNumber);
            return ReadCall(raw, callId ?? uniqueId!, source, lineNumber);
        }

        private static AvanserCallRecord ReadCall(Dictionary<string, object?> raw, string id, string source, long lineNumber)
        {
            var call = new AvanserCallRecord(id, raw) { SourceUri = source, LineNumber = lineNumber, InProgress = false };
            var features = new SortedDictionary<int, AvanserCallFeature>();
            foreach (var pair in raw)
            {
                var d = FindByName(pair.Key);
                if (d is null || !(pair.Value is string value) || value.Length == 0 || IsPlaceholder(value)) continue;
                Assign(call, d.Property, value, features);
            }
            call.Features = new AvanserCallFeatureList(features.Values.ToList());
            if (call.Analytics.ClientId is null && call.Analytics.UserCode != null && call.Analytics.SessionCode != null)
                call.Analytics.ClientId = call.Analytics.UserCode + "." + call.Analytics.SessionCode;
            call.CreatedAt ??= call.UtcDate ?? call.CallDateUtc ?? call.UnixTime;
            if (call.CreatedAt.HasValue && call.TotalDuration.HasValue) call.EndedAt = call.CreatedAt + call.TotalDuration;
            return call;
        }

        private static AvanserCallbackTag? FindByName(string name)
        {
            var d = AvanserApi.FindCallbackTag(name);
            if (d != null) return d;
            // The tag written with '_' for ':' the other way round, or with '-' ("dl-url").
            var alt = name.Replace('-', '_');
            return AvanserApi.CallbackTagDefinitions.FirstOrDefault(t => string.Equals(t.Parameter, alt, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Sets the property a tag maps to (AvanserApi.CallbackTagDefinitions' Property) from its text.</summary>
        private static void Assign(AvanserCallRecord c, string property, string v, SortedDictionary<int, AvanserCallFeature> features)
        {
            if (property.StartsWith("Features[", StringComparison.Ordinal))
            {
                var close = property.IndexOf(']');
                var index = int.Parse(property.Substring(9, close - 9), CultureInfo.InvariantCulture);
                if (!features.TryGetValue(index, out var f)) features[index] = f = new AvanserCallFeature(index);
                if (property.EndsWith(".Name", StringComparison.Ordinal)) f.Name = v; else f.Value = v;
                return;
            }
            switch (property)
            {
                case "ClientId": c.ClientId = Int64(v); break;
                case "Id": break; // the constructor's
                case "Status": c.Status = v; break;
                case "StatusCode": c.StatusCode = (int?)Int64(v); break;
                case "UniqueId": c.UniqueId = v; break;
                case "TrackingName": c.TrackingName = v; break;
                case "CalledNumber": c.CalledNumber = Phone(v); break;
                case "TotalDuration": c.TotalDuration = Seconds(v); break;
                case "UnixTime": c.UnixTime = Unix(v); break;
                case "CreatedAt": c.CreatedAt = Date(v); break;
                case "CallDate": c.CallDate = DayMonthYear(v); break;
                case "CallDateUtc": c.CallDateUtc = Unix(v) ?? Date(v, utc: true); break;
                case "CallerNumber":
                    if (string.Equals(v.Trim(), AvanserApi.PrivateCaller, StringComparison.OrdinalIgnoreCase)) c.CallerPrivate = true;
                    else c.CallerNumber = Phone(v);
                    break;
                case "ConnectedTo": c.ConnectedTo = Phone(v); break;
                case "CallerCity": c.CallerCity = v; break;
                case "CallerState": c.CallerState = v; break;
                case "CallerCountry": c.CallerCountry = v; break;
                case "TargetName": c.TargetName = v; break;
                case "Label": c.Label = v; break;
                case "IvrSelections": c.IvrSelections = v; break;
                case "Web.Url": c.Web.Url = v; break;
                case "Web.Source": c.Web.Source = v; break;
                case "Web.Medium": c.Web.Medium = v; break;
                case "Web.Term": c.Web.Term = v; break;
                case "Web.Campaign": c.Web.Campaign = v; break;
                case "Web.Location": c.Web.Location = v; break;
                case "Web.State": c.Web.State = v; break;
                case "Web.Country": c.Web.Country = v; break;
                case "Analytics.UserCode": c.Analytics.UserCode = v; break;
                case "Analytics.SessionCode": c.Analytics.SessionCode = v; break;
                case "Analytics.ClientId": c.Analytics.ClientId = v; break;
                case "Analytics.Gclid": c.Analytics.Gclid = v; break;
                case "RecordingUrl": c.RecordingUrl = v; break;
                case "APartyNumber.E164": c.APartyNumber.E164 = Phone(v); break;
                case "APartyNumber.State": c.APartyNumber.State = v; break;
                case "APartyNumber.Country": c.APartyNumber.Country = v; break;
                case "BPartyNumber.E164": c.BPartyNumber.E164 = Phone(v); break;
                case "CPartyNumber.E164": c.CPartyNumber.E164 = Phone(v); break;
                case "CPartyNumber.Country": c.CPartyNumber.Country = v; break;
                case "Disposition": c.Disposition = v; break;
                case "UtcDate": c.UtcDate = Unix(v) ?? Date(v, utc: true); break;
                case "Direction": c.Direction = v; break;
                case "Sentiment.Score": c.Sentiment.Score = Number(v); break;
                case "Sentiment.Agent": c.Sentiment.Agent = Number(v); break;
                case "Sentiment.Caller": c.Sentiment.Caller = Number(v); break;
                case "Sentiment.TalkMost": c.Sentiment.TalkMost = v; break;
                case "Sentiment.Communication": c.Sentiment.Communication = Number(v); break;
                case "Sentiment.Conduct": c.Sentiment.Conduct = Number(v); break;
                case "Sentiment.Politeness": c.Sentiment.Politeness = Number(v); break;
                case "Sentiment.HighRisk": c.Sentiment.HighRisk = Flag(v); break;
                case "Sentiment.BadAttitude": c.Sentiment.BadAttitude = Flag(v); break;
                case "Sentiment.SlangUsed": c.Sentiment.SlangUsed = Flag(v); break;
                case "Sentiment.ProfanityUsed": c.Sentiment.ProfanityUsed = Flag(v); break;
                case "CustomId": c.CustomId = v; break;
                case "CustomGroup": c.CustomGroup = v; break;
                default: throw new InvalidOperationException("No property " + property + " for a callback tag (AvanserApi.CallbackTagDefinitions)");
            }
        }

        private static AvanserSmsForward ReadSms(Dictionary<string, object?> raw, Func<string[], string?> get, string source, long lineNumber)
        {
            var received = Date(get(AvanserApi.SmsDateAliases.ToArray()) ?? string.Empty);
            var unix = Unix(get(new[] { "unixtime" }) ?? string.Empty);
            var from = get(AvanserApi.SmsFromAliases.ToArray());
            var to = get(AvanserApi.SmsToAliases.ToArray());
            // [assumed] no id tag is known: smsid when sent, else one made of what identifies the message.
            var fromNumber = from is null ? null : Phone(from);
            var id = get(new[] { "smsid", "id" }) ?? ((fromNumber ?? "unknown") + "@" + ((received ?? unix)?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) ?? ShortHash(source)));
            return new AvanserSmsForward(id, raw)
            {
                ClientId = Int64(get(new[] { "clientid" }) ?? string.Empty),
                FromNumber = fromNumber,
                ToNumber = to is null ? null : Phone(to),
                Message = get(AvanserApi.SmsMessageAliases.ToArray()),
                ReceivedAt = received ?? unix,
                UnixTime = unix,
                CustomId = get(new[] { "custom_id", "tag" }),
                CustomGroup = get(new[] { "custom_group", "curl" }),
                SourceUri = source,
                LineNumber = lineNumber,
            };
        }

        private static string ShortHash(string text)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            var h = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            return BitConverter.ToString(h, 0, 6).Replace("-", string.Empty).ToLowerInvariant();
        }

        // ---- Values ---------------------------------------------------------------------------------------------------------

        /// <summary>A value AVANSER did not replace ("[[callid]]"): no value.</summary>
        public static bool IsPlaceholder(string value) => value.StartsWith("[[", StringComparison.Ordinal) && value.EndsWith("]]", StringComparison.Ordinal);

        /// <summary>The URL with the token parameter's value replaced by the mask.</summary>
        public static string RedactToken(string uri)
            => Regex.Replace(uri ?? string.Empty, "([?&]" + AvanserApi.CallbackTokenParameter + "=)[^&#\\s]*", "$1" + Mask, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static string Phone(string v)
            => PhoneNumberNormalizer.TryNormalize(v.Trim(), AvanserApi.DefaultCountry, out var e164, out _) ? e164! : v; // kept as sent otherwise

        private static long? Int64(string v) => long.TryParse(v.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;

        private static double? Number(string v) => double.TryParse(v.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (double?)null;

        private static bool? Flag(string v) => ValueParsers.TryParseBoolean(v.Trim(), out var b) ? b : (bool?)null;

        private static TimeSpan? Seconds(string v)
            => double.TryParse(v.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 && s < 1e9 ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;

        private static DateTimeOffset? Unix(string v)
        {
            if (!long.TryParse(v.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) || s < 0 || s > 253402300799) return null;
            return DateTimeOffset.FromUnixTimeSeconds(s);
        }

        private static DateTimeOffset? Date(string v, bool utc = false)
        {
            var t = v.Trim();
            if (t.Length == 0) return null;
            t = Offset.Replace(t, "$1:$2"); // +1000 → +10:00
            var style = utc ? DateTimeStyles.AssumeUniversal : DateTimeStyles.AssumeLocal;
            return DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, style | DateTimeStyles.AllowWhiteSpaces, out var d) ? d : (DateTimeOffset?)null;
        }

        private static DateTime? DayMonthYear(string v)
            => DateTime.TryParseExact(v.Trim(), new[] { AvanserApi.CallDateFormat, "dd/MM/yyyy" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.Date : (DateTime?)null;
    }
}
