using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Batching;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Http;
using CallTracking.Core.Model;
using CallTracking.Core.Paging;
using CallTracking.Core.Validation;
using Ops = CallTracking.Core.Providers.AvidTrak.AvidTrakApi.Operations;

namespace CallTracking.Core.Providers.AvidTrak
{
    /// <summary>
    /// The account's numbers: list_numbers (Get-TrackingNumber; one number = the list, filtered: the API has no method for
    /// one), search_number (Find-TrackingNumber) and purchase_number (New-TrackingNumber: the numbers of one type and
    /// country in one request, sent once).
    /// </summary>
    public sealed partial class AvidTrakClient : ITrackingNumbers, INumberSearch, INumberPurchase, IBatchNumberPurchase
    {
        // ---- list_numbers ------------------------------------------------------------------------------------------------

        /// <summary>list_numbers with its filters; one reply (AvidTrak lists are not paged [seed]), First taken from it.</summary>
        public IAsyncEnumerable<AvidTrakTrackingNumber> ListNumbersAsync(AvidTrakNumberQuery? query, long? first = null, Action<PageProgress>? observer = null, CancellationToken cancellationToken = default)
        {
            var parameters = NumberListParameters(query);
            return Paginator.StreamAsync<AvidTrakTrackingNumber>(AvidTrakApi.ProviderName, Ops.ListNumbers, async (token, ct) =>
            {
                var numbers = await ListNumbersOnceAsync(parameters, ct).ConfigureAwait(false);
                return new Page<AvidTrakTrackingNumber>(numbers, null, numbers.Count);
            }, first, null, observer, cancellationToken);
        }

        private async Task<IReadOnlyList<AvidTrakTrackingNumber>> ListNumbersOnceAsync(QueryBuilder? parameters, CancellationToken cancellationToken)
        {
            var envelope = await CallAsync(Ops.ListNumbers, parameters, null, cancellationToken).ConfigureAwait(false);
            return envelope.Rows.Select(r => AvidTrakRecords.Number(r, DefaultCountry)).ToList();
        }

        private static QueryBuilder NumberListParameters(AvidTrakNumberQuery? query)
        {
            var q = new QueryBuilder();
            if (query is null) return q;
            if (query.NumberType != null) q.Add(AvidTrakApi.NumberType, AvidTrakWire.Required(query.NumberType, AvidTrakApi.NumberTypes, "NumberType"));
            if (query.AssignmentType != null) q.Add(AvidTrakApi.AssignmentType, AvidTrakWire.Required(query.AssignmentType, AvidTrakApi.AssignmentTypes, "AssignmentType"));
            if (query.AreaCode != null) q.Add(AvidTrakApi.AreaCode, AvidTrakWire.AreaCode(query.AreaCode, "AreaCode"));
            return q;
        }

        /// <summary>One number by its SID or by the number itself (any form): list_numbers, then the one asked for.</summary>
        public async Task<AvidTrakTrackingNumber> GetNumberAsync(string sidOrNumber, CancellationToken cancellationToken = default)
        {
            var key = NumberKey(sidOrNumber, "Id");
            var numbers = await ListNumbersOnceAsync(null, cancellationToken).ConfigureAwait(false);
            var found = numbers.FirstOrDefault(n => Matches(n, key));
            return found ?? throw new CallTrackingException(AvidTrakApi.ProviderName, Ops.ListNumbers.Name, CallTrackingErrorKind.NotFound,
                "AvidTrak has no number '" + key + "' in this account (list_numbers lists " + numbers.Count + ")." ) { Target = key };
        }

        /// <summary>A SID as given, or a number (written with +, or a national number of ten digits or more) as E.164.</summary>
        private string NumberKey(string? sidOrNumber, string parameter)
        {
            var key = (sidOrNumber ?? string.Empty).Trim();
            if (key.Length == 0) throw new CallTrackingArgumentException(parameter, sidOrNumber, "an AvidTrak number SID (PN…) or a phone number (+14105551234)");
            return key.StartsWith("+", StringComparison.Ordinal) ? PhoneNumberNormalizer.Normalize(key, DefaultCountry, parameter) : key;
        }

        private static bool Matches(TrackingNumber n, string key)
            => string.Equals(n.Id, key, StringComparison.OrdinalIgnoreCase) || (key.StartsWith("+", StringComparison.Ordinal) && n.Number == key);

        /// <summary>
        /// The SIDs of rows given as SIDs or numbers: a number (+E164) is looked up once per operation (one list_numbers
        /// request); a number the account does not have is a NotFound error for its row.
        /// </summary>
        private sealed class SidResolver
        {
            private readonly AvidTrakClient _client;
            private Dictionary<string, string>? _byNumber;

