using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace CallTracking.Core.Model
{
    /// <summary>
    /// A record's list of text values (token values…). Its text is the values joined by "; ", so Export-Csv
    /// and string interpolation show "interest:auto; state:CA" instead of a type name, and the same text splits back in a
    /// CSV-driven Set- or New- cmdlet.
    /// </summary>
    public sealed class ValueList : ReadOnlyCollection<string>
    {
        public static readonly ValueList Empty = new ValueList(Array.Empty<string>());

        public ValueList(IEnumerable<string> values) : base((values ?? Array.Empty<string>()).ToList())
        {
        }

        public static ValueList Of(IReadOnlyList<string>? values) => values is ValueList list ? list : values is null || values.Count == 0 ? Empty : new ValueList(values);

        public override string ToString() => string.Join("; ", this);
    }
}
