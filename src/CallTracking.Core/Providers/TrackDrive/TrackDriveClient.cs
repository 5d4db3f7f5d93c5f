using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Http;
using CallTracking.Core.Json;
using CallTracking.Core.Model;
using CallTracking.Core.Paging;
using CallTracking.Core.Validation;
using Polly;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>
    /// Every TrackDrive endpoint in the seeds: calls (list, reports, stats, show, hang up) and phone numbers (list, show,
    /// purchase, update, unrent). Validates against the seed's lists before sending; lists stream page by page.
    /// </summary>
    public sealed class TrackDriveClient
    {
        private readonly ApiTransport _transport;
        private readonly ResiliencePipeline _pageRetry;
        private readonly TrackDriveParser _parser;
        private readonly string _defaultCountry;

        public TrackDriveClient(ApiTransport transport, RetrySettings retry, string defaultCountry)
        {
            _transport = transport;
            _pageRetry = Paginator.PageRetry(retry);
            _defaultCountry = defaultCountry;
            _parser = new TrackDriveParser(defaultCountry);
        }

        // ---- Calls ---------------------------------------------------------------------------------------------------

        /// <summary>GET /calls with cursor paging (-1 → next_cursor → 0).</summary>
        public IAsyncEnumerable<CallRecord> ListCallsAsync(TrackDriveCallQuery query, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Calls(query);
            const string op = "TrackDrive.ListCalls";
            var perPage = PageSize(query.PerPage, query.First);
            return Paginator.StreamAsync(op, async (token, ct) =>
            {
                var q = new QueryBuilder();
                WriteFilter(q, query);
                q.Add(TrackDriveApi.Fulltext, query.Fulltext).Add(TrackDriveApi.TimeZone, query.TimeZone);
                AddColumns(q, query.Columns);
                q.Add(TrackDriveApi.Cursor, token ?? TrackDriveApi.FirstCursor.ToString(CultureInfo.InvariantCulture));
                q.Add(TrackDriveApi.PerPage, (long)perPage);
                var response = await GetAsync(q.AppendTo(TrackDriveApi.CallsPath), new RequestOperation(op, OperationSafety.Read), ct).ConfigureAwait(false);
                return LazyPage(response, TrackDriveApi.CallsRoot, _parser.ParseCall, (count, metadata) =>
                {
                    var next = JsonValues.MetadataInt64(metadata, TrackDriveApi.NextCursor);
                    return next.HasValue && next.Value != TrackDriveApi.LastCursor ? next.Value.ToString(CultureInfo.InvariantCulture) : null;
                });
            }, query.First, _pageRetry, observer, cancellationToken);
        }

        /// <summary>GET /calls/:uuid — by numeric id or uuid.</summary>
        public async Task<CallRecord> GetCallAsync(string idOrUuid, CancellationToken cancellationToken = default)
        {
            var id = CallKey(idOrUuid);
            var op = new RequestOperation("TrackDrive.GetCall", OperationSafety.Read, id);
            using var response = await GetAsync(string.Format(CultureInfo.InvariantCulture, TrackDriveApi.CallPath, Uri.EscapeDataString(id)), op, cancellationToken).ConfigureAwait(false);
            return ReadSingle(response, TrackDriveApi.CallRoot, _parser.ParseCall, op);
        }

        /// <summary>DELETE /calls/:uuid — hangs up an ongoing call. Never retried once it may have reached the server.</summary>
        public async Task<CallRecord?> HangUpCallAsync(string idOrUuid, CancellationToken cancellationToken = default)
        {
            var id = CallKey(idOrUuid);
            var op = new RequestOperation("TrackDrive.HangUpCall", OperationSafety.Unsafe, id);
            var request = new HttpRequestMessage(HttpMethod.Delete, string.Format(CultureInfo.InvariantCulture, TrackDriveApi.CallPath, Uri.EscapeDataString(id)));
            using var response = await _transport.SendAsync(request, op, TrackDriveParser.ReadError, cancellationToken).ConfigureAwait(false);
            return response.Body.Length == 0 ? null : ReadSingle(response, TrackDriveApi.CallRoot, _parser.ParseCall, op);
        }

        /// <summary>GET /calls/reports by category (page paging).</summary>
        public IAsyncEnumerable<CallReportRow> GetCallReportAsync(TrackDriveReportQuery query, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Report(query);
            const string op = "TrackDrive.GetCallReport";
            var perPage = PageSize(query.PerPage, query.First);
            return Paginator.StreamAsync(op, async (token, ct) =>
            {
                var page = token is null ? 1 : long.Parse(token, CultureInfo.InvariantCulture);
                var q = new QueryBuilder().Add(TrackDriveApi.Category, query.Category);
                WriteFilter(q, query);
                q.Add(TrackDriveApi.Fulltext, query.Fulltext).Add(TrackDriveApi.TimeZone, query.TimeZone);
                AddColumns(q, query.Columns);
                q.Add(TrackDriveApi.Page, page).Add(TrackDriveApi.PerPage, (long)perPage);
                var response = await GetAsync(q.AppendTo(TrackDriveApi.CallReportsPath), new RequestOperation(op, OperationSafety.Read), ct).ConfigureAwait(false);
                return LazyPage(response, TrackDriveApi.ReportsRoot, (ref Utf8JsonReader r) => _parser.ParseReportRow(ref r, query.Category), (count, metadata) => NextPage(page, count, perPage, metadata));
            }, query.First, _pageRetry, observer, cancellationToken);
        }

        /// <summary>GET /calls/stats by group_by and stat over a required created_at range.</summary>
        public async Task<IReadOnlyList<CallStatistic>> GetCallStatisticsAsync(TrackDriveStatsQuery query, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Stats(query);
            var op = new RequestOperation("TrackDrive.GetCallStatistics", OperationSafety.Read);
            var q = new QueryBuilder().Add(TrackDriveApi.GroupBy, query.GroupBy).Add(TrackDriveApi.Stat, query.Stat);
            WriteFilter(q, query);
            return await _pageRetry.ExecuteAsync(async ct =>
            {
                using var response = await GetAsync(q.AppendTo(TrackDriveApi.CallStatsPath), op, ct).ConfigureAwait(false);
                IReadOnlyList<CallStatistic> rows = JsonValues.ReadList(response.Body, TrackDriveApi.StatsRoot, (ref Utf8JsonReader r) => _parser.ParseStatistic(ref r, query.GroupBy, query.Stat), out _);
                return rows;
            }, cancellationToken).ConfigureAwait(false);
        }

        // ---- Phone numbers --------------------------------------------------------------------------------------------

        /// <summary>GET /phone_numbers (page paging).</summary>
        public IAsyncEnumerable<TrackingNumber> ListPhoneNumbersAsync(TrackDriveNumberQuery query, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Numbers(query);
            const string op = "TrackDrive.ListPhoneNumbers";
            var perPage = PageSize(query.PerPage, query.First);
            var number = query.Number is null ? null : PhoneNumberNormalizer.Normalize(query.Number, _defaultCountry, "Number");
            return Paginator.StreamAsync(op, async (token, ct) =>
            {
                var page = token is null ? 1 : long.Parse(token, CultureInfo.InvariantCulture);
                var q = new QueryBuilder();
                WriteNumberFilter(q, query, number);
                q.Add(TrackDriveApi.Page, page).Add(TrackDriveApi.PerPage, (long)perPage);
                var response = await GetAsync(q.AppendTo(TrackDriveApi.PhoneNumbersPath), new RequestOperation(op, OperationSafety.Read), ct).ConfigureAwait(false);
                return LazyPage(response, TrackDriveApi.NumbersRoot, _parser.ParseNumber, (count, metadata) => NextPage(page, count, perPage, metadata));
            }, query.First, _pageRetry, observer, cancellationToken);
        }

        /// <summary>GET /phone_numbers/:id — the internal id or the number (any form; sent as +E164).</summary>
        public async Task<TrackingNumber> GetPhoneNumberAsync(string idOrNumber, CancellationToken cancellationToken = default)
        {
            var key = NumberKey(idOrNumber, "Id");
            var op = new RequestOperation("TrackDrive.GetPhoneNumber", OperationSafety.Read, key);
            using var response = await GetAsync(NumberPath(key), op, cancellationToken).ConfigureAwait(false);
            return ReadSingle(response, TrackDriveApi.SingleNumberRoot, _parser.ParseNumber, op);
        }

        /// <summary>POST /phone_numbers — buys a number. Spends money: sent once unless the server surely did not act (429, refused).</summary>
        public async Task<TrackingNumber> PurchasePhoneNumberAsync(TrackDrivePurchaseRequest purchase, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Purchase(purchase);
            var op = new RequestOperation("TrackDrive.PurchasePhoneNumber", OperationSafety.Unsafe, purchase.ToString());
            var body = Json(w =>
            {
                w.WriteNumber(TrackDriveApi.ProviderConfigurationId, purchase.ProviderConfigurationId);
                w.WriteNumber(TrackDriveApi.OfferId, purchase.OfferId);
                w.WriteBoolean(TrackDriveApi.TollFree, purchase.TollFree);
                w.WriteString(TrackDriveApi.Country, purchase.Country);
                if (purchase.TrafficSourceId.HasValue) w.WriteNumber(TrackDriveApi.TrafficSourceId, purchase.TrafficSourceId.Value);
                if (purchase.RingPoolId.HasValue) w.WriteNumber(TrackDriveApi.RingPoolId, purchase.RingPoolId.Value);
                if (purchase.TokenValues != null) WriteStrings(w, TrackDriveApi.TokenValues, purchase.TokenValues);
            });
            var request = new HttpRequestMessage(HttpMethod.Post, TrackDriveApi.PhoneNumbersPath) { Content = body };
            using var response = await _transport.SendAsync(request, op, TrackDriveParser.ReadError, cancellationToken).ConfigureAwait(false);
            return ReadSingle(response, TrackDriveApi.SingleNumberRoot, _parser.ParseNumber, op);
        }

        /// <summary>PUT /phone_numbers/:id — changes offer, traffic source, ring pool or tokens (idempotent: retried like reads).</summary>
        public async Task<TrackingNumber> UpdatePhoneNumberAsync(TrackDriveNumberUpdate update, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Update(update);
            var key = NumberKey(update.Id, "Id");
            var op = new RequestOperation("TrackDrive.UpdatePhoneNumber", OperationSafety.Idempotent, key);
            var body = Json(w =>
            {
                if (update.OfferId.HasValue) w.WriteNumber(TrackDriveApi.OfferId, update.OfferId.Value);
                if (update.TrafficSourceId.HasValue) w.WriteNumber(TrackDriveApi.TrafficSourceId, update.TrafficSourceId.Value);
                if (update.RingPoolId.HasValue) w.WriteNumber(TrackDriveApi.RingPoolId, update.RingPoolId.Value);
                if (update.TokenValues != null) WriteStrings(w, TrackDriveApi.TokenValues, update.TokenValues);
                else if (update.ClearTokenValues) w.WriteNull(TrackDriveApi.TokenValues);
            });
            var request = new HttpRequestMessage(HttpMethod.Put, NumberPath(key)) { Content = body };
            using var response = await _transport.SendAsync(request, op, TrackDriveParser.ReadError, cancellationToken).ConfigureAwait(false);
            return ReadSingle(response, TrackDriveApi.SingleNumberRoot, _parser.ParseNumber, op);
        }

        /// <summary>DELETE /phone_numbers/:id — unrents. Destroys state: never retried once it may have reached the server.</summary>
        public async Task<TrackingNumber?> UnrentPhoneNumberAsync(string idOrNumber, CancellationToken cancellationToken = default)
        {
            var key = NumberKey(idOrNumber, "Id");
            var op = new RequestOperation("TrackDrive.UnrentPhoneNumber", OperationSafety.Unsafe, key);
            var request = new HttpRequestMessage(HttpMethod.Delete, NumberPath(key));
            using var response = await _transport.SendAsync(request, op, TrackDriveParser.ReadError, cancellationToken).ConfigureAwait(false);
            return response.Body.Length == 0 ? null : ReadSingle(response, TrackDriveApi.SingleNumberRoot, _parser.ParseNumber, op);
        }

        // ---- CSV (the seed offers csv for calls, reports and phone numbers) ----------------------------------------------

        /// <summary>Writes the calls as the provider's CSV to <paramref name="destination"/>, page by page; returns rows written.</summary>
        public Task<long> ExportCallsCsvAsync(TrackDriveCallQuery query, Stream destination, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Calls(query);
            var q = new QueryBuilder();
            WriteFilter(q, query);
            q.Add(TrackDriveApi.Fulltext, query.Fulltext).Add(TrackDriveApi.TimeZone, query.TimeZone);
            AddColumns(q, query.Columns);
            return CsvExport.CopyPagesAsync(this, "TrackDrive.ExportCalls", TrackDriveApi.CallsCsvPath, q, PageSize(query.PerPage, query.First), query.First, destination, observer, cancellationToken);
        }

        public Task<long> ExportCallReportCsvAsync(TrackDriveReportQuery query, Stream destination, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Report(query);
            var q = new QueryBuilder().Add(TrackDriveApi.Category, query.Category);
            WriteFilter(q, query);
            q.Add(TrackDriveApi.Fulltext, query.Fulltext).Add(TrackDriveApi.TimeZone, query.TimeZone);
            AddColumns(q, query.Columns);
            return CsvExport.CopyPagesAsync(this, "TrackDrive.ExportCallReport", TrackDriveApi.CallReportsCsvPath, q, PageSize(query.PerPage, query.First), query.First, destination, observer, cancellationToken);
        }

        public Task<long> ExportPhoneNumbersCsvAsync(TrackDriveNumberQuery query, Stream destination, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Numbers(query);
            var q = new QueryBuilder();
            WriteNumberFilter(q, query, query.Number is null ? null : PhoneNumberNormalizer.Normalize(query.Number, _defaultCountry, "Number"));
            return CsvExport.CopyPagesAsync(this, "TrackDrive.ExportPhoneNumbers", TrackDriveApi.PhoneNumbersCsvPath, q, PageSize(query.PerPage, query.First), query.First, destination, observer, cancellationToken);
        }

        internal Task<ApiResponse> GetAsync(string relative, RequestOperation op, CancellationToken ct)
            => _transport.SendAsync(new HttpRequestMessage(HttpMethod.Get, relative), op, TrackDriveParser.ReadError, ct);

        internal ResiliencePipeline PageRetryPipeline => _pageRetry;

        // ---- Helpers ---------------------------------------------------------------------------------------------------

        /// <summary>Writes every filter of [calls] that is set, under the seed's parameter names.</summary>
        internal static void WriteFilter(QueryBuilder q, TrackDriveCallFilter f)
        {
            q.Add(TrackDriveApi.CreatedAtFrom, Date(f.CreatedAtFrom)).Add(TrackDriveApi.CreatedAtTo, Date(f.CreatedAtTo))
             .Add(TrackDriveApi.EndedAtFrom, Date(f.EndedAtFrom)).Add(TrackDriveApi.EndedAtTo, Date(f.EndedAtTo))
             .Add(TrackDriveApi.OfferRepeatCaller, f.OfferRepeatCaller).Add(TrackDriveApi.BuyerRepeatCaller, f.BuyerRepeatCaller)
             .Add(TrackDriveApi.BuyerConverted, f.BuyerConverted).Add(TrackDriveApi.OfferConverted, f.OfferConverted)
             .Add(TrackDriveApi.InProgress, f.InProgress).Add(TrackDriveApi.PlacedOnHold, f.PlacedOnHold)
             .Add(TrackDriveApi.HasRecording, f.HasRecording)
             .Add(TrackDriveApi.BuyerConversionDuplicatedCall, f.BuyerConversionDuplicatedCall)
             .Add(TrackDriveApi.OfferConversionDuplicatedCall, f.OfferConversionDuplicatedCall)
             .Add(TrackDriveApi.NoBuyer, f.NoBuyer).Add(TrackDriveApi.TokenKey, f.TokenKey).Add(TrackDriveApi.TokenValue, f.TokenValue)
             .Add(TrackDriveApi.Order, f.Order).Add(TrackDriveApi.OrderDir, f.OrderDir)
             .Add(TrackDriveApi.NumberId, f.NumberId).Add(TrackDriveApi.OfferId, f.OfferId).Add(TrackDriveApi.TrafficSourceId, f.TrafficSourceId)
             .Add(TrackDriveApi.BuyerId, f.BuyerId).Add(TrackDriveApi.BuyerGroupIds, f.BuyerGroupIds).Add(TrackDriveApi.RingPoolId, f.RingPoolId)
             .Add(TrackDriveApi.Id, f.Id).Add(TrackDriveApi.ProviderConfigurationId, f.ProviderConfigurationId)
             .Add(TrackDriveApi.ContactId, f.ContactId).Add(TrackDriveApi.Status, f.Status);
        }

        private static void WriteNumberFilter(QueryBuilder q, TrackDriveNumberQuery query, string? number)
        {
            q.Add(TrackDriveApi.CreatedAtFrom, Date(query.CreatedAtFrom)).Add(TrackDriveApi.CreatedAtTo, Date(query.CreatedAtTo))
             .Add(TrackDriveApi.LastCallAtFrom, Date(query.LastCallAtFrom)).Add(TrackDriveApi.LastCallAtTo, Date(query.LastCallAtTo))
             .Add(TrackDriveApi.Fulltext, query.Fulltext).Add(TrackDriveApi.TimeZone, query.TimeZone)
             .Add(TrackDriveApi.Number, number).Add(TrackDriveApi.OfferId, query.OfferId).Add(TrackDriveApi.TrafficSourceId, query.TrafficSourceId)
             .Add(TrackDriveApi.ProviderConfigurationId, query.ProviderConfigurationId).Add(TrackDriveApi.RingPoolId, query.RingPoolId);
            AddColumns(q, query.Columns);
        }

        private static void AddColumns(QueryBuilder q, IReadOnlyList<string>? columns)
        {
            if (columns is null || columns.Count == 0) return;
            q.Add(TrackDriveApi.Columns, string.Join(",", columns));
        }

        private static string? Date(DateTimeOffset? d) => d.HasValue ? TrackDriveDates.Format(d.Value) : null;

        private static int PageSize(int? perPage, long? first)
        {
            var size = perPage ?? 100; // larger than the API's default 25: fewer round trips for the same records
            if (first.HasValue && first.Value > 0 && first.Value < size) size = (int)first.Value;
            return Math.Min(size, TrackDriveApi.MaxPerPage);
        }

        private static string? NextPage(long page, int count, int perPage, Dictionary<string, object?> metadata)
        {
            var totalPages = JsonValues.MetadataInt64(metadata, TrackDriveApi.TotalPages);
            var total = JsonValues.MetadataInt64(metadata, TrackDriveApi.TotalCount);
            if (totalPages.HasValue) return page < totalPages.Value ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
            if (total.HasValue) return page * perPage < total.Value ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
            return count < perPage ? null : (page + 1).ToString(CultureInfo.InvariantCulture);
        }

        private static string CallKey(string idOrUuid)
        {
            var key = (idOrUuid ?? string.Empty).Trim();
            if (key.Length == 0) throw new CallTrackingArgumentException("Id", idOrUuid, "a TrackDrive call id (12345) or uuid (5cc8897c-ad0f-44cb-8ea7-8f7736ae76f1)");
            if (!IsDigits(key) && !Guid.TryParse(key, out _))
                throw new CallTrackingArgumentException("Id", idOrUuid, "a TrackDrive call id (12345) or uuid (5cc8897c-ad0f-44cb-8ea7-8f7736ae76f1)");
            return key;
        }

        /// <summary>[numbers] ":id" is the internal id or the number beginning with '+'; a number typed any other way is normalised.</summary>
        internal string NumberKey(string idOrNumber, string parameter)
        {
            var key = (idOrNumber ?? string.Empty).Trim();
            if (IsDigits(key)) return key;
            if (key.Length == 0) throw new CallTrackingArgumentException(parameter, idOrNumber, "a TrackDrive number id (185923) or a phone number beginning with '+' (+18005002562)");
            return PhoneNumberNormalizer.Normalize(key, _defaultCountry, parameter);
        }

        private static string NumberPath(string key) => string.Format(CultureInfo.InvariantCulture, TrackDriveApi.PhoneNumberPath, Uri.EscapeDataString(key));

        private static bool IsDigits(string s)
        {
            foreach (var c in s) if (c < '0' || c > '9') return false;
            return s.Length > 0;
        }

        /// <summary>
        /// Checks the whole page first (a broken page is fetched again before any of its records is handed out), then
        /// reads records one at a time from the page's buffer, which the page owns until it is consumed.
        /// </summary>
        private static Page<T> LazyPage<T>(ApiResponse response, string root, RecordParser<T> parse, Func<int, Dictionary<string, object?>, string?> nextToken)
        {
            try
            {
                var count = JsonValues.ScanList(response.Body, root, out var metadata, out var actualRoot);
                return new Page<T>(JsonValues.EnumerateList(response.Body, actualRoot, parse), count, nextToken(count, metadata), JsonValues.MetadataInt64(metadata, TrackDriveApi.TotalCount), response);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        private T ReadSingle<T>(ApiResponse response, string root, RecordParser<T> parse, RequestOperation op)
        {
            try { return JsonValues.ReadSingle(response.Body, root, parse); }
            catch (TransientContentException ex)
            {
                var kind = op.Safety == OperationSafety.Unsafe ? CallTrackingErrorKind.OutcomeUnknown : CallTrackingErrorKind.ProviderFailure;
                throw new CallTrackingException(ProviderName.TrackDrive, op.Name, kind, "TrackDrive " + op.Name + " returned a reply that could not be read: " + ex.Message, response.Status, null, null, ex) { Target = op.Target };
            }
        }

        private static ByteArrayContent Json(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }
            var content = new ByteArrayContent(buffer.ToArray());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }

        private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
        {
            w.WriteStartArray(name);
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }
    }
}