            public SidResolver(AvidTrakClient client) => _client = client;

            public async Task<(string? Sid, Exception? Error)[]> ResolveAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
            {
                var result = new (string? Sid, Exception? Error)[keys.Count];
                for (var i = 0; i < keys.Count; i++)
                {
                    var key = keys[i];
                    if (!key.StartsWith("+", StringComparison.Ordinal)) { result[i] = (key, null); continue; }
                    if (_byNumber is null)
                    {
                        var numbers = await _client.ListNumbersOnceAsync(null, cancellationToken).ConfigureAwait(false);
                        _byNumber = new Dictionary<string, string>(StringComparer.Ordinal);
                        foreach (var n in numbers) if (n.Id.Length > 0 && !_byNumber.ContainsKey(n.Number)) _byNumber[n.Number] = n.Id;
                    }
                    result[i] = _byNumber.TryGetValue(key, out var sid) ? (sid, (Exception?)null)
                        : (null, new CallTrackingException(AvidTrakApi.ProviderName, Ops.ListNumbers.Name, CallTrackingErrorKind.NotFound,
                            "AvidTrak has no number " + key + " in this account (its SID is needed: Get-TrackingNumber lists the numbers with their SIDs); nothing was sent for it.") { Target = key, NotSent = true });
                }
                return result;
            }
        }

        /// <summary>
        /// Sends a sid[] method for rows identified by SID or number: the numbers are resolved first (a row whose number is
        /// unknown fails alone), then one request for the others; its failure is each of their failures.
        /// </summary>
        private async Task<IReadOnlyList<BatchReply>> SendForSidsAsync(SidResolver resolver, IReadOnlyList<string> keys, Func<IReadOnlyList<string>, CancellationToken, Task> send, CancellationToken cancellationToken)
        {
            var resolved = await resolver.ResolveAsync(keys, cancellationToken).ConfigureAwait(false);
            var sids = resolved.Where(r => r.Sid != null).Select(r => r.Sid!).ToList();
            if (sids.Count == resolved.Length)
            {
                await send(sids, cancellationToken).ConfigureAwait(false);
                return BatchReply.AllDone(keys.Count);
            }
            Exception? failure = null;
            if (sids.Count > 0)
            {
                try { await send(sids, cancellationToken).ConfigureAwait(false); }
                catch (Exception ex) when (BatchRun<string>.IsRowFailure(ex)) { failure = ex; }
            }
            return resolved.Select(r => r.Error != null ? BatchReply.Failed(r.Error) : failure != null ? BatchReply.Failed(failure) : BatchReply.Done()).ToList();
        }

        private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

        /// <summary>"3 numbers: PN1, PN2, PN3" (at most 5 named).</summary>
        private static string NumbersText(IReadOnlyList<string> keys)
            => Count(keys.Count, "number") + ": " + string.Join(", ", keys.Take(5)) + (keys.Count > 5 ? ", … (" + (keys.Count - 5) + " more)" : string.Empty);

        // ---- search_number -----------------------------------------------------------------------------------------------

        /// <summary>search_number: up to 30 numbers of a type in an area code [seed].</summary>
        public async Task<IReadOnlyList<AvidTrakAvailableNumber>> SearchNumbersAsync(AvidTrakNumberSearch search, CancellationToken cancellationToken = default)
        {
            var q = SearchParameters(search, out var country);
            var envelope = await CallAsync(Ops.SearchNumber, q, search.AreaCode, cancellationToken).ConfigureAwait(false);
            return envelope.Rows.Select(r => AvidTrakRecords.Available(r, country)).ToList();
        }

        private static QueryBuilder SearchParameters(AvidTrakNumberSearch? search, out string country)
        {
            if (search is null) throw CallTrackingArgumentException.NothingGiven(new[] { "Quantity", "NumberType", "AreaCode" }, "AvidTrak searches a quantity of numbers of a type in an area code");
            if (search.Quantity < 1 || search.Quantity > AvidTrakApi.MaxSearchQuantity)
                throw new CallTrackingArgumentException("Quantity", search.Quantity, "a whole number from 1 to " + AvidTrakApi.MaxSearchQuantity + " (AvidTrak's maximum)");
            var type = AvidTrakWire.Required(search.NumberType, AvidTrakApi.NumberTypes, "NumberType");
            var area = AvidTrakWire.AreaCode(search.AreaCode, "AreaCode");
            country = AvidTrakWire.Country(search.Country, "Country");
            return new QueryBuilder().Add(AvidTrakApi.Quantity, (long)search.Quantity).Add(AvidTrakApi.NumberType, type).Add(AvidTrakApi.AreaCode, area)
                .Add(AvidTrakApi.Country, search.Country is null ? null : country);
        }

