using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Http;
using CallTracking.Core.Json;
using CallTracking.Core.Model;
using CallTracking.Core.Paging;
using CallTracking.Core.Validation;
using F = CallTracking.Core.Providers.Avanser.AvanserApi.CdrFields;
using Ops = CallTracking.Core.Providers.Avanser.AvanserApi.Operations;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>Get-CallLog -Start -End with getCDR's yes/no flags (Get-CallLog on AVANSER).</summary>
    public sealed class AvanserCallLogQuery : ProviderOptions
    {
        public override string Provider => AvanserApi.ProviderName;
        public bool Evaluations { get; set; }
        public bool Features { get; set; }
        public bool Web { get; set; }
        public bool Detailed { get; set; }
        public bool LocalTime { get; set; }
        public bool Audio { get; set; }
    }

    /// <summary>
    /// The WebAPI's call reporting: getCDR paged by last_id + limit (records in ascending id; the next page asks for the
    /// records after the page's last id, until a page is shorter than the limit), and getAudio by call_id. The WebAPI has
    /// no call by id: Get-CallLog -Id is NotSupported.
    /// </summary>
    public sealed partial class AvanserClient : ICallLog, ICallRecordings
    {
        /// <summary>The calls between <paramref name="start"/> (default: <see cref="AvanserApi.DefaultCdrDays"/> days before the end) and <paramref name="end"/> (default: now).</summary>
        public IAsyncEnumerable<AvanserCallRecord> ListCallsAsync(DateTimeOffset? start, DateTimeOffset? end, AvanserCallLogQuery? flags, int? pageSize = null, long? first = null,
            Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            var q = CdrParameters(start, end, flags, pageSize, out var limit);
            var local = flags?.LocalTime ?? false;
            return Paginator.StreamAsync<AvanserCallRecord>(AvanserApi.ProviderName, Ops.GetCdr, (token, ct) =>
            {
                var page = new QueryBuilder();
                foreach (var p in q.Pairs) page.Add(p.Key, p.Value);
                page.Add(AvanserApi.LastId, token ?? "0");
                return _executor.SendAsync(WebApiRequest(Ops.GetCdr, AvanserApi.GetCdrAction, page), response =>
                {
                    using (response)
                    {
                        JsonList<AvanserCallRecord> list;
                        try { list = JsonPages.ReadList(response.Body, AvanserApi.CallsRoot, (ref Utf8JsonReader r, JsonSource s) => ReadCdr(ref r, s, local), limit); }
                        catch (Exception ex) when (JsonPages.IsUnreadable(ex)) { throw JsonPages.Unreadable(ex); }
                        var next = list.Items.Count >= limit ? list.Last?.Id : null;
                        return new Page<AvanserCallRecord>(list.Items, next, null);
                    }
                }, ct);
            }, first, new PageRules<AvanserCallRecord> { KeyOf = c => c.Id, TokenOrder = PageTokenOrder.Increasing }, observer, cancellationToken);
        }

        private static ApiRequest WebApiRequest(ApiOperation operation, string action, QueryBuilder parameters)
        {
            var query = new QueryBuilder().Add(AvanserApi.Action, action);
            foreach (var p in parameters.Pairs) query.Add(p.Key, p.Value);
            return ApiRequest.Get(operation, string.Empty, query);
        }

        private static QueryBuilder CdrParameters(DateTimeOffset? start, DateTimeOffset? end, AvanserCallLogQuery? flags, int? pageSize, out int limit)
        {
            var to = (end ?? DateTimeOffset.UtcNow).ToUniversalTime();
            var from = (start ?? to.AddDays(-AvanserApi.DefaultCdrDays)).ToUniversalTime();
            if (from > to)
                throw new CallTrackingArgumentException("CreatedBefore", Wire(to), "a time after -Start (" + Wire(from) + "): the end of the range (-End)");
            limit = pageSize ?? AvanserApi.DefaultCdrPageSize;
            if (limit < 1 || limit > AvanserApi.MaxCdrPageSize)
                throw new CallTrackingArgumentException("PageSize", limit, "1 to " + AvanserApi.MaxCdrPageSize.ToString(CultureInfo.InvariantCulture) + " call records per getCDR request");
            var q = new QueryBuilder()
                .Add(AvanserApi.DateFrom, Wire(from))
                .Add(AvanserApi.DateTo, Wire(to))
                .Add(AvanserApi.Limit, (long)limit);
            if (flags != null)
            {
                if (flags.Evaluations) q.Add(AvanserApi.EvaluationsFlag, AvanserApi.Yes);
                if (flags.Features) q.Add(AvanserApi.FeaturesFlag, AvanserApi.Yes);
                if (flags.Web) q.Add(AvanserApi.WebFlag, AvanserApi.Yes);
                if (flags.Detailed) q.Add(AvanserApi.DetailedFlag, AvanserApi.Yes);
                if (flags.LocalTime) q.Add(AvanserApi.LocalTimeFlag, AvanserApi.Yes);
                if (flags.Audio) q.Add(AvanserApi.AudioFlag, AvanserApi.Yes);
            }
            return q;
        }

        private static string Wire(DateTimeOffset t) => t.UtcDateTime.ToString(AvanserApi.DateFormat, CultureInfo.InvariantCulture);

        /// <summary>One getCDR record: every field kept in Raw under AVANSER's name, the known ones typed.</summary>
        private static AvanserCallRecord ReadCdr(ref Utf8JsonReader reader, JsonSource source, bool localTime)
        {
            var raw = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = JsonValues.Text(ref reader);
                reader.Read();
                raw[name] = JsonValues.ReadRaw(ref reader, source);
            }
            return MapCdr(raw, localTime);
        }

        internal static AvanserCallRecord MapCdr(Dictionary<string, object?> raw, bool localTime)
        {
            string? S(string key) => raw.TryGetValue(key, out var v) && v != null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
            string? N(string key) { var v = S(key); return string.IsNullOrEmpty(v) ? null : v; }
            long? L(string key) => long.TryParse(N(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;

            var id = N(F.Id) ?? throw new JsonException("A getCDR record has no id.");
            var c = new AvanserCallRecord(id, raw)
            {
                CalledNumber = Phone(N(F.AnswerNumber)),
                TrackingName = N(F.AnswerName),
                ConnectedTo = Phone(N(F.TargetNumber)),
                TargetName = N(F.TargetName),
                CallerPrivate = string.Equals(N(F.CallerNumber), "Private", StringComparison.OrdinalIgnoreCase),
                CallerCountry = N(F.Country),
                CallerState = N(F.State),
                CallerCity = N(F.Location),
                Status = N(F.StatusName),
                StatusCode = (int?)L(F.StatusCode),
                SpoolerId = L(F.SpoolerId),
                Label = N(F.Label),
                CallType = N(F.Type),
                CustomId = N(F.CustomId),
                CustomGroup = N(F.CustomGroup),
                RecordingUrl = N(F.Audio),
                UniqueId = N(F.UniqueId),
                Direction = N(F.CallDirection),
                InProgress = false,
            };
            if (!c.CallerPrivate) c.CallerNumber = Phone(N(F.CallerNumber));
            var seconds = L(F.Duration);
            if (seconds.HasValue && seconds.Value >= 0) c.TotalDuration = TimeSpan.FromSeconds(seconds.Value);
            var unix = L(F.UnixDate);
            if (unix.HasValue && unix.Value >= 0 && unix.Value <= 253402300799) c.UnixTime = DateTimeOffset.FromUnixTimeSeconds(unix.Value);
            var date = N(F.Date);
            if (date != null && DateTime.TryParseExact(date, AvanserApi.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                if (localTime) c.LocalDate = d;
                else c.CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Unspecified), TimeSpan.Zero);
            }
            var tz = N(F.TzDate);
            if (tz != null && DateTimeOffset.TryParseExact(tz, new[] { "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:sszz", "yyyy-MM-dd'T'HH:mm:ssK" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                c.CreatedAt ??= t;
            else if (tz != null && tz.Length >= 24 && DateTimeOffset.TryParseExact(tz.Substring(0, 22) + ":" + tz.Substring(22), "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out t))
                c.CreatedAt ??= t;
            c.CreatedAt ??= c.UnixTime;
            if (c.CreatedAt.HasValue && c.TotalDuration.HasValue) c.EndedAt = c.CreatedAt + c.TotalDuration;

            c.Web.Referrer = N(F.WebReferrer);
            c.Web.Url = N(F.WebUrl);
            c.Web.LandingPage = N(F.WebLanding);
            c.Web.Conversion = N(F.WebConversion);
            c.Web.Campaign = N(F.WebCampaign);
            c.Web.Term = N(F.WebKeyword);
            c.Web.Medium = N(F.WebMedium);
            c.Web.Source = N(F.WebSource);
            c.Web.Ip = N(F.Ip);
            c.Web.Location = N(F.IpLocation);

            var evaluations = new Dictionary<string, string?>(StringComparer.Ordinal);
            var features = new SortedDictionary<int, AvanserCallFeature>();
            foreach (var pair in raw)
            {
                if (pair.Key.StartsWith(F.EvaluationPrefix, StringComparison.Ordinal)) evaluations[pair.Key] = S(pair.Key);
                else if (Index(pair.Key, F.FeatureNamePrefix) is int n) Feature(features, n).Name = N(pair.Key);
                else if (Index(pair.Key, F.FeatureValuePrefix) is int m) Feature(features, m).Value = N(pair.Key);
            }
            c.Evaluations = new AvanserEvaluationAnswers(evaluations);
            c.Features = new AvanserCallFeatureList(new List<AvanserCallFeature>(features.Values));
            return c;
        }

        private static int? Index(string key, string prefix)
            => key.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(key.Substring(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= 99 ? n : (int?)null;

        private static AvanserCallFeature Feature(SortedDictionary<int, AvanserCallFeature> features, int index)
        {
            if (!features.TryGetValue(index, out var f)) features[index] = f = new AvanserCallFeature(index);
            return f;
        }

        private static string? Phone(string? v)
            => v is null ? null : PhoneNumberNormalizer.TryNormalize(v.Trim(), AvanserApi.DefaultCountry, out var e164, out _) ? e164 : v;

        IAsyncEnumerable<CallRecord> ICallLog.ListCallsAsync(CallLogQuery query, Action<PageProgress>? observer, CancellationToken cancellationToken)
        {
            var flags = Flags(query.Options);
            CdrParameters(query.CreatedAfter, query.CreatedBefore, flags, query.PageSize, out _);
            return ListCallsAsync(query.CreatedAfter, query.CreatedBefore, flags, query.PageSize, query.First, observer, cancellationToken);
        }

        Task<CallRecord> ICallLog.GetCallAsync(string id, CancellationToken cancellationToken)
            => throw new CallTrackingException(AvanserApi.ProviderName, "Get-CallLog -Id", CallTrackingErrorKind.NotSupported,
                "AVANSER has no Get-CallLog -Id: its WebAPI has no call by id (getCDR lists a time range). List the range and pick it: Get-CallLog -Start <time> | Where-Object Id -eq '" + id + "'.") { Target = id, NotSent = true };

        void ICallLog.Validate(CallLogQuery query) => CdrParameters(query.CreatedAfter, query.CreatedBefore, Flags(query.Options), query.PageSize, out _);

        private static AvanserCallLogQuery? Flags(ProviderOptions? options)
        {
            if (options is null) return null;
            if (!string.Equals(options.Provider, AvanserApi.ProviderName, StringComparison.OrdinalIgnoreCase))
                throw CallTrackingArgumentException.ProviderMismatch(options.Provider, "Get-CallLog parameters for " + options.Provider + " cannot be sent to AVANSER: pass -Connection with a connection to " + options.Provider + ".");
            return options as AvanserCallLogQuery ?? throw new ArgumentException("Get-CallLog: AVANSER takes no " + options.GetType().Name + " here.", nameof(options));
        }

        // ---- getAudio ---------------------------------------------------------------------------------------------------

        /// <summary>
        /// A call's recording (getAudio&amp;call_id), streamed: the audio reply is handed over once its headers are in and
        /// copied to the file by the caller (one buffer, whatever its size); a JSON or text reply is AVANSER's answer and is
        /// judged as one (an error, or NotFound for a call without audio).
        /// </summary>
        public Task<CallRecording> GetRecordingAsync(string callId, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(callId) || !long.TryParse(callId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
                throw new CallTrackingArgumentException("Id", callId, "an AVANSER call id (digits, the Id of a Get-CallLog record)");
            var id = callId.Trim();
            var request = WebApiRequest(Ops.GetAudio, AvanserApi.GetAudioAction, new QueryBuilder().Add(AvanserApi.CallId, id));
            request.Target = id;
            request.StreamWhen = AvanserApi.IsAudioReply;
            return _executor.SendAsync(request, response =>
            {
                var extension = MediaTypes.Extension(response.MediaType) ?? AvanserApi.DefaultAudioExtension;
                if (response.BodyStream != null) return new CallRecording(id, response.BodyStream, response.Length, response.MediaType, extension, response, AvanserApi.ProviderName, Ops.GetAudio.Name);
                using (response)
                    return new CallRecording(id, response.Body.ToArray(), response.MediaType, extension);
            }, cancellationToken);
        }
    }
}
