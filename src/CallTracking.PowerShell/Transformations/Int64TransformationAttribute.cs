using System;
using System.Globalization;
using CallTracking.Core.Validation;

namespace CallTracking.PowerShell.Transformations
{
    /// <summary>Whole numbers: integral values pass, strings parse strictly ("x7" is an error, not 0); an empty cell is null.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class Int64TransformationAttribute : StrictTransformationAttribute
    {
        public Int64TransformationAttribute(string parameterName = "Value") : base(parameterName)
        {
        }

        protected override object? TransformValue(object? value)
        {
            if (value is null || IsBlank(value)) return null;
            if (value is string s) return ValueParsers.ParseInt64(s, ParameterName);
            if (NumericValues.TryInt64(value, out var l)) return l;
            throw NotValid(value, "a whole number");
        }
    }

    /// <summary>32-bit whole numbers, as <see cref="Int64TransformationAttribute"/>.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class Int32TransformationAttribute : StrictTransformationAttribute
    {
        public Int32TransformationAttribute(string parameterName = "Value") : base(parameterName)
        {
        }

        protected override object? TransformValue(object? value)
        {
            if (value is null || IsBlank(value)) return null;
            if (value is string s) return ValueParsers.ParseInt32(s, ParameterName);
            if (NumericValues.TryInt64(value, out var l) && l >= int.MinValue && l <= int.MaxValue) return (int)l;
            throw NotValid(value, "a whole number from " + int.MinValue.ToString(CultureInfo.InvariantCulture) + " to " + int.MaxValue.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Decimal numbers (money, decimal ids): numbers pass, strings parse in the invariant culture.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class DecimalTransformationAttribute : StrictTransformationAttribute
    {
        public DecimalTransformationAttribute(string parameterName = "Value") : base(parameterName)
        {
        }

        protected override object? TransformValue(object? value)
        {
            switch (value)
            {
                case null: return null;
                case string s when s.Trim().Length == 0: return null;
                case string s: return ValueParsers.ParseDecimal(s, ParameterName);
                case decimal d: return d;
                case double db when !double.IsNaN(db) && !double.IsInfinity(db): return (decimal)db;
                case float f when !float.IsNaN(f) && !float.IsInfinity(f): return (decimal)f;
                default:
                    if (NumericValues.TryInt64(value, out var l)) return (decimal)l;
                    throw NotValid(value, "a number such as 12.50");
            }
        }
    }

    internal static class NumericValues
    {
        /// <summary>Integral CLR values (and whole-valued decimals/doubles) as Int64.</summary>
        public static bool TryInt64(object value, out long result)
        {
            result = 0;
            switch (value)
            {
                case long l: result = l; return true;
                case int i: result = i; return true;
                case short sh: result = sh; return true;
                case byte b: result = b; return true;
                case sbyte sb: result = sb; return true;
                case ushort us: result = us; return true;
                case uint ui: result = ui; return true;
                case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
                case decimal d when d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue: result = (long)d; return true;
                case double db when db == Math.Truncate(db) && db >= long.MinValue && db <= long.MaxValue: result = (long)db; return true;
                default: return false;
            }
        }
    }
}
