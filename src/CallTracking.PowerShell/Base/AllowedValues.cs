using System;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// ValidateSet ignores case, the provider does not: a value the user typed in another case is sent as the list spells
    /// it ("utc" → "UTC", "us" → "US").
    /// </summary>
    public static class AllowedValues
    {
        public static string? Canonical(string? value, IReadOnlyList<string> allowed)
        {
            if (value is null || value.Trim().Length == 0) return null; // an empty CSV cell: not given
            foreach (var item in allowed) if (string.Equals(item, value, StringComparison.Ordinal)) return item;
            foreach (var item in allowed) if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase)) return item;
            return value;
        }

        public static string[]? Canonical(string[]? values, IReadOnlyList<string> allowed)
            => values?.Select(v => Canonical(v, allowed)!).ToArray();
    }
}
