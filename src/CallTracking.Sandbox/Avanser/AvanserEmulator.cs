using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox.Avanser
{
    /// <summary>
    /// AVANSER (docs/wire-avanser.md): the Telco API under /v1/ (HTTP Basic; services, stock, asynchronous provisioning
    /// requests that complete after <see cref="AvanserOptions.ProvisioningDelay"/> on the sandbox clock and then call their
    /// callback URIs), the WebAPI at /JSON (getTokenKey → signIn → token, or Basic + client_id; getCDR paged by last_id over
    /// computed calls; getAudio), and the data feed under /feed/ (JSON, CSV, XML).
    /// </summary>
    public sealed class AvanserEmulator : ISandboxEmulator, ISandboxEventSource, IDisposable
    {
        public const string ProviderName = "Avanser";
        public const string TelcoEndpoint = "Telco";
        public const string WebApiEndpoint = "WebApi";
        public const string FeedEndpoint = "Feed";
        public const string TelcoPrefix = "/v1/";
        public const string WebApiPath = "/JSON";
        public const string FeedPrefix = "/feed/";
        public const string Prefix = "Avanser.";

        private static readonly IReadOnlyList<SandboxEndpoint> ApiEndpoints = new[]
        {
            new SandboxEndpoint(TelcoEndpoint, TelcoPrefix, "v1/"),
            new SandboxEndpoint(WebApiEndpoint, WebApiPath, "JSON"),
            new SandboxEndpoint(FeedEndpoint, FeedPrefix, "feed/"),
        };

        private static readonly IReadOnlyCollection<string> Secrets = new[] { "password", "api_key", "apiKey", "api_secret", "secret", "token", "tokenKey", "signature" };

        private readonly SandboxClock _clock;
        private readonly SandboxCallbacks _callbacks;
        private readonly Timer? _timer;
        private readonly object _pendingGate = new object();
        private readonly List<Task> _pending = new List<Task>();
        private Uri? _webApiBase;

        public AvanserEmulator(SandboxContext context)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            Options = context.Options.For<AvanserOptions>();
            Options.Validate("options");
            _clock = context.Clock;
            _callbacks = context.Callbacks;
            State = new AvanserSandboxState(Options, context.Options.Seed, context.Options.Anchor);
            Calls = new AvanserCalls(Options, context.Options.Seed, context.Options.Anchor, State.InitialServices);
            var parameters = new Dictionary<string, string> { ["ClientId"] = Options.ClientId, ["AccountId"] = Options.AccountId };
            TestCredential = new SandboxCredential("login", Options.Login, Options.Password, parameters);
            Credentials = new[]
            {
                TestCredential,
                new SandboxCredential("keys", Options.ApiKey, Options.ApiSecret, new Dictionary<string, string> { ["AccountId"] = Options.AccountId }),
            };
            _clock.Advanced += OnClockAdvanced;
            if (!_clock.IsVirtual) _timer = new Timer(_ => CompleteDue(), null, 250, 250);
        }

        public string Provider => ProviderName;
        public IReadOnlyList<SandboxEndpoint> Endpoints => ApiEndpoints;

        /// <summary>The login (HTTP Basic) with ClientId and AccountId: the Telco API, and the WebAPI by Basic + client_id.</summary>
        public SandboxCredential TestCredential { get; }

        /// <summary>The login, and the API key/secret of the token flow (user name = key, secret = secret, AccountId).</summary>
        public IReadOnlyList<SandboxCredential> Credentials { get; }

        public IReadOnlyCollection<string> SecretNames => Secrets;

        public AvanserOptions Options { get; }

        /// <summary>Services, stock, provisioning requests and tokens, for assertions.</summary>
        public AvanserSandboxState State { get; }

        /// <summary>The computed call records.</summary>
        public AvanserCalls Calls { get; }

        public string? OperationOf(SandboxHttpRequest request)
        {
            var path = request.RawPath;
            if (path == WebApiPath || path == WebApiPath + "/")
            {
                var action = request.Get("action");
                return action is "getTokenKey" or "signIn" or "getCDR" or "getAudio" ? Prefix + action : null;
            }
            if (path.StartsWith(FeedPrefix, StringComparison.Ordinal)) return Prefix + "Feed";
            if (!path.StartsWith(TelcoPrefix, StringComparison.Ordinal)) return null;
            var parts = path.Substring(TelcoPrefix.Length).Trim('/').Split('/');
            var m = request.Method;
            return (parts[0], parts.Length, m) switch
            {
                ("services", 1, "GET") => Prefix + "ListServices",
                ("services", 1, "POST") => Prefix + "NewService",
                ("services", 2, "GET") => Prefix + "GetService",
                ("services", 2, "PUT") => Prefix + "UpdateService",
                ("services", 2, "DELETE") => Prefix + "DecommissionService",
                ("stock", 1, "GET") => Prefix + "ListStock",
                ("requests", 1, "GET") => Prefix + "ListRequests",
                ("requests", 2, "GET") => Prefix + "GetRequest",
                _ => null,
            };
        }

        public SandboxHttpResponse ProviderErrorIn200(SandboxHttpRequest request, string? code, string? message) =>
            Error(200, code ?? "error", message ?? "The request could not be processed.");

        public Task<SandboxHttpResponse> HandleAsync(SandboxHttpRequest request, CancellationToken cancellationToken)
        {
            CompleteDue();
            var path = request.RawPath;
            SandboxHttpResponse response;
            try
            {
                if (path == WebApiPath || path == WebApiPath + "/") response = WebApi(request);
                else if (path.StartsWith(FeedPrefix, StringComparison.Ordinal)) response = Feed(request);
                else if (path.StartsWith(TelcoPrefix, StringComparison.Ordinal)) response = Telco(request);
                else response = Error(404, "not_found", "No AVANSER API at " + Uri.UnescapeDataString(path) + ".");
            }
            catch (Refusal r)
            {
                response = r.Status == 401 ? Unauthorized(r.Code, r.Message) : Error(r.Status, r.Code, r.Message);
            }
            return Task.FromResult(response);
        }

        // ---- Completing requests, sending callbacks ---------------------------------------------------------------------

        private void OnClockAdvanced(object? sender, SandboxClockAdvancedEventArgs e) => CompleteDue();

        /// <summary>Completes the requests that fell due and sends their callbacks (requests, test calls).</summary>
        private long _testCalls;

        public void CompleteDue()
        {
            List<(AvanserProvisioningRequest Request, AvanserService? Service)> done;
            lock (State.Gate) done = State.CompleteDue(_clock.Now);
            foreach (var (request, service) in done)
            {
                if (Uri.TryCreate(request.RequestCallbackUri, UriKind.Absolute, out var requestUri) && IsHttp(requestUri))
                    Track(_callbacks.SendAsync(new SandboxCallback(ProviderName, "POST", requestUri, RequestBody(request))));
                if (Options.TestCall && request.Type == "new" && request.Status == "completed" && service != null
                    && Uri.TryCreate(service.CallbackUri, UriKind.Absolute, out var callUri) && IsHttp(callUri) && Calls.Count > 0)
                {
                    // The seed's automatic test call: a call of its own (an id after the computed calls'), one per new service.
                    var call = Calls.Get(Calls.Count);
                    call.Id = Calls.FirstId + Calls.Count - 1 + Interlocked.Increment(ref _testCalls);
                    call.UniqueId = "test-" + call.Id.ToString(CultureInfo.InvariantCulture);
                    call.TrackingNumber = service.Number; call.TrackingName = service.Name; call.TargetNumber = service.Target;
                    call.TargetName = service.TargetName; call.CustomId = service.CustomId; call.CustomGroup = service.CustomGroup; call.Label = "test call";
                    Track(_callbacks.SendAsync(new SandboxCallback(ProviderName, "GET", Calls.CallbackUrl(callUri, call, WebApiBase))));
                }
            }
        }

        /// <summary>Waits for every callback sent so far (request completions, test calls) to be delivered or recorded as failed.</summary>
        public Task CallbacksSentAsync()
        {
            lock (_pendingGate) return Task.WhenAll(_pending.ToArray());
        }

        private void Track(Task task)
        {
            lock (_pendingGate)
            {
                _pending.RemoveAll(t => t.IsCompleted);
                _pending.Add(task);
            }
        }

        private static bool IsHttp(Uri u) => u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps;

        /// <summary>The callbacks Send-CallTrackingSandboxEvent sends: Call (HTTP callbacks of the newest calls), Sms (SMS forwards).</summary>
        public IReadOnlyList<string> EventKinds { get; } = new[] { CallEvent, SmsEvent };

        public const string CallEvent = "Call";
        public const string SmsEvent = "Sms";

        public long MaxEvents(string kind) => string.Equals(kind, SmsEvent, StringComparison.OrdinalIgnoreCase) ? 100_000 : Calls.Count;

        public Task<IReadOnlyList<SandboxCallbackRecord>> SendEventsAsync(string kind, Uri url, int count, CancellationToken cancellationToken)
            => string.Equals(kind, SmsEvent, StringComparison.OrdinalIgnoreCase) ? SendSmsForwardsAsync(url, count, cancellationToken) : SendCallCallbacksAsync(url, count, cancellationToken);

        /// <summary>Sends <paramref name="count"/> call callbacks (the newest calls, newest last) to <paramref name="url"/>: its
        /// [[tag]]s replaced, or the seed's full tag list appended when it has none.</summary>
        public async Task<IReadOnlyList<SandboxCallbackRecord>> SendCallCallbacksAsync(Uri url, int count, CancellationToken cancellationToken = default)
        {
            if (url is null) throw new ArgumentNullException(nameof(url));
            if (count < 0 || count > Calls.Count) throw new ArgumentOutOfRangeException(nameof(count), count, "The sandbox has " + Calls.Count + " calls.");
            var sent = new List<SandboxCallbackRecord>();
            for (var i = Calls.Count - count + 1; i <= Calls.Count; i++)
                sent.Add(await _callbacks.SendAsync(new SandboxCallback(ProviderName, "GET", Calls.CallbackUrl(url, Calls.Get(i), WebApiBase)), cancellationToken).ConfigureAwait(false));
            return sent;
        }

        /// <summary>Sends <paramref name="count"/> SMS forwards to <paramref name="url"/>: a GET with from, to, message, date, clientid, smsid.</summary>
        public async Task<IReadOnlyList<SandboxCallbackRecord>> SendSmsForwardsAsync(Uri url, int count, CancellationToken cancellationToken = default)
        {
            if (url is null) throw new ArgumentNullException(nameof(url));
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "The count must not be negative.");
            var sent = new List<SandboxCallbackRecord>();
            var inv = CultureInfo.InvariantCulture;
            for (var i = 1; i <= count; i++)
            {
                // The names of AvanserApi.SmsForwardFields (all assumed, as the callback's own tags), docs/wire-avanser.md.
                var now = _clock.Now;
                var values = new Dictionary<string, string>
                {
                    ["smsid"] = (900000 + i).ToString(inv), ["clientid"] = Options.ClientId, ["bnum"] = "+61-0400300000", ["ani"] = "+61-0412" + (345000 + i).ToString(inv),
                    ["message"] = "Sandbox SMS " + i.ToString(inv) + ": call me back please", ["tzdate"] = AvanserCalls.Tz(now, Options.TimeZoneOffset),
                    ["unixtime"] = now.ToUnixTimeSeconds().ToString(inv), ["custom_id"] = "sms-line", ["custom_group"] = "mobile",
                };
                var text = url.OriginalString;
                var query = string.Join("&", values.Select(v => v.Key + "=" + Uri.EscapeDataString(v.Value)));
                var full = new Uri(text + (text.IndexOf('?') < 0 ? "?" : "&") + query);
                sent.Add(await _callbacks.SendAsync(new SandboxCallback(ProviderName, "GET", full), cancellationToken).ConfigureAwait(false));
            }
            return sent;
        }

        // ---- Authentication -----------------------------------------------------------------------------------------------

        private bool BasicMatches(SandboxHttpRequest request)
        {
            var header = request.Authorization;
            if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
            string decoded;
            try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim())); }
            catch (FormatException) { return false; }
            return FixedEquals(decoded, Options.Login + ":" + Options.Password);
        }

        private static bool FixedEquals(string a, string b)
        {
            var x = Encoding.UTF8.GetBytes(a);
            var y = Encoding.UTF8.GetBytes(b);
            var diff = x.Length ^ y.Length;
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++) diff |= x[i] ^ y[i];
            return diff == 0;
        }

        internal static string Md5Hex(string text)
        {
            using var md5 = MD5.Create();
            var hash = md5.ComputeHash(Encoding.UTF8.GetBytes(text));
            var sb = new StringBuilder(32);
            foreach (var b in hash) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        // ---- WebAPI -------------------------------------------------------------------------------------------------------

        private SandboxHttpResponse WebApi(SandboxHttpRequest request)
        {
            if (request.Method != "GET" && request.Method != "HEAD")
                return Error(405, "method_not_allowed", request.Method + " is not allowed; every WebAPI action is a GET.").WithHeader("Allow", "GET");
            var action = request.Get("action");
            var now = _clock.Now;
            switch (action)
            {
                case "getTokenKey":
                    if (!FixedEquals(request.Get("account_id") ?? "", Options.AccountId) || !FixedEquals(request.Get("api_key") ?? "", Options.ApiKey))
                        throw new Refusal(401, "invalid_api_key", "Unknown account_id or api_key.");
                    string key;
                    lock (State.Gate) key = State.NewTokenKey(now);
                    return SandboxHttpResponse.Json(200, w => { w.WriteStartObject(); w.WriteString("tokenKey", key); w.WriteEndObject(); });
                case "signIn":
                    if (!FixedEquals(request.Get("account_id") ?? "", Options.AccountId)) throw new Refusal(401, "invalid_signature", "Unknown account_id.");
                    (string Token, DateTimeOffset Expires) token;
                    lock (State.Gate)
                    {
                        if (State.UseTokenKey(request.Get("signature") ?? "", now) is null)
                            throw new Refusal(401, "invalid_signature", "The signature matches no live token key: sign md5(secret + tokenKey) of a fresh getTokenKey.");
                        token = State.NewToken(now);
                    }
                    return SandboxHttpResponse.Json(200, w =>
                    {
                        w.WriteStartObject(); w.WriteString("token", token.Token); w.WriteNumber("expires", token.Expires.ToUnixTimeSeconds()); w.WriteEndObject();
                    });
                case "getCDR":
                    Authorize(request, now);
                    return GetCdr(request);
                case "getAudio":
                    Authorize(request, now);
                    var idText = request.Get("call_id");
                    if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) throw new Refusal(400, "invalid_parameter", "call_id must be a call's id.");
                    var call = Calls.ById(id) ?? throw new Refusal(404, "not_found", "No call " + id.ToString(CultureInfo.InvariantCulture) + ".");
                    if (!call.HasAudio) throw new Refusal(404, "not_found", "Call " + id.ToString(CultureInfo.InvariantCulture) + " has no recording.");
                    return new SandboxHttpResponse(200, "audio/wav", AvanserCalls.Audio(id))
                        .WithHeader("Content-Disposition", "attachment; filename=\"" + id.ToString(CultureInfo.InvariantCulture) + ".wav\"");
                default:
                    throw new Refusal(400, "unknown_action", "Unknown action '" + action + "': getTokenKey, signIn, getCDR, getAudio.");
            }
        }

        private void Authorize(SandboxHttpRequest request, DateTimeOffset now)
        {
            var token = request.Get("token");
            if (token != null)
            {
                string state;
                lock (State.Gate) state = State.UseToken(token, now);
                if (state == "ok") return;
                throw new Refusal(401, state == "expired" ? "token_expired" : "unauthorized", state == "expired" ? "The token has expired: sign in again." : "Unknown token.");
            }
            if (!BasicMatches(request)) throw new Refusal(401, "unauthorized", "Sign in (token=) or send HTTP Basic with client_id.");
            if (!FixedEquals(request.Get("client_id") ?? "", Options.ClientId)) throw new Refusal(401, "unauthorized", "HTTP Basic on the WebAPI needs this login's client_id.");
        }

        private static bool Flag(SandboxHttpRequest r, string name)
        {
            var v = r.Get(name);
            if (v is null) return false;
            v = v.Trim().ToLowerInvariant();
            if (v is "yes" or "1" or "true") return true;
            if (v is "no" or "0" or "false" or "") return false;
            throw new Refusal(400, "invalid_parameter", name + " must be yes or no (got '" + v + "').");
        }

        private static DateTimeOffset? ParseDate(SandboxHttpRequest r, string name, bool end)
        {
            var v = r.Get(name);
            if (string.IsNullOrWhiteSpace(v)) return null;
            v = v!.Trim();
            if (DateTime.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
                return new DateTimeOffset(end ? day.AddDays(1) : day, TimeSpan.Zero);
            if (DateTime.TryParseExact(v, new[] { "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK" }, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
                return new DateTimeOffset(end ? time.AddSeconds(1) : time, TimeSpan.Zero);
            throw new Refusal(400, "invalid_parameter", name + " must be YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (got '" + v + "').");
        }

        private SandboxHttpResponse GetCdr(SandboxHttpRequest request)
        {
            var from = ParseDate(request, "date_from", false) ?? DateTimeOffset.MinValue;
            var to = ParseDate(request, "date_to", true) ?? DateTimeOffset.MaxValue;
            long lastId = 0;
            var lastText = request.Get("last_id");
            if (!string.IsNullOrWhiteSpace(lastText) && !long.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out lastId))
                throw new Refusal(400, "invalid_parameter", "last_id must be a call id (or 0).");
            var limit = 100;
            var limitText = request.Get("limit");
            if (!string.IsNullOrWhiteSpace(limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > 1000))
                throw new Refusal(400, "invalid_parameter", "limit must be 1 to 1000.");
            bool evaluations = Flag(request, "evaluations"), features = Flag(request, "features"), web = Flag(request, "web"),
                detailed = Flag(request, "detailed"), local = Flag(request, "localtime"), audio = Flag(request, "wav") || Flag(request, "audio");
            var audioBase = WebApiBase;

            var index = Math.Max(from == DateTimeOffset.MinValue ? 1 : Calls.FirstIndexAtOrAfter(from), lastId - Options.FirstCallId + 1);
            index = Math.Max(index, 1);
            var page = new List<AvanserCall>();
            for (var i = index; i <= Calls.Count && page.Count < limit; i++)
            {
                var c = Calls.Get(i);
                if (c.Start >= to) break;
                page.Add(c);
            }
            var offset = Options.TimeZoneOffset;
            var inv = CultureInfo.InvariantCulture;
            return SandboxHttpResponse.Json(200, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("count", page.Count);
                w.WriteNumber("last_id", page.Count > 0 ? page[page.Count - 1].Id : lastId);
                w.WriteStartArray("calls");
                foreach (var c in page)
                {
                    w.WriteStartObject();
                    w.WriteString("id", c.Id.ToString(inv));
                    w.WriteString("date", local ? AvanserCalls.Local(c.Start, offset) : c.Start.ToString("yyyy-MM-dd HH:mm:ss", inv));
                    w.WriteString("duration", c.Duration.ToString(inv));
                    w.WriteString("answer_number", c.TrackingNumber);
                    w.WriteString("answer_name", c.TrackingName);
                    w.WriteString("target_number", c.TargetNumber);
                    w.WriteString("target_name", c.TargetName);
                    w.WriteString("caller_number", c.CallerNumber);
                    w.WriteString("country", c.CallerCountry);
                    w.WriteString("state", c.CallerState);
                    w.WriteString("location", c.CallerLocation);
                    w.WriteString("status_code", c.StatusCode.ToString(inv));
                    w.WriteString("status_name", c.StatusName);
                    w.WriteString("spooler_id", c.SpoolerId.ToString(inv));
                    w.WriteString("label", c.Label);
                    w.WriteString("type", "call-in");
                    w.WriteString("custom_id", c.CustomId);
                    w.WriteString("custom_group", c.CustomGroup);
                    if (web)
                    {
                        w.WriteString("webReferrer", c.WebSource.Length > 0 && c.WebSource != "(direct)" ? "https://www." + c.WebSource + ".com/" : "");
                        w.WriteString("webUrl", c.WebUrl);
                        w.WriteString("webLandning", c.WebUrl);
                        w.WriteString("webConversion", c.WebUrl.Length > 0 && c.Id % 3 == 0 ? "yes" : "");
                        w.WriteString("webCampagin", c.WebCampaign);
                        w.WriteString("webKeyword", c.WebKeyword);
                        w.WriteString("webMedium", c.WebMedium);
                        w.WriteString("webSource", c.WebSource);
                        w.WriteString("IP", c.Ip);
                        w.WriteString("IPlocation", c.Ip.Length > 0 ? c.CallerLocation : "");
                    }
                    if (audio) w.WriteString("audio", c.HasAudio ? audioBase + "?action=getAudio&call_id=" + c.Id.ToString(inv) : "");
                    if (evaluations) foreach (var e in c.Evaluations) w.WriteString(e.Key, e.Value);
                    if (features)
                        for (var p = 1; p <= 9; p++)
                        {
                            var n = p.ToString("D2", inv);
                            w.WriteString("feat" + n, "feature" + n);
                            w.WriteString("cd_cp" + n, c.Params[p - 1]);
                        }
                    if (detailed)
                    {
                        w.WriteString("unique_id", c.UniqueId);
                        w.WriteString("tz_date", AvanserCalls.Tz(c.Start, offset));
                        w.WriteNumber("u_date", c.UnixStart);
                        w.WriteString("call_direction", "call-in");
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }

        /// <summary>The WebAPI's address for audio links: the one set by <see cref="UseWebApiBase"/> (the sandbox's listener or
        /// in-process host), else the in-process host (a request carries no host of its own).</summary>
        private Uri WebApiBase => _webApiBase ??= new Uri("https://sandbox.avanser.invalid" + WebApiPath);

        /// <summary>Where audio links and callback [[audio]] tags point (the sandbox's WebAPI base); set by <see cref="AvanserSandboxExtensions"/>.</summary>
        public void UseWebApiBase(Uri webApiBase) => _webApiBase = webApiBase ?? throw new ArgumentNullException(nameof(webApiBase));

        // ---- Data feed ----------------------------------------------------------------------------------------------------

        private SandboxHttpResponse Feed(SandboxHttpRequest request)
        {
            if (request.Method != "GET" && request.Method != "HEAD") return Error(405, "method_not_allowed", "The feed is read with GET.").WithHeader("Allow", "GET");
            if (!BasicMatches(request)) throw new Refusal(401, "unauthorized", "The feed needs its HTTP Basic password.");
            var name = request.RawPath.Substring(FeedPrefix.Length);
            var format = name switch { "calls.json" => "json", "calls.csv" => "csv", "calls.xml" => "xml", _ => null };
            if (format is null) throw new Refusal(404, "not_found", "No feed '" + Uri.UnescapeDataString(name) + "': calls.json, calls.csv, calls.xml.");
            var to = ParseDate(request, "date_to", true) ?? Calls.Anchor.AddSeconds(1);
            var from = ParseDate(request, "date_from", false) ?? Calls.Anchor.AddDays(-Options.FeedDays);
            var rows = new List<List<(string Name, object? Value)>>();
            for (var i = Calls.FirstIndexAtOrAfter(from); i <= Calls.Count; i++)
            {
                var c = Calls.Get(i);
                if (c.Start >= to) break;
                rows.Add(AvanserFeed.Row(c, Options, WebApiBase));
            }
            return format switch
            {
                "json" => new SandboxHttpResponse(200, SandboxHttpResponse.JsonContentType, AvanserFeed.Json(rows)),
                "csv" => new SandboxHttpResponse(200, SandboxHttpResponse.CsvContentType, AvanserFeed.Csv(rows)),
                _ => new SandboxHttpResponse(200, "application/xml; charset=utf-8", AvanserFeed.Xml(rows)),
            };
        }

        // ---- Telco API ----------------------------------------------------------------------------------------------------

        private SandboxHttpResponse Telco(SandboxHttpRequest request)
        {
            if (!BasicMatches(request)) throw new Refusal(401, "unauthorized", "The Telco API needs HTTP Basic with the AVANSER login.");
            var account = TelcoAccount(request);
            var parts = request.RawPath.Substring(TelcoPrefix.Length).Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
            var now = _clock.Now;
            switch (parts[0], parts.Length, request.Method)
            {
                case ("services", 1, "GET"):
                {
                    var customId = request.Get("custom_id");
                    var customGroup = request.Get("custom_group");
                    var status = request.Get("status");
                    List<AvanserService> list;
                    lock (State.Gate)
                        list = State.ServiceList(account).Where(s => (customId is null || s.CustomId == customId) && (customGroup is null || s.CustomGroup == customGroup)
                            && (status is null || string.Equals(s.Status, status, StringComparison.OrdinalIgnoreCase))).Select(s => s.Copy()).ToList();
                    return Telco(200, null, w => { w.WriteStartArray("services"); foreach (var s in list) WriteService(w, s); w.WriteEndArray(); });
                }
                case ("services", 2, "GET"):
                {
                    AvanserService? s;
                    lock (State.Gate) s = State.FindService(parts[1], account)?.Copy();
                    if (s is null) throw new Refusal(404, "not_found", "No service '" + parts[1] + "'.");
                    return Telco(200, null, w => { w.WritePropertyName("service"); WriteService(w, s); });
                }
                case ("stock", 1, "GET"):
                {
                    var cls = (request.Get("number_class") ?? "GEO").Trim().ToUpperInvariant();
                    if (!AvanserSandboxState.NumberClasses.Contains(cls))
                        throw new Refusal(400, "invalid_parameter", "number_class must be one of " + string.Join(", ", AvanserSandboxState.NumberClasses) + " (got '" + cls + "').");
                    var limit = 50;
                    var lt = request.Get("limit");
                    if (lt != null && (!int.TryParse(lt, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > 1000))
                        throw new Refusal(400, "invalid_parameter", "limit must be 1 to 1000.");
                    List<AvanserStockNumber> stock;
                    lock (State.Gate) stock = State.StockOf(cls).Take(limit).ToList();
                    return Telco(200, null, w =>
                    {
                        w.WriteStartArray("stock");
                        foreach (var n in stock)
                        {
                            w.WriteStartObject(); w.WriteString("number", n.Number); w.WriteString("number_class", n.NumberClass); w.WriteString("pool", n.Pool); w.WriteString("state", n.State); w.WriteEndObject();
                        }
                        w.WriteEndArray();
                    });
                }
                case ("services", 1, "POST"): return NewService(request, account, now);
                case ("services", 2, "PUT"): return UpdateService(request, account, parts[1], now);
                case ("services", 2, "DELETE"):
                {
                    AvanserProvisioningRequest r;
                    lock (State.Gate)
                    {
                        var s = State.FindService(parts[1], account) ?? throw new Refusal(404, "not_found", "No service '" + parts[1] + "'.");
                        if (s.Status == "decommissioned") throw new Refusal(409, "conflict", "Service " + s.ServiceId + " is already decommissioned.");
                        r = State.AddRequest("decommission", s, now, request.Get("request_callback_uri") ?? "", Options.FailAllRequests, null);
                    }
                    return RequestReply(202, r);
                }
                case ("requests", 1, "GET"):
                {
                    var status = request.Get("status");
                    List<AvanserProvisioningRequest> list;
                    lock (State.Gate) list = State.RequestList(account).Where(r => status is null || string.Equals(r.Status, status, StringComparison.OrdinalIgnoreCase)).ToList();
                    return Telco(200, null, w => { w.WriteStartArray("requests"); foreach (var r in list) WriteRequest(w, r); w.WriteEndArray(); });
                }
                case ("requests", 2, "GET"):
                {
                    AvanserProvisioningRequest? r;
                    lock (State.Gate) r = State.FindRequest(parts[1], account);
                    if (r is null) throw new Refusal(404, "not_found", "No provisioning request '" + parts[1] + "'.");
                    return RequestReply(200, r);
                }
                case ("services", _, _) or ("stock", _, _) or ("requests", _, _) when parts.Length <= 2:
                    throw new Refusal(405, "method_not_allowed", request.Method + " is not allowed on " + string.Join("/", parts) + ".");
                default:
                    throw new Refusal(404, "not_found", "No Telco API resource '" + string.Join("/", parts) + "': services, stock, requests.");
            }
        }

        /// <summary>
        /// The account a Telco request works in: account_id [assumed] when the login reaches several, else the login's first
        /// account; an account the login does not reach is a 403 naming the ones it does.
        /// </summary>
        private string TelcoAccount(SandboxHttpRequest request)
        {
            var given = request.Get("account_id");
            if (given is null) return Options.AccountId;
            var account = State.Accounts().FirstOrDefault(a => string.Equals(a, given.Trim(), StringComparison.Ordinal));
            return account ?? throw new Refusal(403, "forbidden", "This login does not reach account '" + given + "'; it reaches " + string.Join(", ", State.Accounts()) + ".");
        }

        private SandboxHttpResponse NewService(SandboxHttpRequest request, string account, DateTimeOffset now)
        {
            var body = ReadBody(request);
            var s = ServiceFrom(body, forUpdate: false);
            s.AccountId = account;
            var cls = (Text(body, "number_class") ?? "GEO").Trim().ToUpperInvariant();
            if (!AvanserSandboxState.NumberClasses.Contains(cls))
                throw new Refusal(400, "invalid_parameter", "number_class must be one of " + string.Join(", ", AvanserSandboxState.NumberClasses) + " (got '" + cls + "').");
            if (s.SmsForwardUri.Length > 0 && cls != "MOBILE") throw new Refusal(400, "invalid_parameter", "sms_forward_uri needs a MOBILE number (a virtual mobile tracking number).");
            s.NumberClass = cls;
            AvanserProvisioningRequest r;
            lock (State.Gate)
            {
                var wanted = Text(body, "number");
                var stock = State.TakeStock(cls, wanted)
                    ?? throw new Refusal(wanted is null ? 409 : 400, wanted is null ? "no_stock" : "invalid_parameter",
                        wanted is null ? "No " + cls + " number left in stock." : "Number " + wanted + " is not in the " + cls + " stock.");
                s.Number = stock.Number;
                State.AddService(s, now);
                r = State.AddRequest("new", s, now, Text(body, "request_callback_uri") ?? "", Options.FailAllRequests || s.CustomId == AvanserOptions.FailingCustomId, null);
            }
            return RequestReply(202, r);
        }

        private SandboxHttpResponse UpdateService(SandboxHttpRequest request, string account, string id, DateTimeOffset now)
        {
            var body = ReadBody(request);
            var changes = ServiceFrom(body, forUpdate: true);
            AvanserProvisioningRequest r;
            lock (State.Gate)
            {
                var s = State.FindService(id, account) ?? throw new Refusal(404, "not_found", "No service '" + id + "'.");
                if (s.Status == "decommissioned") throw new Refusal(409, "conflict", "Service " + s.ServiceId + " is decommissioned.");
                var type = changes.ServiceType.Length > 0 ? changes.ServiceType : s.ServiceType;
                if (type == "Transfer" && changes.Target.Length == 0 && s.Target.Length == 0) throw new Refusal(400, "invalid_parameter", "A Transfer service needs a target (answer point).");
                if (changes.SmsForwardUri.Length > 0 && s.NumberClass != "MOBILE") throw new Refusal(400, "invalid_parameter", "sms_forward_uri needs a MOBILE number.");
                r = State.AddRequest("update", s, now, Text(body, "request_callback_uri") ?? "", Options.FailAllRequests || changes.CustomId == AvanserOptions.FailingCustomId, changes);
            }
            return RequestReply(202, r);
        }

        private static AvanserService ServiceFrom(JsonElement body, bool forUpdate)
        {
            var s = new AvanserService
            {
                ServiceType = Text(body, "service_type") ?? "", Name = Text(body, "name") ?? "", Target = Text(body, "target") ?? "", TargetName = Text(body, "target_name") ?? "",
                Recording = Text(body, "recording") ?? "", CallbackUri = Text(body, "callback_uri") ?? "", SmsForwardUri = Text(body, "sms_forward_uri") ?? "",
                CustomId = Text(body, "custom_id") ?? "", CustomGroup = Text(body, "custom_group") ?? "",
                EmailNotifications = List(body, "email_notifications"), SmsNotifications = List(body, "sms_notifications"),
            };
            if (s.ServiceType.Length > 0)
            {
                var type = AvanserSandboxState.ServiceTypes.FirstOrDefault(t => string.Equals(t, s.ServiceType, StringComparison.OrdinalIgnoreCase))
                    ?? throw new Refusal(400, "invalid_parameter", "service_type must be VoiceMail, Prompt or Transfer (got '" + s.ServiceType + "').");
                s.ServiceType = type;
            }
            else if (!forUpdate) throw new Refusal(400, "invalid_parameter", "service_type is required: VoiceMail, Prompt or Transfer.");
            if (!forUpdate && s.ServiceType == "Transfer" && s.Target.Length == 0) throw new Refusal(400, "invalid_parameter", "A Transfer service needs a target (answer point).");
            if (!forUpdate && s.ServiceType != "Transfer" && s.Recording.Length == 0) throw new Refusal(400, "invalid_parameter", "A " + s.ServiceType + " service needs a recording.");
            foreach (var (name, value) in new[] { ("callback_uri", s.CallbackUri), ("sms_forward_uri", s.SmsForwardUri) })
                if (value.Length > 0 && (!Uri.TryCreate(value.Replace("[[", "").Replace("]]", ""), UriKind.Absolute, out var u) || !IsHttp(u)))
                    throw new Refusal(400, "invalid_parameter", name + " must be an absolute http(s) URL.");
            return s;
        }

        private static JsonElement ReadBody(SandboxHttpRequest request)
        {
            if (string.IsNullOrWhiteSpace(request.Body)) throw new Refusal(400, "invalid_parameter", "The request needs a JSON body.");
            try
            {
                using var doc = JsonDocument.Parse(request.Body!);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new Refusal(400, "invalid_parameter", "The body must be a JSON object.");
                return doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new Refusal(400, "invalid_parameter", "The body is not JSON: " + ex.Message);
            }
        }

        private static string? Text(JsonElement body, string name)
        {
            if (!body.TryGetProperty(name, out var v)) return null;
            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.Null => null,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw new Refusal(400, "invalid_parameter", name + " must be a string."),
            };
        }

        private static List<string> List(JsonElement body, string name)
        {
            if (!body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return new List<string>();
            if (v.ValueKind == JsonValueKind.String) return v.GetString()!.Split(',').Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
            if (v.ValueKind != JsonValueKind.Array) throw new Refusal(400, "invalid_parameter", name + " must be an array of strings.");
            return v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw new Refusal(400, "invalid_parameter", name + " must be an array of strings.")).ToList();
        }

        private static void WriteService(Utf8JsonWriter w, AvanserService s)
        {
            w.WriteStartObject();
            w.WriteString("service_id", s.ServiceId); w.WriteString("number", s.Number); w.WriteString("number_class", s.NumberClass);
            w.WriteString("service_type", s.ServiceType); w.WriteString("name", s.Name); w.WriteString("target", s.Target); w.WriteString("target_name", s.TargetName);
            w.WriteString("recording", s.Recording);
            w.WriteStartArray("email_notifications"); foreach (var e in s.EmailNotifications) w.WriteStringValue(e); w.WriteEndArray();
            w.WriteStartArray("sms_notifications"); foreach (var e in s.SmsNotifications) w.WriteStringValue(e); w.WriteEndArray();
            w.WriteString("callback_uri", s.CallbackUri); w.WriteString("sms_forward_uri", s.SmsForwardUri);
            w.WriteString("custom_id", s.CustomId); w.WriteString("custom_group", s.CustomGroup); w.WriteString("status", s.Status);
            w.WriteString("created", s.Created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        private static void WriteRequest(Utf8JsonWriter w, AvanserProvisioningRequest r)
        {
            var inv = CultureInfo.InvariantCulture;
            w.WriteStartObject();
            w.WriteString("request_id", r.RequestId); w.WriteString("type", r.Type); w.WriteString("status", r.Status); w.WriteString("service_id", r.ServiceId);
            w.WriteString("number", r.Number); w.WriteString("custom_id", r.CustomId); w.WriteString("custom_group", r.CustomGroup);
            w.WriteString("submitted", r.Submitted.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", inv));
            if (r.Completed is { } c) w.WriteString("completed", c.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", inv)); else w.WriteNull("completed");
            if (r.Error != null) w.WriteString("error", r.Error); else w.WriteNull("error");
            w.WriteEndObject();
        }

        private static string RequestBody(AvanserProvisioningRequest r)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, SandboxHttpResponse.WriterOptions))
            {
                w.WriteStartObject(); w.WritePropertyName("request"); WriteRequest(w, r); w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private SandboxHttpResponse RequestReply(int status, AvanserProvisioningRequest r)
        {
            AvanserProvisioningRequest snapshot;
            lock (State.Gate) snapshot = (AvanserProvisioningRequest)MemberwiseCopy(r);
            return Telco(status, null, w => { w.WritePropertyName("request"); WriteRequest(w, snapshot); });
        }

        private static object MemberwiseCopy(AvanserProvisioningRequest r) => new AvanserProvisioningRequest
        {
            RequestId = r.RequestId, Type = r.Type, Status = r.Status, ServiceId = r.ServiceId, Number = r.Number, CustomId = r.CustomId, CustomGroup = r.CustomGroup,
            Submitted = r.Submitted, Due = r.Due, Completed = r.Completed, Error = r.Error, RequestCallbackUri = r.RequestCallbackUri,
        };

        private int _transaction;

        private SandboxHttpResponse Telco(int status, string? message, Action<Utf8JsonWriter> body)
        {
            var id = Interlocked.Increment(ref _transaction);
            return SandboxHttpResponse.Json(status, w =>
            {
                w.WriteStartObject();
                WriteTransaction(w, id, status, message);
                body(w);
                w.WriteEndObject();
            });
        }

        private static void WriteTransaction(Utf8JsonWriter w, int id, int status, string? message)
        {
            w.WriteStartObject("@transaction");
            w.WriteString("id", "TX" + id.ToString("D8", CultureInfo.InvariantCulture));
            w.WriteString("status", status < 400 ? "OK" : "ERROR");
            w.WriteNumber("code", status);
            if (message is null) w.WriteNull("message"); else w.WriteString("message", message);
            w.WriteEndObject();
        }

        private static SandboxHttpResponse Error(int status, string code, string message)
        {
            return SandboxHttpResponse.Json(status, w =>
            {
                w.WriteStartObject();
                w.WriteString("error", code);
                w.WriteString("message", message);
                w.WriteEndObject();
            });
        }

        private static SandboxHttpResponse Unauthorized(string code, string message) =>
            Error(401, code, message).WithHeader("WWW-Authenticate", "Basic realm=\"AVANSER\"");

        public void Dispose()
        {
            _clock.Advanced -= OnClockAdvanced;
            _timer?.Dispose();
        }

        /// <summary>A request the emulator refuses: its HTTP status, error code and message.</summary>
        private sealed class Refusal : Exception
        {
            public Refusal(int status, string code, string message) : base(message)
            {
                Status = status;
                Code = code;
            }

            public int Status { get; }
            public string Code { get; }
        }
    }
}
