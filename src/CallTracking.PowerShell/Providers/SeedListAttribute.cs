using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace CallTracking.PowerShell.Providers
{
    /// <summary>
    /// Restricts a parameter to a list from a provider's definitions file (a time-zone or status list…), read from there: the
    /// lists exist once. Case is ignored here (the cmdlet sends the list's own spelling); a value outside the list is a
    /// ParameterArgumentValidationError that names the allowed values. <see cref="SeedListCompleter"/> completes from the
    /// same list.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SeedListAttribute : ValidateArgumentsAttribute
    {
        private readonly Lazy<IReadOnlyList<string>> _values;

        public SeedListAttribute(Type definitions, string listName)
        {
            Definitions = definitions ?? throw new ArgumentNullException(nameof(definitions));
            ListName = listName ?? throw new ArgumentNullException(nameof(listName));
            _values = new Lazy<IReadOnlyList<string>>(Load);
        }

        public Type Definitions { get; }
        public string ListName { get; }

        public IReadOnlyList<string> Values => _values.Value;

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            foreach (var item in Items(arguments))
            {
                // An empty CSV cell means "not given" for an optional parameter (a mandatory one is refused by the binder).
                if (item is null || (item is string blank && blank.Trim().Length == 0)) continue;
                var text = Convert.ToString(item, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                if (!Values.Any(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase)))
                    throw new ValidationMetadataException("'" + text + "' is not one of the values allowed here: " + string.Join(", ", Values) + ".");
            }
        }

        private static IEnumerable<object?> Items(object arguments)
        {
            while (arguments is PSObject pso && !ReferenceEquals(pso.BaseObject, pso)) arguments = pso.BaseObject;
            if (arguments is string s) return new object?[] { s };
            if (arguments is IEnumerable e) return e.Cast<object?>().Select(x => x is PSObject p ? p.BaseObject : x);
            return new[] { arguments };
        }

        private IReadOnlyList<string> Load()
        {
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
            var value = Definitions.GetField(ListName, flags)?.GetValue(null) ?? Definitions.GetProperty(ListName, flags)?.GetValue(null);
            if (value is IEnumerable<string> list) return list.ToList();
            throw new InvalidOperationException(Definitions.FullName + "." + ListName + " is not a list of strings.");
        }
    }
}
