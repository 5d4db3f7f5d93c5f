using System;
using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>
    /// Base of every object the module emits: which provider it came from, the provider's own id, and every field the
    /// provider sent that is not typed on the object (so nothing the API returns is lost to the user). A field whose typed
    /// read failed ("12.5" for a whole number of seconds, "$1.50" for money) keeps its raw value here, its typed property null.
    /// </summary>
    public abstract class ProviderRecord
    {
        protected ProviderRecord(string provider, string id, IReadOnlyDictionary<string, object?>? raw)
        {
            Provider = provider ?? throw new ArgumentNullException(nameof(provider));
            Id = id ?? throw new ArgumentNullException(nameof(id));
            _raw = raw;
        }

        private IReadOnlyDictionary<string, object?>? _raw;
        private RawFieldView? _rawView;

        /// <summary>The provider's name as Connect-CallTracking -Provider takes it.</summary>
        public string Provider { get; }

        /// <summary>The provider's own identifier of this record.</summary>
        public string Id { get; internal set; }

        /// <summary>The provider's fields as sent that are not typed here (strings, numbers, booleans; nested values as JSON text).</summary>
        /// <remarks>
        /// Made readable on first use only (a listing that never looks at Raw pays nothing for it).</remarks>
        public IReadOnlyDictionary<string, object?> Raw
        {
            get => _rawView ??= RawFieldView.Of(_raw);
            internal set { _raw = value; _rawView = null; }
        }

        /// <summary>What this record is, for messages ("number", "call"): a piped object of another kind is refused by name.</summary>
        public abstract string Kind { get; }
    }

    /// <summary>
    /// A record's raw fields, read-only. Its text is "name=value; name=value" in the provider's order, so Export-Csv writes
    /// a readable cell instead of a type name; $record.Raw.field and $record.Raw['field'] work as on any dictionary.
    /// </summary>
    public sealed class RawFieldView : System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>
    {
        private static readonly RawFieldView Empty = new RawFieldView(new Dictionary<string, object?>());

        private RawFieldView(IDictionary<string, object?> fields) : base(fields) { }

        internal static RawFieldView Of(IReadOnlyDictionary<string, object?>? raw)
        {
            if (raw is null || raw.Count == 0) return Empty;
            if (raw is RawFieldView done) return done;
            if (raw is IDictionary<string, object?> dictionary) return new RawFieldView(dictionary);
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var pair in raw) copy[pair.Key] = pair.Value;
            return new RawFieldView(copy);
        }

        public override string ToString()
        {
            var text = new System.Text.StringBuilder();
            foreach (var pair in this)
            {
                if (text.Length > 0) text.Append("; ");
                text.Append(pair.Key).Append('=').Append(Convert.ToString(pair.Value, System.Globalization.CultureInfo.InvariantCulture));
            }
            return text.ToString();
        }
    }
}