        // ---- purchase_number ---------------------------------------------------------------------------------------------

        /// <summary>
        /// The purchase as a batch: one row per number; rows of one type and country share a purchase_number request
        /// (number[] in order). Spends money: a request goes out once (a failure that may have reached AvidTrak is
        /// OutcomeUnknown on each of its rows, never repeated), and a refused request is never sent again without a row.
        /// </summary>
        public IBatchOperation<NumberPurchase> PurchaseBatch()
            => new BatchOperation<NumberPurchase>(AvidTrakApi.ProviderName, Ops.PurchaseNumber, "buy numbers", AvidTrakApi.MaxArrayPerRequest)
            {
                ExpandRow = row =>
                {
                    var p = Purchase(row);
                    if (p.Numbers.Count <= 1) return new[] { row };
                    return p.Numbers.Select(n => new NumberPurchase { Options = new AvidTrakPurchase { NumberType = p.NumberType, Country = p.Country, Numbers = new[] { n } } }).ToList();
                },
                ValidateRow = row => PurchaseOne(row),
                Key = row => { var (type, country, _) = PurchaseOne(row); return type + "|" + country; },
                Identifier = row => PurchaseOne(row).Number,
                Result = row =>
                {
                    var p = Purchase(row);
                    var number = p.Numbers.FirstOrDefault();
                    var e164 = number != null && PhoneNumberNormalizer.TryNormalize(number, SafeCountry(p.Country), out var n, out _) ? n : number;
                    var type = AvidTrakWire.OneOf(p.NumberType, AvidTrakApi.NumberTypes);
                    return new NumberPurchaseResult(AvidTrakApi.ProviderName, "buy numbers")
                    {
                        Number = e164,
                        Country = SafeCountry(p.Country),
                        TollFree = type is null ? (bool?)null : type == AvidTrakApi.TollNumber,
                        Change = "number_type=" + (type ?? p.NumberType) + ", country=" + SafeCountry(p.Country),
                    };
                },
                Description = rows =>
                {
                    var (type, country, _) = PurchaseOne(rows[0]);
                    var numbers = rows.Select(r => PurchaseOne(r).Number).ToList();
                    return new BatchDescription(NumbersText(numbers), "Purchase " + Count(rows.Count, type + " number") + " in " + country + " (purchase_number: spends money)");
                },
                Send = (rows, ct) => PurchaseAsync(rows.Select(PurchaseOne).ToList(), ct),
            };

        private AvidTrakPurchase Purchase(NumberPurchase purchase)
            => AvidTrakOptions<AvidTrakPurchase>(purchase.Options, "New-TrackingNumber")
               ?? throw CallTrackingArgumentException.NothingGiven(new[] { "NumberType", "Number" }, "AvidTrak buys numbers of a type (toll or local), as found by Find-TrackingNumber");

        /// <summary>One number to buy: its type, country and national digits (checked: an argument error before anything is sent).</summary>
        private (string Type, string Country, string Number) PurchaseOne(NumberPurchase purchase)
        {
            var p = Purchase(purchase);
            var type = AvidTrakWire.Required(p.NumberType, AvidTrakApi.NumberTypes, "NumberType");
            var country = AvidTrakWire.Country(p.Country, "Country");
            if (p.Numbers.Count == 0) throw new CallTrackingArgumentException("Number", null, "the numbers to buy (number[]), as Find-TrackingNumber gives them");
            if (p.Numbers.Count > 1) throw new CallTrackingArgumentException("Number", string.Join(",", p.Numbers), "one number per purchase row (the batch puts rows of one type and country in one request)");
            return (type, country, AvidTrakWire.Phone(p.Numbers[0], country, "Number"));
        }

        private static string SafeCountry(string? country) => string.IsNullOrWhiteSpace(country) ? AvidTrakApi.DefaultCountry : country!.Trim().ToUpperInvariant();

