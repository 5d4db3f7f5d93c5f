using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace CallTracking.PowerShell.Transformations
{
    /// <summary>
    /// Lists from a CSV cell: one string holding ';' splits into trimmed items ("interest:auto;state:CA"); an empty cell is
    /// null; arrays and other lists pass through unchanged (each item is then the user's own).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class StringListTransformationAttribute : StrictTransformationAttribute
    {
        public StringListTransformationAttribute(string parameterName = "Value") : base(parameterName)
        {
        }

        public const char Separator = ';';

        /// <summary>
        /// Keep empty items ("7;" is "7" and ""): for lists paired by position with another list (an extension per
        /// receiving number), where an empty item means "none for this one". Default false: empty items are dropped.
        /// </summary>
        public bool KeepEmpty { get; set; }

        protected override object? TransformValue(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case string s:
                    if (s.Trim().Length == 0) return null;
                    if (s.IndexOf(Separator) < 0) return new[] { s.Trim() };
                    return s.Split(Separator).Select(p => p.Trim()).Where(p => KeepEmpty || p.Length > 0).ToArray();
                case IEnumerable _:
                    return value;
                default:
                    return value;
            }
        }
    }
}
