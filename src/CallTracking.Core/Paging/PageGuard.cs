using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using CallTracking.Core.Http;
using CallTracking.Core.Model;

namespace CallTracking.Core.Paging
{
    /// <summary>
    /// One listing's checks of what the server pages back (one instance per enumeration): tokens that repeat or turn back,
    /// pages that repeat the previous one, and records that repeat the previous page's. It keeps the tokens seen (one per
    /// page) and the previous page's keys only, so a listing of millions of records stays flat in memory.
    /// </summary>
    internal sealed class PageGuard<T>
    {
        private readonly string _provider;
        private readonly string _description;
        private readonly PageRules<T>? _rules;
        private readonly HashSet<string> _tokens = new HashSet<string>(StringComparer.Ordinal);
        private HashSet<string>? _previousKeys;
        private BigInteger? _lastNumber;
        private int _direction;

        public PageGuard(string provider, string operation, string description, PageRules<T>? rules)
        {
            _provider = provider;
            Operation = operation;
            _description = description;
            _rules = rules;
        }

        public string Operation { get; }
        public bool ReadAllFirst => _rules != null && _rules.ShiftsWhenRecordsChange && _rules.ReadAllFirst;
        public int ReadAllLimit => _rules?.ReadAllLimit ?? int.MaxValue;

        public PageGuard<T> Fresh() => new PageGuard<T>(_provider, Operation, _description, _rules);

        /// <summary>
        /// Checks the token that page <paramref name="pageNumber"/> gives for the next one: null when it may be followed,
        /// else the failure to report once this page's records are handed out (a cursor of any size is a number here).
        /// </summary>
        public CallTrackingException? CheckToken(string token, int pageNumber)
        {
            if (!_tokens.Add(token))
                return Stopped("page " + pageNumber + " gives the next-page token '" + Shorten(token) + "' again, which an earlier page gave: the provider's paging does not advance");
            if (_rules is null || _rules.TokenOrder == PageTokenOrder.Any) return null;
            if (!BigInteger.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                return Stopped("page " + pageNumber + " gives the next-page token '" + Shorten(token) + "', which is not a number");
            if (_lastNumber.HasValue)
            {
                var direction = (number - _lastNumber.Value).Sign;
                var expected = _rules.TokenOrder == PageTokenOrder.Increasing ? 1 : _direction;
                if (expected == 0) _direction = direction;
                else if (direction != expected)
                    return Stopped("page " + pageNumber + " gives the next-page token " + number.ToString(CultureInfo.InvariantCulture) + ", which goes back past "
                                  + _lastNumber.Value.ToString(CultureInfo.InvariantCulture) + ": the provider's paging turned back");
            }
            _lastNumber = number;
            return null;
        }

        /// <summary>The page's records without those the previous page already gave; a page of nothing but those stops the listing.</summary>
        public IReadOnlyList<T> Admit(IReadOnlyList<T> records, int pageNumber)
        {
            var keyOf = _rules?.KeyOf;
            if (keyOf is null || records.Count == 0) return records;
            var keys = new HashSet<string>(StringComparer.Ordinal);
            List<T>? kept = null;
            var repeats = 0;
            for (var i = 0; i < records.Count; i++)
            {
                var key = keyOf(records[i]);
                var repeated = key != null && _previousKeys != null && _previousKeys.Contains(key);
                if (key != null) keys.Add(key);
                if (repeated)
                {
                    if (kept is null)
                    {
                        kept = new List<T>(records.Count);
                        for (var j = 0; j < i; j++) kept.Add(records[j]);
                    }
                    repeats++;
                }
                else
                {
                    kept?.Add(records[i]);
                }
            }
            if (repeats == records.Count)
                throw Stopped("page " + pageNumber + " holds only records that page " + (pageNumber - 1) + " already gave (" + repeats + "): the provider's paging does not advance");
            _previousKeys = keys;
            if (kept is null) return records;
            RequestDiagnostics.Current?.OnNotice(_provider + " " + Operation + ": page " + pageNumber + " repeated " + repeats + " record(s) of page "
                + (pageNumber - 1) + " (records were added while the list was read); left out", warning: false);
            return kept;
        }

        public void WarnReadAllLimit()
            => RequestDiagnostics.Current?.OnNotice(_provider + " " + _description + ": more than " + ReadAllLimit.ToString("N0", CultureInfo.InvariantCulture)
                + " records match, too many to read before handing them on; the rest follow as they are read, so a command later in the pipeline that changes them may"
                + " shift the provider's pages and miss some. Narrow the filter, or run the listing again afterwards to catch any left.", warning: true);

        private CallTrackingException Stopped(string why)
        {
            var lead = _provider.Length == 0 ? Operation + " stopped: " : _provider + " could not " + _description + ": ";
            return new CallTrackingException(_provider, Operation, CallTrackingErrorKind.ProviderFailure, lead + why + ". The listing was stopped so that nothing is repeated without end.");
        }

        private static string Shorten(string token) => token.Length <= 40 ? token : token.Substring(0, 40) + "…";
    }
}
