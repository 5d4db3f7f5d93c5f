using System;
using System.Management.Automation;
using CallTracking.Core.Validation;

namespace CallTracking.PowerShell.Transformations
{
    /// <summary>
    /// Base of the strict transformations. PowerShell's own conversion of a CSV cell bound by property name is silently
    /// wrong ("true" → False for a bool, "x7" → 0 for an int: powershell-facts.md 1); a transformation sees the raw value,
    /// so a bad cell becomes a ParameterArgumentTransformationError for that row. The parsing itself is
    /// <see cref="ValueParsers"/> (unit-tested in the core). The EngineIntrinsics argument is never used, so tests may pass null.
    /// </summary>
    public abstract class StrictTransformationAttribute : ArgumentTransformationAttribute
    {
        protected StrictTransformationAttribute(string parameterName)
        {
            ParameterName = string.IsNullOrWhiteSpace(parameterName) ? "Value" : parameterName;
        }

        /// <summary>The parameter's name as the user types it, for messages.</summary>
        public string ParameterName { get; }

        public sealed override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = Unwrap(inputData);
            try
            {
                return TransformValue(value);
            }
            catch (CallTrackingArgumentException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
        }

        /// <summary>Converts one unwrapped value; throws <see cref="CallTrackingArgumentException"/> when it does not parse.</summary>
        protected abstract object? TransformValue(object? value);

        internal static object? Unwrap(object? value)
        {
            while (value is PSObject pso)
            {
                var inner = pso.BaseObject;
                if (ReferenceEquals(inner, pso)) break;
                value = inner;
            }
            return value;
        }

        /// <summary>A CSV cell that is empty (or only spaces) means "not given" for an optional parameter.</summary>
        protected static bool IsBlank(object? value) => value is string s && s.Trim().Length == 0;

        protected CallTrackingArgumentException NotValid(object? value, string allowed)
            => new CallTrackingArgumentException(ParameterName, value, allowed);
    }
}