        /// <summary>purchase_number for numbers of one type and country; one reply per number, in order.</summary>
        private async Task<IReadOnlyList<BatchReply>> PurchaseAsync(IReadOnlyList<(string Type, string Country, string Number)> numbers, CancellationToken cancellationToken)
        {
            var q = new QueryBuilder().Add(AvidTrakApi.NumberType, numbers[0].Type);
            foreach (var n in numbers) q.Add(AvidTrakApi.NumberArray, n.Number);
            if (numbers[0].Country != AvidTrakApi.DefaultCountry) q.Add(AvidTrakApi.Country, numbers[0].Country);
            var target = numbers.Count == 1 ? numbers[0].Number : Count(numbers.Count, "number");
            var envelope = await CallAsync(Ops.PurchaseNumber, q, target, cancellationToken).ConfigureAwait(false);
            var bought = envelope.Rows.Select(r => AvidTrakRecords.Number(r, numbers[0].Country)).ToList();
            var byDigits = new Dictionary<string, AvidTrakTrackingNumber>(StringComparer.Ordinal);
            foreach (var b in bought)
            {
                var digits = b.Number.StartsWith("+", StringComparison.Ordinal) ? AvidTrakWire.NationalDigits(b.Number) : b.Number;
                if (!byDigits.ContainsKey(digits)) byDigits[digits] = b;
            }
            return numbers.Select(n =>
            {
                if (byDigits.TryGetValue(n.Number, out var number)) return BatchReply.Done(number);
                // [assumed] one row per number bought; a success with no rows at all says nothing per number.
                if (bought.Count == 0) return BatchReply.Done(null);
                return BatchReply.Failed(new CallTrackingException(AvidTrakApi.ProviderName, Ops.PurchaseNumber.Name, CallTrackingErrorKind.OutcomeUnknown,
                    "AvidTrak answered the purchase with success but did not list " + n.Number + " among the numbers bought: it may or may not have been bought; it was not repeated. Check with Get-TrackingNumber before buying it again.") { Target = n.Number });
            }).ToList();
        }

        // ---- Capabilities --------------------------------------------------------------------------------------------------

        IAsyncEnumerable<TrackingNumber> ITrackingNumbers.ListNumbersAsync(NumberQuery query, Action<PageProgress>? observer, CancellationToken cancellationToken)
        {
            var options = AvidTrakOptions<AvidTrakNumberQuery>(query.Options, "Get-TrackingNumber");
            NumberListParameters(options);
            return ListNumbersAsync(options, query.First, observer, cancellationToken);
        }

        async Task<TrackingNumber> ITrackingNumbers.GetNumberAsync(string id, CancellationToken cancellationToken) => await GetNumberAsync(id, cancellationToken).ConfigureAwait(false);

        void ITrackingNumbers.Validate(NumberQuery query) => NumberListParameters(AvidTrakOptions<AvidTrakNumberQuery>(query.Options, "Get-TrackingNumber"));

        async Task<IReadOnlyList<AvailableNumber>> INumberSearch.SearchNumbersAsync(NumberSearch search, CancellationToken cancellationToken)
            => await SearchNumbersAsync(SearchOf(search), cancellationToken).ConfigureAwait(false);

        void INumberSearch.Validate(NumberSearch search) => SearchParameters(SearchOf(search), out _);

        private AvidTrakNumberSearch SearchOf(NumberSearch search)
            => AvidTrakOptions<AvidTrakNumberSearch>(search.Options, "Find-TrackingNumber")
               ?? throw CallTrackingArgumentException.NothingGiven(new[] { "Quantity", "NumberType", "AreaCode" }, "AvidTrak searches a quantity of numbers of a type in an area code");

        async Task<TrackingNumber> INumberPurchase.PurchaseNumberAsync(NumberPurchase purchase, CancellationToken cancellationToken)
        {
            var one = PurchaseOne(purchase);
            var reply = (await PurchaseAsync(new[] { one }, cancellationToken).ConfigureAwait(false))[0];
            if (reply.Error != null) throw reply.Error;
            return reply.Value as TrackingNumber ?? new AvidTrakTrackingNumber(string.Empty, PhoneNumberNormalizer.Normalize(one.Number, one.Country, "Number")) { Country = one.Country };
        }

        void INumberPurchase.Validate(NumberPurchase purchase) => PurchaseOne(purchase);

        string INumberPurchase.Describe(NumberPurchase purchase)
        {
            var (type, country, number) = PurchaseOne(purchase);
            return type + " number " + number + " in " + country;
        }

        /// <summary>The options as AvidTrak's, null when none; another provider's options are a WrongProvider error.</summary>
        private static T? AvidTrakOptions<T>(ProviderOptions? options, string what) where T : ProviderOptions
        {
            if (options is null) return null;
            if (!string.Equals(options.Provider, AvidTrakApi.ProviderName, StringComparison.OrdinalIgnoreCase))
                throw CallTrackingArgumentException.ProviderMismatch(options.Provider, what + " parameters for " + options.Provider + " cannot be sent to AvidTrak: pass -Connection with a connection to " + options.Provider + ".");
            return options as T ?? throw new ArgumentException(what + ": AvidTrak takes no " + options.GetType().Name + " here.", nameof(options));
        }
    }
}
