using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Export;
using CallTracking.Core.Http;
using CallTracking.Core.Json;
using CallTracking.Core.Model;
using CallTracking.Core.Paging;
using CallTracking.Core.Validation;
using Ops = CallTracking.Core.Providers.TrackDrive.TrackDriveApi.Operations;

namespace CallTracking.Core.Providers.TrackDrive
{
    /// <summary>
    /// Every TrackDrive endpoint in the seeds: calls (list, reports, stats, show, hang up) and phone numbers (list, show,
    /// purchase, update, unrent), each as the capability a cmdlet asks for. Validates against the seed's lists before
    /// sending; lists stream page by page.
    /// </summary>
    public sealed class TrackDriveClient : ICallLog, ICallLogCsv, ICallControl, ICallReports, ICallStatistics,
        ITrackingNumbers, ITrackingNumbersCsv, INumberPurchase, INumberSettings, INumberRelease
    {
        private readonly ApiExecutor _executor;
        private readonly TrackDriveParser _parser;
        private readonly string _defaultCountry;

        public TrackDriveClient(ApiExecutor executor, string defaultCountry)
        {
            _executor = executor ?? throw new ArgumentNullException(nameof(executor));
            _defaultCountry = defaultCountry;
            _parser = new TrackDriveParser(defaultCountry);
        }

        // ---- Calls ---------------------------------------------------------------------------------------------------

        /// <summary>GET /calls with cursor paging (-1 → next_cursor → 0).</summary>
        public IAsyncEnumerable<TrackDriveCallRecord> ListCallsAsync(TrackDriveCallQuery query, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Calls(query);
            var perPage = PageSize(query.PerPage, query.First);
            return Paginator.StreamAsync<TrackDriveCallRecord>(_executor.Provider, Ops.ListCalls, (token, ct) =>
            {
                var q = new QueryBuilder();
                WriteFilter(q, query);
                q.Add(TrackDriveApi.Fulltext, query.Fulltext).Add(TrackDriveApi.TimeZone, query.TimeZone);
                AddColumns(q, query.Columns);
                q.Add(TrackDriveApi.Cursor, token ?? TrackDriveApi.FirstCursor.ToString(CultureInfo.InvariantCulture));
                q.Add(TrackDriveApi.PerPage, (long)perPage);
                return _executor.SendAsync(ApiRequest.Get(Ops.ListCalls, TrackDriveApi.CallsPath, q), response =>
                    ListPage<TrackDriveCallRecord>(response, TrackDriveApi.CallsRoot, _parser.ParseCall, NextCursor, perPage), ct);
            }, query.First, new PageRules<TrackDriveCallRecord> { KeyOf = c => c.Id, TokenOrder = TrackDriveApi.CursorOrder }, observer, cancellationToken);
        }

        private static readonly string LastCursorText = TrackDriveApi.LastCursor.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// next_cursor as the token to send back: a whole number of any size, as it came (a cursor is not a quantity, so
        /// 99999999999999999999 is passed on, never overflowed); none at the last cursor or when the reply gives none.
        /// </summary>
        private static string? NextCursor(JsonListInfo info)
        {
            var next = JsonValues.MetadataWholeNumber(info.Metadata, TrackDriveApi.NextCursor);
            return next is null || next == LastCursorText ? null : next;
        }

        /// <summary>GET /calls/:uuid — by numeric id or uuid.</summary>
        public Task<TrackDriveCallRecord> GetCallAsync(string idOrUuid, CancellationToken cancellationToken = default)
        {
            var id = CallKey(idOrUuid);
            var request = ApiRequest.Get(Ops.GetCall, string.Format(CultureInfo.InvariantCulture, TrackDriveApi.CallPath, Uri.EscapeDataString(id)));
            request.Target = id;
            return _executor.ReadAsync(request, body => ReadRecord(body, TrackDriveApi.CallRoot, _parser.ParseCall, request, c => c.Id), cancellationToken);
        }

        /// <summary>DELETE /calls/:uuid — hangs up an ongoing call. Never sent twice once it may have reached the server.</summary>
        public Task<TrackDriveCallRecord?> HangUpCallAsync(string idOrUuid, CancellationToken cancellationToken = default)
        {
            var id = CallKey(idOrUuid);
            var request = new ApiRequest(Ops.HangUpCall, HttpMethod.Delete, string.Format(CultureInfo.InvariantCulture, TrackDriveApi.CallPath, Uri.EscapeDataString(id))) { Target = id };
            return _executor.ReadAsync(request, body => body.Length == 0 ? null : (TrackDriveCallRecord?)ReadRecord(body, TrackDriveApi.CallRoot, _parser.ParseCall, request, c => c.Id), cancellationToken);
        }

        /// <summary>GET /calls/reports by category (page paging).</summary>
        public IAsyncEnumerable<CallReportRow> GetCallReportAsync(TrackDriveReportQuery query, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Report(query);
            var perPage = PageSize(query.PerPage, query.First);
            return Paginator.StreamAsync<CallReportRow>(_executor.Provider, Ops.GetCallReport, (token, ct) =>
            {
                var page = token is null ? 1 : long.Parse(token, CultureInfo.InvariantCulture);
                var q = ReportQuery(query);
                q.Add(TrackDriveApi.Page, page).Add(TrackDriveApi.PerPage, (long)perPage);
                return _executor.SendAsync(ApiRequest.Get(Ops.GetCallReport, TrackDriveApi.CallReportsPath, q), response =>
                    ListPage(response, TrackDriveApi.ReportsRoot, (ref Utf8JsonReader r, JsonSource s) => _parser.ParseReportRow(ref r, s, query.Category),
                        info => NextPage(page, info.Count, perPage, info.Metadata)), ct);
            }, query.First, new PageRules<CallReportRow> { KeyOf = r => r.Value, TokenOrder = PageTokenOrder.Increasing }, observer, cancellationToken);
        }

        /// <summary>GET /calls/stats by group_by and stat over a required created_at range; follows page when the reply says there are more.</summary>
        public async Task<IReadOnlyList<CallStatistic>> GetCallStatisticsAsync(TrackDriveStatsQuery query, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Stats(query);
            var rows = new List<CallStatistic>();
            var stream = Paginator.StreamAsync<CallStatistic>(_executor.Provider, Ops.GetCallStatistics, (token, ct) =>
            {
                var page = token is null ? 1 : long.Parse(token, CultureInfo.InvariantCulture);
                var q = new QueryBuilder().Add(TrackDriveApi.GroupBy, query.GroupBy).Add(TrackDriveApi.Stat, query.Stat);
                WriteFilter(q, query);
                if (page > 1) q.Add(TrackDriveApi.Page, page);
                return _executor.SendAsync(ApiRequest.Get(Ops.GetCallStatistics, TrackDriveApi.CallStatsPath, q), response =>
                    ListPage(response, TrackDriveApi.StatsRoot, (ref Utf8JsonReader r, JsonSource s) => _parser.ParseStatistic(ref r, s, query.GroupBy, query.Stat),
                        info => StatsNextPage(page, info.Metadata)), ct);
            }, null, new PageRules<CallStatistic> { KeyOf = r => r.Group, TokenOrder = PageTokenOrder.Increasing }, null, cancellationToken);
            await foreach (var row in stream.ConfigureAwait(false)) rows.Add(row);
            return rows;
        }

        // ---- Phone numbers --------------------------------------------------------------------------------------------

        /// <summary>GET /phone_numbers (page paging).</summary>
        public IAsyncEnumerable<TrackDriveTrackingNumber> ListPhoneNumbersAsync(TrackDriveNumberQuery query, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Numbers(query);
            var perPage = PageSize(query.PerPage, query.First);
            var number = query.Number is null ? null : PhoneNumberNormalizer.Normalize(query.Number, _defaultCountry, "Number");
            return Paginator.StreamAsync<TrackDriveTrackingNumber>(_executor.Provider, Ops.ListPhoneNumbers, (token, ct) =>
            {
                var page = token is null ? 1 : long.Parse(token, CultureInfo.InvariantCulture);
                var q = new QueryBuilder();
                WriteNumberFilter(q, query, number);
                q.Add(TrackDriveApi.Page, page).Add(TrackDriveApi.PerPage, (long)perPage);
                return _executor.SendAsync(ApiRequest.Get(Ops.ListPhoneNumbers, TrackDriveApi.PhoneNumbersPath, q), response =>
                    ListPage<TrackDriveTrackingNumber>(response, TrackDriveApi.NumbersRoot, _parser.ParseNumber, info => NextPage(page, info.Count, perPage, info.Metadata)), ct);
            }, query.First, new PageRules<TrackDriveTrackingNumber>
            {
                KeyOf = n => n.Id,
                TokenOrder = PageTokenOrder.Increasing,
                // Page numbers: setting or removing the numbers listed moves the rest to earlier pages.
                ShiftsWhenRecordsChange = true,
                ReadAllFirst = query.ReadAllFirst,
            }, observer, cancellationToken);
        }

        /// <summary>GET /phone_numbers/:id — the internal id or the number (any form; sent as +E164).</summary>
        public Task<TrackDriveTrackingNumber> GetPhoneNumberAsync(string idOrNumber, CancellationToken cancellationToken = default)
        {
            var key = NumberKey(idOrNumber, "Id");
            var request = ApiRequest.Get(Ops.GetPhoneNumber, NumberPath(key));
            request.Target = key;
            return _executor.ReadAsync(request, body => ReadRecord(body, TrackDriveApi.SingleNumberRoot, _parser.ParseNumber, request, n => n.Id), cancellationToken);
        }

        /// <summary>POST /phone_numbers — buys a number. Spends money: sent once unless the server surely did not act (429, refused).</summary>
        public Task<TrackDriveTrackingNumber> PurchasePhoneNumberAsync(TrackDrivePurchaseRequest purchase, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Purchase(purchase);
            var request = new ApiRequest(Ops.PurchasePhoneNumber, HttpMethod.Post, TrackDriveApi.PhoneNumbersPath) { Target = purchase.ToString() };
            SetJsonBody(request, w =>
            {
                w.WriteNumber(TrackDriveApi.ProviderConfigurationId, purchase.ProviderConfigurationId);
                w.WriteNumber(TrackDriveApi.OfferId, purchase.OfferId);
                w.WriteBoolean(TrackDriveApi.TollFree, purchase.TollFree);
                w.WriteString(TrackDriveApi.Country, purchase.Country);
                if (purchase.TrafficSourceId.HasValue) w.WriteNumber(TrackDriveApi.TrafficSourceId, purchase.TrafficSourceId.Value);
                if (purchase.RingPoolId.HasValue) w.WriteNumber(TrackDriveApi.RingPoolId, purchase.RingPoolId.Value);
                if (purchase.TokenValues != null) WriteStrings(w, TrackDriveApi.TokenValues, purchase.TokenValues);
            });
            return _executor.ReadAsync(request, body => ReadRecord(body, TrackDriveApi.SingleNumberRoot, _parser.ParseNumber, request, n => n.Id), cancellationToken);
        }

        /// <summary>PUT /phone_numbers/:id — changes offer, traffic source, ring pool or tokens (idempotent: retried like reads).</summary>
        public Task<TrackDriveTrackingNumber> UpdatePhoneNumberAsync(TrackDriveNumberUpdate update, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Update(update);
            var key = NumberKey(update.Id, "Id");
            var request = new ApiRequest(Ops.UpdatePhoneNumber, HttpMethod.Put, NumberPath(key)) { Target = key };
            SetJsonBody(request, w =>
            {
                if (update.OfferId.HasValue) w.WriteNumber(TrackDriveApi.OfferId, update.OfferId.Value);
                if (update.TrafficSourceId.HasValue) w.WriteNumber(TrackDriveApi.TrafficSourceId, update.TrafficSourceId.Value);
                if (update.RingPoolId.HasValue) w.WriteNumber(TrackDriveApi.RingPoolId, update.RingPoolId.Value);
                if (update.TokenValues != null) WriteStrings(w, TrackDriveApi.TokenValues, update.TokenValues);
                else if (update.ClearTokenValues) w.WriteNull(TrackDriveApi.TokenValues);
            });
            return _executor.ReadAsync(request, body => ReadRecord(body, TrackDriveApi.SingleNumberRoot, _parser.ParseNumber, request, n => n.Id), cancellationToken);
        }

        /// <summary>DELETE /phone_numbers/:id — unrents. Destroys state: never sent twice once it may have reached the server.</summary>
        public Task<TrackDriveTrackingNumber?> UnrentPhoneNumberAsync(string idOrNumber, CancellationToken cancellationToken = default)
        {
            var key = NumberKey(idOrNumber, "Id");
            var request = new ApiRequest(Ops.UnrentPhoneNumber, HttpMethod.Delete, NumberPath(key)) { Target = key };
            return _executor.ReadAsync(request, body => body.Length == 0 ? null : (TrackDriveTrackingNumber?)ReadRecord(body, TrackDriveApi.SingleNumberRoot, _parser.ParseNumber, request, n => n.Id), cancellationToken);
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
            return CopyCsv(Ops.ExportCalls, TrackDriveApi.CallsCsvPath, q, PageSize(query.PerPage, query.First), query.First, destination, observer, cancellationToken);
        }

        public Task<long> ExportCallReportCsvAsync(TrackDriveReportQuery query, Stream destination, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Report(query);
            return CopyCsv(Ops.ExportCallReport, TrackDriveApi.CallReportsCsvPath, ReportQuery(query), PageSize(query.PerPage, query.First), query.First, destination, observer, cancellationToken);
        }

        public Task<long> ExportPhoneNumbersCsvAsync(TrackDriveNumberQuery query, Stream destination, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            TrackDriveValidation.Numbers(query);
            var q = new QueryBuilder();
            WriteNumberFilter(q, query, query.Number is null ? null : PhoneNumberNormalizer.Normalize(query.Number, _defaultCountry, "Number"));
            return CopyCsv(Ops.ExportPhoneNumbers, TrackDriveApi.PhoneNumbersCsvPath, q, PageSize(query.PerPage, query.First), query.First, destination, observer, cancellationToken);
        }

        private Task<long> CopyCsv(ApiOperation operation, string path, QueryBuilder baseQuery, int perPage, long? first, Stream destination, Action<PageProgress>? observer, CancellationToken cancellationToken)
            => CsvPageCopy.CopyAsync(operation.Name, (pageNumber, ct) =>
            {
                var q = new QueryBuilder();
                foreach (var p in baseQuery.Pairs) q.Add(p.Key, p.Value);
                q.Add(TrackDriveApi.Page, (long)pageNumber).Add(TrackDriveApi.PerPage, (long)perPage);
                return _executor.SendAsync(ApiRequest.Get(operation, path, q), response =>
                {
                    using (response) return CsvPage.Parse(response.Body, response.MediaType);
                }, ct);
            }, perPage, first, destination, observer, cancellationToken);

        // ---- Capabilities: the shared queries laid over TrackDrive's own options ------------------------------------------

        IAsyncEnumerable<CallRecord> ICallLog.ListCallsAsync(CallLogQuery query, Action<PageProgress>? observer, CancellationToken cancellationToken)
            => ListCallsAsync(CallQueryOf(query), observer, cancellationToken);

        async Task<CallRecord> ICallLog.GetCallAsync(string id, CancellationToken cancellationToken) => await GetCallAsync(id, cancellationToken).ConfigureAwait(false);

        void ICallLog.Validate(CallLogQuery query) => TrackDriveValidation.Calls(CallQueryOf(query));

        Task<long> ICallLogCsv.ExportCallsCsvAsync(CallLogQuery query, Stream destination, Action<PageProgress>? observer, CancellationToken cancellationToken)
            => ExportCallsCsvAsync(CallQueryOf(query), destination, observer, cancellationToken);

        async Task<CallRecord?> ICallControl.HangUpCallAsync(string id, CancellationToken cancellationToken) => await HangUpCallAsync(id, cancellationToken).ConfigureAwait(false);

        IAsyncEnumerable<CallReportRow> ICallReports.GetCallReportAsync(CallReportQuery query, Action<PageProgress>? observer, CancellationToken cancellationToken)
            => GetCallReportAsync(ReportQueryOf(query), observer, cancellationToken);

        Task<long> ICallReports.ExportCallReportCsvAsync(CallReportQuery query, Stream destination, Action<PageProgress>? observer, CancellationToken cancellationToken)
            => ExportCallReportCsvAsync(ReportQueryOf(query), destination, observer, cancellationToken);

        void ICallReports.Validate(CallReportQuery query) => TrackDriveValidation.Report(ReportQueryOf(query));

        Task<IReadOnlyList<CallStatistic>> ICallStatistics.GetCallStatisticsAsync(CallStatisticQuery query, CancellationToken cancellationToken)
            => GetCallStatisticsAsync(StatsQueryOf(query), cancellationToken);

        void ICallStatistics.Validate(CallStatisticQuery query) => TrackDriveValidation.Stats(StatsQueryOf(query));

        IAsyncEnumerable<TrackingNumber> ITrackingNumbers.ListNumbersAsync(NumberQuery query, Action<PageProgress>? observer, CancellationToken cancellationToken)
            => ListPhoneNumbersAsync(NumberQueryOf(query), observer, cancellationToken);

        async Task<TrackingNumber> ITrackingNumbers.GetNumberAsync(string id, CancellationToken cancellationToken) => await GetPhoneNumberAsync(id, cancellationToken).ConfigureAwait(false);

        void ITrackingNumbers.Validate(NumberQuery query) => TrackDriveValidation.Numbers(NumberQueryOf(query));

        Task<long> ITrackingNumbersCsv.ExportNumbersCsvAsync(NumberQuery query, Stream destination, Action<PageProgress>? observer, CancellationToken cancellationToken)
            => ExportPhoneNumbersCsvAsync(NumberQueryOf(query), destination, observer, cancellationToken);

        async Task<TrackingNumber> INumberPurchase.PurchaseNumberAsync(NumberPurchase purchase, CancellationToken cancellationToken)
            => await PurchasePhoneNumberAsync(PurchaseOf(purchase), cancellationToken).ConfigureAwait(false);

        void INumberPurchase.Validate(NumberPurchase purchase) => TrackDriveValidation.Purchase(PurchaseOf(purchase));

        string INumberPurchase.Describe(NumberPurchase purchase) => PurchaseOf(purchase).ToString();

        async Task<TrackingNumber> INumberSettings.UpdateNumberAsync(NumberChange change, CancellationToken cancellationToken)
            => await UpdatePhoneNumberAsync(UpdateOf(change), cancellationToken).ConfigureAwait(false);

        void INumberSettings.Validate(NumberChange change)
        {
            var update = UpdateOf(change);
            TrackDriveValidation.Update(update);
            NumberKey(update.Id, "Id");
        }

        string INumberSettings.Describe(NumberChange change) => UpdateOf(change).Describe();

        async Task<TrackingNumber?> INumberRelease.ReleaseNumberAsync(NumberRelease release, CancellationToken cancellationToken)
        {
            OptionsOf<ProviderOptions>(release.Options, "Remove-TrackingNumber");
            return await UnrentPhoneNumberAsync(release.Id, cancellationToken).ConfigureAwait(false);
        }

        void INumberRelease.Validate(NumberRelease release)
        {
            OptionsOf<ProviderOptions>(release.Options, "Remove-TrackingNumber");
            NumberKey(release.Id, "Id");
        }

        string INumberRelease.Describe(NumberRelease release) => "Release the number (unrent: calls to it stop being tracked)";

        private static TrackDriveCallQuery CallQueryOf(CallLogQuery query)
        {
            var q = OptionsOf<TrackDriveCallQuery>(query.Options, "Get-CallLog")?.Copy<TrackDriveCallQuery>() ?? new TrackDriveCallQuery();
            if (query.CreatedAfter.HasValue) q.CreatedAtFrom = query.CreatedAfter;
            if (query.CreatedBefore.HasValue) q.CreatedAtTo = query.CreatedBefore;
            if (query.First.HasValue) q.First = query.First;
            if (query.PageSize.HasValue) q.PerPage = query.PageSize;
            return q;
        }

        private static TrackDriveReportQuery ReportQueryOf(CallReportQuery query)
        {
            var q = OptionsOf<TrackDriveReportQuery>(query.Options, "Get-CallReport")?.Copy<TrackDriveReportQuery>() ?? new TrackDriveReportQuery();
            if (query.CreatedAfter.HasValue) q.CreatedAtFrom = query.CreatedAfter;
            if (query.CreatedBefore.HasValue) q.CreatedAtTo = query.CreatedBefore;
            if (query.First.HasValue) q.First = query.First;
            if (query.PageSize.HasValue) q.PerPage = query.PageSize;
            return q;
        }

        private static TrackDriveStatsQuery StatsQueryOf(CallStatisticQuery query)
        {
            var q = OptionsOf<TrackDriveStatsQuery>(query.Options, "Get-CallStatistic")?.Copy<TrackDriveStatsQuery>() ?? new TrackDriveStatsQuery();
            if (query.CreatedAfter.HasValue) q.CreatedAtFrom = query.CreatedAfter;
            if (query.CreatedBefore.HasValue) q.CreatedAtTo = query.CreatedBefore;
            return q;
        }

        private static TrackDriveNumberQuery NumberQueryOf(NumberQuery query)
        {
            var q = OptionsOf<TrackDriveNumberQuery>(query.Options, "Get-TrackingNumber")?.Copy() ?? new TrackDriveNumberQuery();
            if (query.First.HasValue) q.First = query.First;
            if (query.PageSize.HasValue) q.PerPage = query.PageSize;
            q.ReadAllFirst = query.ReadAllFirst;
            return q;
        }

        private static TrackDrivePurchaseRequest PurchaseOf(NumberPurchase purchase)
            => OptionsOf<TrackDrivePurchaseRequest>(purchase.Options, "New-TrackingNumber")
               ?? throw CallTrackingArgumentException.NothingGiven(new[] { "ProviderConfigurationId", "OfferId", "Country" }, "TrackDrive buys a number for a provider configuration, an offer and a country");

        private static TrackDriveNumberUpdate UpdateOf(NumberChange change)
        {
            var u = OptionsOf<TrackDriveNumberUpdate>(change.Options, "Set-TrackingNumber")?.Copy() ?? new TrackDriveNumberUpdate();
            u.Id = change.Id;
            return u;
        }

        /// <summary>The options as TrackDrive's, null when none; another provider's options are a WrongProvider error.</summary>
        private static T? OptionsOf<T>(ProviderOptions? options, string what) where T : ProviderOptions
        {
            if (options is null) return null;
            if (!string.Equals(options.Provider, TrackDriveApi.ProviderName, StringComparison.OrdinalIgnoreCase))
                throw CallTrackingArgumentException.ProviderMismatch(options.Provider, what + " parameters for " + options.Provider + " cannot be sent to TrackDrive: pass -Connection with a connection to " + options.Provider + ".");
            return options as T ?? throw new ArgumentException(what + ": TrackDrive takes no " + options.GetType().Name + " here.", nameof(options));
        }

        // ---- Helpers ---------------------------------------------------------------------------------------------------

        private static QueryBuilder ReportQuery(TrackDriveReportQuery query)
        {
            var q = new QueryBuilder().Add(TrackDriveApi.Category, query.Category);
            WriteFilter(q, query);
            q.Add(TrackDriveApi.Fulltext, query.Fulltext).Add(TrackDriveApi.TimeZone, query.TimeZone);
            AddColumns(q, query.Columns);
            return q;
        }

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

        private static string? NextPage(long page, int count, int perPage, IReadOnlyDictionary<string, object?> metadata)
        {
            var totalPages = JsonValues.MetadataInt64(metadata, TrackDriveApi.TotalPages);
            var total = JsonValues.MetadataInt64(metadata, TrackDriveApi.TotalCount);
            if (totalPages.HasValue) return page < totalPages.Value ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
            if (total.HasValue) return page * perPage < total.Value ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
            return count < perPage ? null : (page + 1).ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>[calls] stats take a page but say nothing of page counts: follow only what the reply announces.</summary>
        private static string? StatsNextPage(long page, IReadOnlyDictionary<string, object?> metadata)
        {
            var totalPages = JsonValues.MetadataInt64(metadata, TrackDriveApi.TotalPages);
            if (totalPages.HasValue) return page < totalPages.Value ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
            var next = JsonValues.MetadataInt64(metadata, TrackDriveApi.NextPage);
            return next.HasValue && next.Value > page ? next.Value.ToString(CultureInfo.InvariantCulture) : null;
        }

        private static string CallKey(string idOrUuid)
        {
            var key = (idOrUuid ?? string.Empty).Trim();
            if (key.Length == 0 || (!IsDigits(key) && !Guid.TryParse(key, out _)))
                throw new CallTrackingArgumentException("Id", idOrUuid, "a TrackDrive call id (12345) or uuid (5cc8897c-ad0f-44cb-8ea7-8f7736ae76f1)");
            return key;
        }

        /// <summary>[numbers] ":id" is the internal id or the number beginning with '+'; a number typed any other way is normalised.</summary>
        internal string NumberKey(string idOrNumber, string parameter)
        {
            var key = (idOrNumber ?? string.Empty).Trim();
            if (key.Length == 0) throw new CallTrackingArgumentException(parameter, idOrNumber, "a TrackDrive number id (185923) or a phone number (+18005002562, or a national number such as 2133554058)");
            // Ten digits or more are a phone number typed without '+' (a national number: 2133554058); shorter digits are an id.
            if (IsDigits(key) && key.Length < 10) return key;
            return PhoneNumberNormalizer.Normalize(key, _defaultCountry, parameter);
        }

        private static string NumberPath(string key) => string.Format(CultureInfo.InvariantCulture, TrackDriveApi.PhoneNumberPath, Uri.EscapeDataString(key));

        private static bool IsDigits(string s)
        {
            foreach (var c in s) if (c < '0' || c > '9') return false;
            return s.Length > 0;
        }

        /// <summary>
        /// Reads the whole page inside the request's retry scope, on the fetch's thread (not the pipeline's): every record is
        /// parsed while every token is checked, so a broken page is fetched again before any of its records is handed out,
        /// and the pooled buffer goes back at once (the page holds only its records).
        /// </summary>
        private static Page<T> ListPage<T>(ApiResponse response, string root, RecordParser<T> parse, Func<JsonListInfo, string?> nextToken, int perPage = 0)
        {
            using (response)
            {
                var list = JsonPages.ReadList(response.Body, root, parse, perPage);
                return new Page<T>(list.Items, nextToken(list.Info), JsonValues.MetadataInt64(list.Metadata, TrackDriveApi.TotalCount));
            }
        }

        /// <summary>
        /// Reads one record; a reply that is not the expected record (an error body inside a 2xx, an empty object) is an
        /// error, never an empty object: OutcomeUnknown for a purchase, unrent or hang-up, ProviderFailure otherwise.
        /// </summary>
        private T ReadRecord<T>(ReadOnlyMemory<byte> body, string root, RecordParser<T> parse, ApiRequest request, Func<T, string> key) where T : ProviderRecord
        {
            var record = JsonPages.ReadSingle(body, root, parse);
            if (record.Id.Length > 0 && key(record).Length > 0) return record;
            var (code, message) = TrackDriveResponseInterpreter.ReadError(body);
            var unsafeOperation = request.Operation.Safety == OperationSafety.Unsafe;
            var text = TrackDriveApi.ProviderName + " could not " + request.Operation.Description + (request.Target is null ? string.Empty : " '" + request.Target + "'")
                       + ": the reply is not a " + record.Kind + (message is null ? string.Empty : " (" + message + ")") + "."
                       + (unsafeOperation ? " The provider may have carried it out; it was not repeated. Check the account before trying again." : string.Empty);
            throw new CallTrackingException(TrackDriveApi.ProviderName, request.Operation.Name,
                unsafeOperation ? CallTrackingErrorKind.OutcomeUnknown : CallTrackingErrorKind.ProviderFailure, text, null, code, message) { Target = request.Target };
        }

        private static void SetJsonBody(ApiRequest request, Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }
            request.Body = buffer.ToArray();
            request.ContentType = "application/json; charset=utf-8";
        }

        private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
        {
            w.WriteStartArray(name);
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }
    }
}
