using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// The one list of names (query parameters, form fields, JSON members, headers) whose values are secrets, shared by the
    /// core's redaction and the sandbox's request log. Generic names are listed here; each provider's descriptor adds its
    /// own (<see cref="Register"/>), so a provider never has to be named in shared code.
    /// </summary>
    public static class SecretNames
    {
        private static readonly object Gate = new object();
        private static HashSet<string> _names = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "password", "passwd", "secret", "client_secret", "token", "access_token", "refresh_token", "api_key", "apikey",
            "key", "private_key", "signature", "authorization", "proxy-authorization",
        };

        /// <summary>Every secret name known so far (generic names plus every registered provider's).</summary>
        public static IReadOnlyCollection<string> All
        {
            get
            {
                EnsureProviders();
                lock (Gate) return _names.ToArray();
            }
        }

        private static volatile bool _providersLoaded;

        // The built-in providers register their names when the registry first loads: make sure it has.
        private static void EnsureProviders()
        {
            if (_providersLoaded) return;
            _providersLoaded = true;
            Providers.ProviderRegistry.EnsureRegistered();
        }

        /// <summary>True when a value under <paramref name="name"/> must never be shown; "sid[]" is read as "sid".</summary>
        public static bool IsSecret(string? name)
        {
            if (string.IsNullOrEmpty(name)) return false;
            EnsureProviders();
            var n = name!.EndsWith("[]", StringComparison.Ordinal) ? name.Substring(0, name.Length - 2) : name;
            try { n = Uri.UnescapeDataString(n); } catch (UriFormatException) { }
            var names = _names; // copy-on-write: readers need no lock
            return names.Contains(n);
        }

        /// <summary>Adds a provider's secret names (its descriptor calls this once).</summary>
        public static void Register(IEnumerable<string> names)
        {
            if (names is null) throw new ArgumentNullException(nameof(names));
            lock (Gate)
            {
                var next = new HashSet<string>(_names, StringComparer.OrdinalIgnoreCase);
                foreach (var n in names) if (!string.IsNullOrWhiteSpace(n)) next.Add(n.Trim());
                _names = next;
            }
        }
    }
}
