using System;
using System.Collections.Generic;

namespace CallTracking.Core.Model
{
    /// <summary>
    /// Base of every object the module emits: which provider it came from, the provider's own id, and every field the
    /// provider sent that is not typed on the object (so nothing the API returns is lost to the user).
    /// </summary>
    public abstract class ProviderRecord
    {
        protected ProviderRecord(ProviderName provider, string id, IReadOnlyDictionary<string, object?>? raw)
        {
            Provider = provider;
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Raw = raw ?? EmptyRaw;
        }

        private static readonly IReadOnlyDictionary<string, object?> EmptyRaw = new Dictionary<string, object?>();

        public ProviderName Provider { get; }

        /// <summary>The provider's own identifier of this record.</summary>
        public string Id { get; internal set; }

        /// <summary>The provider's fields as sent (strings, numbers, booleans; nested values as JSON text).</summary>
        public IReadOnlyDictionary<string, object?> Raw { get; internal set; }
    }
}
