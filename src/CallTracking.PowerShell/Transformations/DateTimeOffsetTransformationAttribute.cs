using System;
using CallTracking.Core.Validation;

namespace CallTracking.PowerShell.Transformations
{
    /// <summary>
    /// Dates: DateTime (a local or unspecified time is taken as local) and DateTimeOffset pass; strings parse through
    /// <see cref="ValueParsers.ParseDateTimeOffset"/> (ISO 8601 or the provider's "2016-01-01 12:25:15 -0500"); empty is null.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class DateTimeOffsetTransformationAttribute : StrictTransformationAttribute
    {
        public DateTimeOffsetTransformationAttribute(string parameterName = "Value") : base(parameterName)
        {
        }

        protected override object? TransformValue(object? value)
        {
            switch (value)
            {
                case null: return null;
                case DateTimeOffset dto: return dto;
                case DateTime dt: return dt.Kind == DateTimeKind.Utc ? new DateTimeOffset(dt) : new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Local));
                case string s when s.Trim().Length == 0: return null;
                case string s: return ValueParsers.ParseDateTimeOffset(s, ParameterName);
                default: throw NotValid(value, "a date such as 2026-01-31 or 2026-01-31T13:45:00-05:00");
            }
        }
    }
}
