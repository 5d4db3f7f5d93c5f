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
            Raw = raw ?? EmptyRaw;
        }

        private static readonly IReadOnlyDictionary<string, object?> EmptyRaw = new Dictionary<string, object?>();

        /// <summary>The provider's name as Connect-CallTracking -Provider takes it.</summary>
        public string Provider { get; }

        /// <summary>The provider's own identifier of this record.</summary>
        public string Id { get; internal set; }

        /// <summary>The provider's fields as sent that are not typed here (strings, numbers, booleans; nested values as JSON text).</summary>
        public IReadOnlyDictionary<string, object?> Raw { get; internal set; }

        /// <summary>What this record is, for messages ("number", "call"): a piped object of another kind is refused by name.</summary>
        public abstract string Kind { get; }
    }
}
