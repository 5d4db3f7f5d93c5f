using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Paging;
using CallTracking.Core.Validation;
using Ops = CallTracking.Core.Providers.Avanser.AvanserApi.TelcoOperations;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>
    /// The Telco API (docs/wire-avanser.md): services (Get-TrackingNumber), stock (Find-TrackingNumber) and the
    /// asynchronous provisioning requests of New-, Set- and Remove-TrackingNumber (each submit sent once), read by
    /// Get-/Wait-ProvisioningRequest.
    /// </summary>
    public sealed partial class AvanserClient : ITrackingNumbers, INumberSearch, INumberProvisioning, IProvisioningRequests
    {
        // ---- Services ------------------------------------------------------------------------------------------------

        public void Validate(NumberQuery query) => Options<AvanserServiceQuery>(query?.Options);

        public async IAsyncEnumerable<TrackingNumber> ListNumbersAsync(NumberQuery query, Action<PageProgress>? observer, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var options = Options<AvanserServiceQuery>(query?.Options);
            var q = new QueryBuilder();
            if (options?.CustomId != null) q.Add(AvanserApi.CustomIdField, options.CustomId);
            if (options?.CustomGroup != null) q.Add(AvanserApi.CustomGroupField, options.CustomGroup);
            if (options?.Status != null) q.Add(AvanserApi.StatusField, Canonical(options.Status, AvanserApi.ServiceStatuses, "Status"));
            var body = await TelcoAsync(AvanserApi.Operations.ListServices, AvanserApi.ServicesPath, q, cancellationToken).ConfigureAwait(false);
            long n = 0;
            foreach (var s in ReadList(body, AvanserApi.ServicesRoot, Ops.GetService.Name).Select(Service))
            {
                if (query?.First is long first && n >= first) yield break;
                n++;
                yield return s;
            }
        }

        public async Task<TrackingNumber> GetNumberAsync(string id, CancellationToken cancellationToken)
        {
            var key = ServiceKey(id, "Id");
            if (key.StartsWith("+", StringComparison.Ordinal))
            {
                await foreach (var s in ListNumbersAsync(new NumberQuery(), null, cancellationToken).ConfigureAwait(false))
                    if (s.Number == key) return s;
                throw new CallTrackingException(AvanserApi.ProviderName, AvanserApi.Operations.ListServices.Name, CallTrackingErrorKind.NotFound,
                    "AVANSER has no service with number " + key + ".") { Target = key };
            }
            var body = await TelcoAsync(Ops.GetService, Path(AvanserApi.ServicePath, key), null, cancellationToken).ConfigureAwait(false);
            return Service(ReadOne(body, AvanserApi.ServiceRoot, Ops.GetService.Name));
        }

        // ---- Stock ---------------------------------------------------------------------------------------------------

        public void Validate(NumberSearch search) => StockQuery(search);

        public async Task<IReadOnlyList<AvailableNumber>> SearchNumbersAsync(NumberSearch search, CancellationToken cancellationToken)
        {
            var q = StockQuery(search);
            var body = await TelcoAsync(Ops.ListStock, AvanserApi.StockPath, q, cancellationToken).ConfigureAwait(false);
            // Private stock first [notes], whatever order the reply has (a stable sort keeps the API's order within a pool).
            return ReadList(body, AvanserApi.StockRoot, Ops.ListStock.Name).Select(Stock)
                .OrderBy(s => string.Equals(s.Pool, AvanserApi.PrivatePool, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .Cast<AvailableNumber>().ToList();
        }

        private static QueryBuilder StockQuery(NumberSearch search)
        {
            var options = Options<AvanserStockSearch>(search?.Options);
            var q = new QueryBuilder().Add(AvanserApi.NumberClassField, Canonical(options?.NumberClass ?? AvanserApi.DefaultNumberClass, AvanserApi.NumberClasses, "NumberClass"));
            if (options?.Limit is int limit)
            {
                if (limit < 1 || limit > 1000) throw new CallTrackingArgumentException("Limit", limit, "1 to 1000 numbers");
                q.Add(AvanserApi.LimitField, limit.ToString(CultureInfo.InvariantCulture));
            }
            return q;
        }

        // ---- Provisioning: new, update, decommission -----------------------------------------------------------------------

        public void Validate(NumberPurchase purchase) => NewServiceBody(purchase);

        public string Describe(NumberPurchase purchase)
        {
            var o = Options<AvanserServiceRequest>(purchase?.Options)!;
            return "new " + Canonical(o.ServiceType!, AvanserApi.ServiceTypes, "ServiceType") + " service on a " + (o.Number ?? (o.NumberClass ?? AvanserApi.DefaultNumberClass) + " number")
                + (o.CustomId != null ? " (custom_id " + o.CustomId + ")" : string.Empty);
        }

        public async Task<ProvisioningRequest> RequestNumberAsync(NumberPurchase purchase, CancellationToken cancellationToken)
        {
            var body = NewServiceBody(purchase);
            var request = new ApiRequest(Ops.NewService, HttpMethod.Post, AvanserApi.ServicesPath) { Target = Describe(purchase) };
            SetBody(request, body);
            return await SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        }

        public void Validate(NumberChange change) => UpdateBody(change);

        public string Describe(NumberChange change)
        {
            var fields = UpdateBody(change).Keys;
            return "update service " + change.Id + " (" + string.Join(", ", fields) + ")";
        }

        public async Task<ProvisioningRequest> RequestChangeAsync(NumberChange change, CancellationToken cancellationToken)
        {
            var body = UpdateBody(change);
            var key = ServiceKey(change.Id, "Id");
            var request = new ApiRequest(Ops.UpdateService, HttpMethod.Put, Path(AvanserApi.ServicePath, key)) { Target = "service " + key };
            SetBody(request, body);
            return await SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        }

        public void Validate(NumberRelease release)
        {
            ServiceKey(release?.Id, "Id");
            Options<AvanserServiceRequest>(release?.Options);
        }

        public string Describe(NumberRelease release) => "decommission service " + release.Id + " (the number goes back to AVANSER)";

        public async Task<ProvisioningRequest> RequestReleaseAsync(NumberRelease release, CancellationToken cancellationToken)
        {
            Validate(release);
            var key = ServiceKey(release.Id, "Id");
            var request = new ApiRequest(Ops.DecommissionService, HttpMethod.Delete, Path(AvanserApi.ServicePath, key)) { Target = "service " + key };
            return await SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // ---- Provisioning requests -------------------------------------------------------------------------------------

        public async Task<IReadOnlyList<ProvisioningRequest>> ListRequestsAsync(ProviderOptions? options, CancellationToken cancellationToken)
        {
            var o = Options<AvanserRequestQuery>(options);
            var q = new QueryBuilder();
            if (o?.Status != null) q.Add(AvanserApi.StatusField, Canonical(o.Status, AvanserApi.RequestStatuses, "Status"));
            var body = await TelcoAsync(Ops.ListRequests, AvanserApi.RequestsPath, q, cancellationToken).ConfigureAwait(false);
            return ReadList(body, AvanserApi.RequestsRoot, Ops.ListRequests.Name).Select(Request).ToList();
        }

        public async Task<ProvisioningRequest> GetRequestAsync(string id, CancellationToken cancellationToken)
        {
            var key = (id ?? string.Empty).Trim();
            if (key.Length == 0) throw new CallTrackingArgumentException("Id", id, "an AVANSER provisioning request id (PR…)");
            var body = await TelcoAsync(Ops.GetRequest, Path(AvanserApi.RequestPath, key), null, cancellationToken).ConfigureAwait(false);
            return Request(ReadOne(body, AvanserApi.RequestRoot, Ops.GetRequest.Name));
        }

        // ---- Bodies --------------------------------------------------------------------------------------------------------

        private Dictionary<string, object> NewServiceBody(NumberPurchase purchase)
        {
            var o = Options<AvanserServiceRequest>(purchase?.Options)
                ?? throw new CallTrackingArgumentException("ServiceType", null, "a service type: " + string.Join(", ", AvanserApi.ServiceTypes));
            if (o.ServiceType is null) throw new CallTrackingArgumentException("ServiceType", null, "a service type: " + string.Join(", ", AvanserApi.ServiceTypes));
            var type = Canonical(o.ServiceType, AvanserApi.ServiceTypes, "ServiceType");
            if (type == AvanserApi.TransferServiceType && string.IsNullOrWhiteSpace(o.AnswerPoint))
                throw new CallTrackingArgumentException("AnswerPoint", null, "the answer point (the number calls are transferred to) for a Transfer service");
            if (type != AvanserApi.TransferServiceType && string.IsNullOrWhiteSpace(o.Recording))
                throw new CallTrackingArgumentException("Recording", null, "the recording to play for a " + type + " service");
            var body = Fields(o);
            body[AvanserApi.ServiceTypeField] = type;
            if (!body.ContainsKey(AvanserApi.NumberClassField)) body[AvanserApi.NumberClassField] = AvanserApi.DefaultNumberClass;
            return body;
        }

        private Dictionary<string, object> UpdateBody(NumberChange change)
        {
            ServiceKey(change?.Id, "Id");
            var o = Options<AvanserServiceRequest>(change!.Options);
            var body = o is null ? new Dictionary<string, object>() : Fields(o);
            if (o?.ServiceType != null) body[AvanserApi.ServiceTypeField] = Canonical(o.ServiceType, AvanserApi.ServiceTypes, "ServiceType");
            if (body.Count == 0 || (body.Count == 1 && body.ContainsKey(AvanserApi.RequestCallbackUriField)))
                throw new CallTrackingArgumentException("ServiceType", null, "at least one setting to change (-ServiceType, -AnswerPoint, -Recording, -Name, notifications, URIs, -CustomId, -CustomGroup)");
            return body;
        }

        private Dictionary<string, object> Fields(AvanserServiceRequest o)
        {
            var body = new Dictionary<string, object>(StringComparer.Ordinal);
            void Text(string name, string? value) { if (!string.IsNullOrWhiteSpace(value)) body[name] = value!.Trim(); }
            if (o.NumberClass != null) body[AvanserApi.NumberClassField] = Canonical(o.NumberClass, AvanserApi.NumberClasses, "NumberClass");
            if (o.Number != null) body[AvanserApi.NumberField] = WireNumber(o.Number, "Number");
            Text(AvanserApi.NameField, o.Name);
            if (o.AnswerPoint != null) body[AvanserApi.TargetField] = WireNumber(o.AnswerPoint, "AnswerPoint");
            Text(AvanserApi.TargetNameField, o.AnswerPointName);
            Text(AvanserApi.RecordingField, o.Recording);
            if (o.EmailNotifications != null)
            {
                foreach (var e in o.EmailNotifications)
                    if (e is null || e.IndexOf('@') <= 0) throw new CallTrackingArgumentException("EmailNotification", e, "an e-mail address (name@example.com)");
                body[AvanserApi.EmailNotificationsField] = o.EmailNotifications.Select(e => e.Trim()).ToArray();
            }
            if (o.SmsNotifications != null) body[AvanserApi.SmsNotificationsField] = o.SmsNotifications.Select(s => WireNumber(s, "SmsNotification")).ToArray();
            Text(AvanserApi.CallbackUriField, Uri(o.CallbackUri, "CallbackUri"));
            Text(AvanserApi.SmsForwardUriField, Uri(o.SmsForwardUri, "SmsForwardUri"));
            Text(AvanserApi.RequestCallbackUriField, Uri(o.RequestCallbackUri, "RequestCallbackUri"));
            Text(AvanserApi.CustomIdField, o.CustomId);
            Text(AvanserApi.CustomGroupField, o.CustomGroup);
            return body;
        }

        private static string? Uri(string? text, string parameter)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var t = text!.Trim();
            // [[tag]] placeholders are not valid URI characters: check the URL with them blanked.
            var probe = System.Text.RegularExpressions.Regex.Replace(t, @"\[\[[^\]]*\]\]", "x");
            if (!System.Uri.TryCreate(probe, UriKind.Absolute, out var u) || (u.Scheme != "https" && u.Scheme != "http"))
                throw new CallTrackingArgumentException(parameter, text, "an absolute http(s) URL");
            return t;
        }

        /// <summary>A phone number as the Telco API writes it: +CC-LOCAL with the national trunk 0 (+61-0289996235) [seed].</summary>
        internal string WireNumber(string text, string parameter)
        {
            var t = (text ?? string.Empty).Trim();
            if (t.StartsWith("+", StringComparison.Ordinal) && t.IndexOf('-') > 0) return t; // already the wire form
            if (!PhoneNumberNormalizer.TryNormalize(t, DefaultCountry, out var e164, out _) || e164 is null)
                throw new CallTrackingArgumentException(parameter, text, "a phone number (+61289996235, or a national number of the connection's -DefaultCountry " + DefaultCountry + " such as 02 8999 6235)");
            var (cc, national) = PhoneNumberNormalizer.NationalDialled(e164, parameter);
            return "+" + cc.ToString(CultureInfo.InvariantCulture) + "-" + national;
        }

        /// <summary>A number from the Telco API as E.164 (+61-0289996235 → +61289996235); as sent when it does not read.</summary>
        internal static string ReadNumber(string? text)
        {
            var t = (text ?? string.Empty).Trim();
            var dash = t.IndexOf('-');
            if (t.StartsWith("+", StringComparison.Ordinal) && dash > 1)
            {
                var local = new string(t.Substring(dash + 1).Where(char.IsDigit).ToArray()).TrimStart('0');
                var cc = t.Substring(1, dash - 1);
                if (local.Length > 0 && cc.All(char.IsDigit)) return "+" + cc + local;
            }
            return PhoneNumberNormalizer.TryNormalize(t, AvanserApi.DefaultCountry, out var e164, out _) && e164 != null ? e164 : t;
        }

        private static void SetBody(ApiRequest request, Dictionary<string, object> body)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                foreach (var f in body)
                {
                    if (f.Value is string[] list) { w.WriteStartArray(f.Key); foreach (var v in list) w.WriteStringValue(v); w.WriteEndArray(); }
                    else w.WriteString(f.Key, (string)f.Value);
                }
                w.WriteEndObject();
            }
            request.Body = buffer.ToArray();
            request.ContentType = "application/json; charset=utf-8";
        }

        private async Task<ProvisioningRequest> SubmitAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            var text = await _executor.ReadAsync(request, b => System.Text.Encoding.UTF8.GetString(b.ToArray()), cancellationToken).ConfigureAwait(false);
            try
            {
                var answer = Request(ReadOne(text, AvanserApi.RequestRoot, request.Operation.Name));
                if (answer.Id.Length == 0) throw Malformed(request.Operation.Name, "names no request_id");
                return answer;
            }
            catch (CallTrackingException unreadable)
            {
                // AVANSER accepted the request (a 2xx) but its answer does not say which: it may be under way. Never
                // "try again": that could make a second service.
                throw new CallTrackingException(AvanserApi.ProviderName, request.Operation.Name, CallTrackingErrorKind.OutcomeUnknown,
                    unreadable.Message + " AVANSER accepted the request, so it may be under way: look for it with Get-ProvisioningRequest"
                    + " (or Get-TrackingNumber -CustomId) before sending it again.");
            }
        }

        // ---- Replies ---------------------------------------------------------------------------------------------------

        private static List<Dictionary<string, object?>> ReadList(string body, string root, string operation)
        {
            using var doc = Parse(body, operation);
            if (!doc.RootElement.TryGetProperty(root, out var list) || list.ValueKind != JsonValueKind.Array)
                throw Malformed(operation, "has no '" + root + "' list");
            return list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(Fields).ToList();
        }

        private static Dictionary<string, object?> ReadOne(string body, string root, string operation)
        {
            using var doc = Parse(body, operation);
            if (!doc.RootElement.TryGetProperty(root, out var one) || one.ValueKind != JsonValueKind.Object)
                throw Malformed(operation, "has no '" + root + "' object");
            return Fields(one);
        }

        private static JsonDocument Parse(string body, string operation)
        {
            try
            {
                var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) { doc.Dispose(); throw Malformed(operation, "is not a JSON object"); }
                return doc;
            }
            catch (JsonException) { throw Malformed(operation, "is not JSON"); }
        }

        private static CallTrackingException Malformed(string operation, string what)
            => new CallTrackingException(AvanserApi.ProviderName, operation, CallTrackingErrorKind.ProviderFailure, "The AVANSER Telco API's reply " + what + ".");

        private static Dictionary<string, object?> Fields(JsonElement e)
        {
            var d = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var p in e.EnumerateObject())
                d[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Null => null,
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => p.Value.TryGetInt64(out var l) ? (object)l : p.Value.GetDecimal(),
                    JsonValueKind.Array when p.Value.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String) => p.Value.EnumerateArray().Select(x => x.GetString()!).ToArray(),
                    _ => p.Value.GetRawText(),
                };
            return d;
        }

        private static string? Str(Dictionary<string, object?> d, string name)
            => d.TryGetValue(name, out var v) && v != null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

        private static IReadOnlyList<string> Strs(Dictionary<string, object?> d, string name)
            => d.TryGetValue(name, out var v) && v is string[] list ? list : Array.Empty<string>();

        private static DateTimeOffset? Date(Dictionary<string, object?> d, string name)
            => Str(d, name) is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : (DateTimeOffset?)null;

        private static Dictionary<string, object?> Untyped(Dictionary<string, object?> d, params string[] typed)
        {
            var raw = new Dictionary<string, object?>(d, StringComparer.Ordinal);
            foreach (var t in typed) raw.Remove(t);
            return raw;
        }

        private static AvanserService Service(Dictionary<string, object?> d)
        {
            var number = Str(d, AvanserApi.NumberField);
            var target = Str(d, AvanserApi.TargetField);
            return new AvanserService(Str(d, AvanserApi.ServiceIdField) ?? string.Empty, ReadNumber(number), Untyped(d,
                AvanserApi.ServiceIdField, AvanserApi.NumberField, AvanserApi.NumberClassField, AvanserApi.ServiceTypeField, AvanserApi.NameField,
                AvanserApi.TargetField, AvanserApi.TargetNameField, AvanserApi.RecordingField, AvanserApi.EmailNotificationsField, AvanserApi.SmsNotificationsField,
                AvanserApi.CallbackUriField, AvanserApi.SmsForwardUriField, AvanserApi.CustomIdField, AvanserApi.CustomGroupField, AvanserApi.StatusField, AvanserApi.CreatedField))
            {
                NumberClass = Str(d, AvanserApi.NumberClassField),
                TollFree = Str(d, AvanserApi.NumberClassField) is string c ? c == "TOLLFREE" || c == "FREECALL" : (bool?)null,
                Country = AvanserApi.DefaultCountry,
                ServiceType = Str(d, AvanserApi.ServiceTypeField),
                Name = Str(d, AvanserApi.NameField),
                Target = string.IsNullOrEmpty(target) ? null : ReadNumber(target),
                ForwardTo = string.IsNullOrEmpty(target) ? null : ReadNumber(target),
                TargetName = NullIfEmpty(Str(d, AvanserApi.TargetNameField)),
                Recording = NullIfEmpty(Str(d, AvanserApi.RecordingField)),
                EmailNotifications = Strs(d, AvanserApi.EmailNotificationsField),
                SmsNotifications = Strs(d, AvanserApi.SmsNotificationsField).Select(ReadNumber).ToArray(),
                CallbackUri = NullIfEmpty(Str(d, AvanserApi.CallbackUriField)),
                SmsForwardUri = NullIfEmpty(Str(d, AvanserApi.SmsForwardUriField)),
                CustomId = NullIfEmpty(Str(d, AvanserApi.CustomIdField)),
                CustomGroup = NullIfEmpty(Str(d, AvanserApi.CustomGroupField)),
                Status = Str(d, AvanserApi.StatusField),
                CreatedAt = Date(d, AvanserApi.CreatedField),
            };
        }

        private static AvanserStockNumber Stock(Dictionary<string, object?> d)
            => new AvanserStockNumber(ReadNumber(Str(d, AvanserApi.NumberField)), Untyped(d, AvanserApi.NumberField, AvanserApi.NumberClassField, AvanserApi.PoolField, AvanserApi.StateField))
            {
                Country = AvanserApi.DefaultCountry,
                NumberClass = Str(d, AvanserApi.NumberClassField),
                TollFree = Str(d, AvanserApi.NumberClassField) is string c ? c == "TOLLFREE" || c == "FREECALL" : (bool?)null,
                Pool = Str(d, AvanserApi.PoolField),
                State = Str(d, AvanserApi.StateField),
            };

        private static ProvisioningRequest Request(Dictionary<string, object?> d)
        {
            var status = Str(d, AvanserApi.StatusField);
            var number = Str(d, AvanserApi.NumberField);
            return new ProvisioningRequest(AvanserApi.ProviderName, Str(d, AvanserApi.RequestIdField) ?? string.Empty, Untyped(d,
                AvanserApi.RequestIdField, AvanserApi.RequestTypeField, AvanserApi.StatusField, AvanserApi.ServiceIdField, AvanserApi.NumberField,
                AvanserApi.CustomIdField, AvanserApi.CustomGroupField, AvanserApi.SubmittedField, AvanserApi.CompletedField, AvanserApi.ErrorField))
            {
                Type = Str(d, AvanserApi.RequestTypeField),
                Status = status,
                State = string.Equals(status, AvanserApi.RequestCompleted, StringComparison.OrdinalIgnoreCase) ? ProvisioningState.Completed
                    : string.Equals(status, AvanserApi.RequestFailed, StringComparison.OrdinalIgnoreCase) ? ProvisioningState.Failed : ProvisioningState.Pending,
                NumberId = NullIfEmpty(Str(d, AvanserApi.ServiceIdField)),
                Number = string.IsNullOrEmpty(number) ? null : ReadNumber(number),
                CustomId = NullIfEmpty(Str(d, AvanserApi.CustomIdField)),
                CustomGroup = NullIfEmpty(Str(d, AvanserApi.CustomGroupField)),
                SubmittedAt = Date(d, AvanserApi.SubmittedField),
                CompletedAt = Date(d, AvanserApi.CompletedField),
                Error = NullIfEmpty(Str(d, AvanserApi.ErrorField)),
            };
        }

        // ---- Helpers -------------------------------------------------------------------------------------------------------

        private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

        private static string Path(string format, string key) => string.Format(CultureInfo.InvariantCulture, format, System.Uri.EscapeDataString(key));

        private static string ServiceKey(string? id, string parameter)
        {
            var key = (id ?? string.Empty).Trim();
            if (key.Length == 0) throw new CallTrackingArgumentException(parameter, id, "an AVANSER service id, or its number (+61…)");
            return key;
        }

        private static string Canonical(string value, IReadOnlyList<string> allowed, string parameter)
            => allowed.FirstOrDefault(a => string.Equals(a, value?.Trim(), StringComparison.OrdinalIgnoreCase))
               ?? throw new CallTrackingArgumentException(parameter, value, "one of " + string.Join(", ", allowed));

        private static T? Options<T>(ProviderOptions? options) where T : ProviderOptions
        {
            if (options is null) return null;
            return options as T ?? throw new CallTrackingArgumentException("Options", options.Provider, "options for AVANSER (" + typeof(T).Name + ")");
        }
    }
}
